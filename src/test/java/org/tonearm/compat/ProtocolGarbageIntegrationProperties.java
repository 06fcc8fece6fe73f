package org.tonearm.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.TonearmApplication;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random garbage through every listen-in protocol (issue #10): text with NULs and control characters, huge and
 * negative numbers, timestamps in seconds, milliseconds, microseconds and nanoseconds. Whatever is sent, no answer is
 * a 5xx and every stored listen passes the funnel's sanity rules (ListenSanity). Few tries: it runs in seconds.
 */
class ProtocolGarbageIntegrationProperties {

    private static final long MIN_MS = Instant.parse("2002-10-01T00:00:00Z").toEpochMilli();
    private static final long MAX_DURATION_MS = 24L * 24 * 3600 * 1000;

    private static ConfigurableApplicationContext context;
    private static ProtocolClients clients;

    private static synchronized ProtocolClients clients() {
        if (context == null) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--tonearm.registration=open",
                    "--tonearm.rate-limit.per-ip.capacity=1000000", "--tonearm.rate-limit.per-token.capacity=1000000"));
            TestDatabase.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
            context = new SpringApplicationBuilder(TonearmApplication.class).run(args.toArray(String[]::new));
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            clients = new ProtocolClients(new Api(port));
        }
        return clients;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
            clients = null;
        }
    }

    @Property(tries = 40)
    void nativeApi(@ForAll("text") String artist, @ForAll("text") String track, @ForAll("seconds") long at,
            @ForAll("numbers") long played, @ForAll("numbers") long length) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("artist", artist);
        body.put("track", track);
        body.put("listened_at", at);
        body.put("duration_played_ms", played);
        body.put("track_length_ms", length);
        body.put("extra", Map.of(artist, track));
        check(clients().nativeApi(body));
    }

    @Property(tries = 40)
    void listenBrainz(@ForAll("text") String artist, @ForAll("text") String track, @ForAll("text") String release,
            @ForAll("seconds") long at, @ForAll("numbers") long durationMs) {
        ObjectNode listen = JsonNodeFactory.instance.objectNode();
        listen.put("listened_at", at);
        ObjectNode metadata = listen.putObject("track_metadata");
        metadata.put("artist_name", artist);
        metadata.put("track_name", track);
        metadata.put("release_name", release);
        metadata.putObject("additional_info").put("duration_ms", durationMs).put("media_player", release);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("listen_type", "single");
        body.putArray("payload").add(listen);
        check(clients().listenBrainz(body.toString()));
    }

    @Property(tries = 40)
    void lastfm(@ForAll("text") String artist, @ForAll("text") String track, @ForAll("text") String album,
            @ForAll("seconds") long at, @ForAll("numbers") long duration) {
        check(clients().lastfm(Map.of("method", "track.scrobble", "format", "json", "artist[0]", artist,
                "track[0]", track, "album[0]", album, "timestamp[0]", String.valueOf(at),
                "duration[0]", String.valueOf(duration))));
    }

    @Property(tries = 40)
    void audioscrobbler(@ForAll("text") String artist, @ForAll("text") String track, @ForAll("text") String album,
            @ForAll("seconds") long at, @ForAll("numbers") long length) {
        check(clients().audioscrobbler(Map.of("a[0]", artist, "t[0]", track, "b[0]", album,
                "i[0]", String.valueOf(at), "l[0]", String.valueOf(length), "o[0]", "P")));
    }

    private static void check(Api.Response r) {
        assertThat(r.status()).as(r.body()).isLessThan(500);
        long now = System.currentTimeMillis();
        for (JsonNode stored : clients().stored()) {
            long at = Instant.parse(stored.path("listened_at").asString()).toEpochMilli();
            assertThat(at).as(stored.toString()).isBetween(MIN_MS, now + 3_600_000);
            for (String field : List.of("duration_played_ms", "track_length_ms")) {
                JsonNode d = stored.path(field);
                if (!d.isNull() && !d.isMissingNode()) {
                    assertThat(d.asLong()).as(stored.toString()).isBetween(1L, MAX_DURATION_MS);
                }
            }
            assertThat(stored.toString()).as("no NUL stored").doesNotContain("\\u0000");
        }
    }

    /** Names: mostly plausible text, with NULs, other control characters and non-ASCII mixed in. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars('\0', '\u0001', '\u001f', '\t', '\n', '\r', ' ', 'a', 'Z', '9', 'é',
                '音', '\u202e', '\uffff').ofMinLength(0).ofMaxLength(10);
    }

    /** Epoch timestamps in various units, plus the long range's ends and small or negative values. */
    @Provide
    Arbitrary<Long> seconds() {
        long now = System.currentTimeMillis() / 1000;
        return Arbitraries.oneOf(
                Arbitraries.longs().between(now - 400_000_000L, now + 10_000),
                Arbitraries.of(now * 1_000L, now * 1_000_000L, now * 1_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE,
                        0L, -1L, 1_033_430_399L, 1_033_430_400L, now + 3600, now + 3601),
                Arbitraries.longs());
    }

    /** Durations and lengths: sane ones, zero, negative, huge. */
    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-5, 5), Arbitraries.longs().between(1, 3_000_000),
                Arbitraries.of(2_073_600L, 2_073_601L, 2_073_600_000L, 2_073_600_001L, Long.MAX_VALUE, Long.MIN_VALUE),
                Arbitraries.longs());
    }
}
