package org.tonearm.compat.lastfm;

import java.util.List;

/**
 * The chart shapes of user.getTopArtists, user.getTopTracks, user.getTopAlbums, user.getWeeklyChartList and
 * user.getWeeklyArtistChart, element for element as Last.fm answers them (https://www.last.fm/api/show/&lt;method&gt;
 * "Sample Response"; the paging attributes {@code user, page, perPage, totalPages, total} as in
 * user.getRecentTracks). Counts are strings as on Last.fm; {@code url} is empty (no public page per entity yet) and
 * images are left out as in user.getRecentTracks.
 */
final class LastfmChartResponses {

    private LastfmChartResponses() {}

    /** One artist of a chart. */
    record ChartArtist(String name, String mbid, long playcount) {}

    /** One track of a chart; {@code durationSeconds} 0 when unknown, as Last.fm writes it. */
    record ChartTrack(String name, String mbid, long durationSeconds, long playcount, String artist,
            String artistMbid) {}

    /** One album of a chart. */
    record ChartAlbum(String name, String mbid, long playcount, String artist, String artistMbid) {}

    /** The page being answered: entries are ranked from {@code (page - 1) * perPage + 1}. */
    record Page(String user, int page, int perPage, long total) {

        long totalPages() {
            return (total + perPage - 1) / perPage;
        }

        long firstRank() {
            return (long) (page - 1) * perPage + 1;
        }

        Lfm root(String name, String child) {
            return Lfm.el(name).array(child).attr("user", user).attr("page", String.valueOf(page))
                    .attr("perPage", String.valueOf(perPage)).attr("totalPages", String.valueOf(totalPages()))
                    .attr("total", String.valueOf(total));
        }
    }

    static Lfm topArtists(Page page, List<ChartArtist> artists) {
        Lfm root = page.root("topartists", "artist");
        long rank = page.firstRank();
        for (ChartArtist a : artists) {
            root.add(Lfm.el("artist").attr("rank", String.valueOf(rank++))
                    .add("name", a.name())
                    .add("playcount", String.valueOf(a.playcount()))
                    .add("mbid", nz(a.mbid()))
                    .add("url", "")
                    .add("streamable", "0"));
        }
        return root;
    }

    static Lfm topTracks(Page page, List<ChartTrack> tracks) {
        Lfm root = page.root("toptracks", "track");
        long rank = page.firstRank();
        for (ChartTrack t : tracks) {
            root.add(Lfm.el("track").attr("rank", String.valueOf(rank++))
                    .add("name", t.name())
                    .add("duration", String.valueOf(t.durationSeconds()))
                    .add("playcount", String.valueOf(t.playcount()))
                    .add("mbid", nz(t.mbid()))
                    .add("url", "")
                    .add(Lfm.text("streamable", "0").attr("fulltrack", "0"))
                    .add(artist(t.artist(), t.artistMbid())));
        }
        return root;
    }

    static Lfm topAlbums(Page page, List<ChartAlbum> albums) {
        Lfm root = page.root("topalbums", "album");
        long rank = page.firstRank();
        for (ChartAlbum a : albums) {
            root.add(Lfm.el("album").attr("rank", String.valueOf(rank++))
                    .add("name", a.name())
                    .add("playcount", String.valueOf(a.playcount()))
                    .add("mbid", nz(a.mbid()))
                    .add("url", "")
                    .add(artist(a.artist(), a.artistMbid())));
        }
        return root;
    }

    /** One week of user.getWeeklyChartList, UNIX seconds, {@code to} exclusive (the next week's {@code from}). */
    record Week(long from, long to) {}

    static Lfm weeklyChartList(String user, List<Week> weeks) {
        Lfm root = Lfm.el("weeklychartlist").array("chart").attr("user", user);
        for (Week w : weeks) {
            // an empty text so that JSON has Last.fm's {"#text": "", "from": …, "to": …}
            root.add(Lfm.text("chart", "").attr("from", String.valueOf(w.from())).attr("to", String.valueOf(w.to())));
        }
        return root;
    }

    static Lfm weeklyArtistChart(String user, Week week, List<ChartArtist> artists) {
        Lfm root = Lfm.el("weeklyartistchart").array("artist").attr("user", user)
                .attr("from", String.valueOf(week.from())).attr("to", String.valueOf(week.to()));
        long rank = 1;
        for (ChartArtist a : artists) {
            root.add(Lfm.el("artist").attr("rank", String.valueOf(rank++))
                    .add("name", a.name())
                    .add("mbid", nz(a.mbid()))
                    .add("playcount", String.valueOf(a.playcount()))
                    .add("url", ""));
        }
        return root;
    }

    private static Lfm artist(String name, String mbid) {
        return Lfm.el("artist").add("name", nz(name)).add("mbid", nz(mbid)).add("url", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
