package org.tonearm.compat.lastfm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.tonearm.listens.ListenHistory;

/**
 * The response shapes of the supported methods, element for element as Last.fm documents them
 * (https://www.last.fm/api/show/&lt;method&gt; "Sample Response"). Tonearm corrects nothing, so every
 * {@code corrected} is 0.
 */
final class LastfmResponses {

    /** Last.fm's display form of a date, e.g. "9 Jun 2008, 17:16", in UTC. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter REGISTERED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private LastfmResponses() {}

    /** auth.getMobileSession / auth.getSession. */
    static Lfm session(String username, String key) {
        return Lfm.el("session").add("name", username).add("key", key).add("subscriber", 0);
    }

    /** auth.getToken. */
    static Lfm token(String token) {
        return Lfm.text("token", token);
    }

    /** One entry of a track.scrobble answer. */
    record ScrobbleResult(String track, String artist, String album, String albumArtist, String timestamp,
            int ignoredCode) {}

    /** track.scrobble: one entry is an object, several an array (JSON), as Last.fm answers. */
    static Lfm scrobbles(List<ScrobbleResult> results) {
        int ignored = (int) results.stream().filter(r -> r.ignoredCode() != 0).count();
        Lfm scrobbles = Lfm.el("scrobbles").attr("ignored", ignored).attr("accepted", results.size() - ignored);
        for (ScrobbleResult r : results) {
            scrobbles.add(Lfm.el("scrobble")
                    .add(corrected("track", r.track()))
                    .add(corrected("artist", r.artist()))
                    .add(corrected("album", r.album()))
                    .add(corrected("albumArtist", r.albumArtist()))
                    .add("timestamp", r.timestamp())
                    .add(ignoredMessage(r.ignoredCode())));
        }
        return scrobbles;
    }

    /** track.updateNowPlaying. */
    static Lfm nowPlaying(String track, String artist, String album, String albumArtist, int ignoredCode) {
        return Lfm.el("nowplaying")
                .add(corrected("track", track))
                .add(corrected("artist", artist))
                .add(corrected("album", album))
                .add(corrected("albumArtist", albumArtist))
                .add(ignoredMessage(ignoredCode));
    }

    /** user.getInfo. */
    static Lfm userInfo(String name, String realName, String url, long playcount, long registeredMs) {
        long seconds = registeredMs / 1000;
        return Lfm.el("user")
                .add("name", name)
                .add("realname", realName == null ? "" : realName)
                .add("url", url)
                .add("country", "")
                .add("playcount", String.valueOf(playcount))
                .add("subscriber", "0")
                .add("type", "user")
                .add(Lfm.text("registered", REGISTERED.format(Instant.ofEpochSecond(seconds)))
                        .attr("unixtime", String.valueOf(seconds)));
    }

    /** What is playing now, for the head of user.getRecentTracks. */
    record Playing(String artist, String track, String album) {}

    /** user.getRecentTracks; {@code playing} (may be null) is marked {@code nowplaying="true"} and has no date. */
    static Lfm recentTracks(String user, int page, int perPage, long total, Playing playing,
            List<ListenHistory.Entry> entries) {
        long totalPages = (total + perPage - 1) / perPage;
        Lfm recent = Lfm.el("recenttracks").array("track")
                .attr("user", user).attr("page", String.valueOf(page)).attr("perPage", String.valueOf(perPage))
                .attr("totalPages", String.valueOf(totalPages)).attr("total", String.valueOf(total));
        if (playing != null) {
            recent.add(track(playing.artist(), null, playing.track(), null, playing.album(), null)
                    .attr("nowplaying", "true"));
        }
        for (ListenHistory.Entry e : entries) {
            long uts = e.listenedAtMs() / 1000;
            recent.add(track(e.artist(), e.artistMbid(), e.track(), e.trackMbid(), e.album(), e.albumMbid())
                    .add(Lfm.text("date", DATE.format(Instant.ofEpochSecond(uts))).attr("uts", String.valueOf(uts))));
        }
        return recent;
    }

    private static Lfm track(String artist, String artistMbid, String name, String mbid, String album,
            String albumMbid) {
        return Lfm.el("track")
                .add(Lfm.text("artist", artist).attr("mbid", nz(artistMbid)))
                .add("name", name)
                .add("streamable", "0")
                .add("mbid", nz(mbid))
                .add(Lfm.text("album", nz(album)).attr("mbid", nz(albumMbid)))
                .add("url", "");
    }

    private static Lfm corrected(String name, String value) {
        return Lfm.text(name, value == null ? "" : value).attr("corrected", "0");
    }

    private static Lfm ignoredMessage(int code) {
        return Lfm.text("ignoredMessage", "").attr("code", String.valueOf(code));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
