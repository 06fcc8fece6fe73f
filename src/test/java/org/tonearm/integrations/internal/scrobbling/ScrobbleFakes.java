package org.tonearm.integrations.internal.scrobbling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bodies of the fake Last.fm and ListenBrainz: the fixtures under {@code fixtures/integrations/} (copied shapes of the
 * real answers) and pages of many plays built in the same shape, for histories longer than a fixture.
 */
public final class ScrobbleFakes {

    /** One play at a service: start in epoch seconds, artist and title. */
    public record Play(long uts, String artist, String track) {}

    private ScrobbleFakes() {}

    public static String fixture(String path) {
        try (InputStream in = ScrobbleFakes.class.getResourceAsStream("/fixtures/integrations/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code user.getRecentTracks} page {@code page} of {@code pages}; plays newest first, like Last.fm. */
    public static String lastFmPage(String user, List<Play> plays, int page, int pages, long total,
            boolean nowPlayingOnTop) {
        String items = plays.stream().map(p -> """
                {"artist":{"mbid":"","#text":"%s"},"streamable":"0","image":[],"mbid":"",\
                "album":{"mbid":"","#text":"%s"},"name":"%s","url":"https://www.last.fm/music/x/_/y",\
                "date":{"uts":"%d","#text":"01 Jan 2025, 00:00"}}""".formatted(p.artist(), "Album of " + p.artist(),
                p.track(), p.uts())).collect(Collectors.joining(","));
        if (nowPlayingOnTop) {
            String now = """
                    {"artist":{"mbid":"","#text":"Now Artist"},"streamable":"0","image":[],"mbid":"",\
                    "album":{"mbid":"","#text":""},"name":"Playing Right Now","@attr":{"nowplaying":"true"},\
                    "url":"https://www.last.fm/music/x/_/z"}""";
            items = items.isEmpty() ? now : now + "," + items;
        }
        return """
                {"recenttracks":{"track":[%s],"@attr":{"user":"%s","totalPages":"%d","page":"%d","perPage":"200",\
                "total":"%d"}}}""".formatted(items, user, pages, page, total);
    }

    /** {@code GET /1/user/{user}/listens} payload; plays newest first, like ListenBrainz. */
    public static String listenBrainzPage(String user, List<Play> plays) {
        String items = plays.stream().map(p -> """
                {"inserted_at":%d,"listened_at":%d,"recording_msid":"00000000-0000-4000-8000-%012d",\
                "track_metadata":{"additional_info":{"submission_client":"fake"},"artist_name":"%s",\
                "release_name":"Album of %s","track_name":"%s"},"user_name":"%s"}""".formatted(p.uts() + 2, p.uts(),
                Math.abs((p.artist() + p.track()).hashCode()), p.artist(), p.artist(), p.track(), user))
                .collect(Collectors.joining(","));
        return """
                {"payload":{"count":%d,"latest_listen_ts":%d,"listens":[%s],"user_id":"%s"}}""".formatted(
                plays.size(), plays.isEmpty() ? 0 : plays.get(0).uts(), items, user);
    }
}
