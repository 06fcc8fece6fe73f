package org.tonearm.listens;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;

/**
 * What a real play can be: the one rule set of the funnel (issue #10), enforced by {@link ListenService#ingestBatch}
 * on every channel. An adapter whose protocol answers a request as a whole (ListenBrainz, Audioscrobbler) may ask
 * first, so that a refused listen leaves nothing half-written; the funnel checks again all the same.
 * <ul>
 *   <li>no NUL character in any text (names, client, ids, extra keys and values, raw submission): no real tag holds
 *       one, and PostgreSQL text cannot store it;</li>
 *   <li>{@code listened_at} from 2002-10-01T00:00:00Z (ListenBrainz's LISTEN_MINIMUM_TS, "before which most
 *       Last.FM data is rubbish") up to now + 1 h (ListenBrainz's API_LISTENED_AT_ALLOWED_SKEW for clock skew);</li>
 *   <li>played duration and track length, when known, above 0 and at most 24 days (ListenBrainz's
 *       MAX_DURATION_LIMIT).</li>
 * </ul>
 */
public final class ListenSanity {

    public static final Instant MIN_LISTENED_AT = Instant.parse("2002-10-01T00:00:00Z");
    public static final Duration MAX_AHEAD = Duration.ofHours(1);
    public static final Duration MAX_DURATION = Duration.ofDays(24);

    private static final char NUL = '\0';

    private ListenSanity() {}

    /** The listen checked against the rules at the current time. */
    public static Optional<ListenRefusal> check(IncomingListen listen) {
        return check(listen, System.currentTimeMillis());
    }

    /** The first rule {@code listen} breaks at {@code nowMs}, or empty when it is a sane play. */
    public static Optional<ListenRefusal> check(IncomingListen listen, long nowMs) {
        return noNul(listen).or(() -> listenedAt(listen.listenedAtMs(), nowMs))
                .or(() -> duration(listen.durationPlayedMs(), "duration_played_ms"))
                .or(() -> duration(listen.credit() == null ? null : listen.credit().lengthMs(), "track_length_ms"));
    }

    /**
     * Seconds (a protocol's timestamp or length) as milliseconds, saturated at the long range: a value in the wrong
     * unit (nanoseconds, say) must stay absurd and be refused, never wrap around into a plausible time.
     */
    public static long secondsToMillis(long seconds) {
        try {
            return Math.multiplyExact(seconds, 1000L);
        } catch (ArithmeticException overflow) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Optional<ListenRefusal> listenedAt(long ms, long nowMs) {
        if (ms < MIN_LISTENED_AT.toEpochMilli()) {
            return refuse(ListenRefusal.Rule.LISTENED_AT_TOO_OLD, "listened_at",
                    "must not be before " + MIN_LISTENED_AT);
        }
        if (ms > nowMs + MAX_AHEAD.toMillis()) {
            return refuse(ListenRefusal.Rule.LISTENED_AT_TOO_NEW, "listened_at",
                    "must not be more than 1 hour in the future");
        }
        return Optional.empty();
    }

    static Optional<ListenRefusal> duration(Long ms, String field) {
        if (ms == null) {
            return Optional.empty();
        }
        if (ms <= 0) {
            return refuse(ListenRefusal.Rule.DURATION_NOT_POSITIVE, field, "must be more than 0");
        }
        if (ms > MAX_DURATION.toMillis()) {
            return refuse(ListenRefusal.Rule.DURATION_TOO_LONG, field, "must not be more than 24 days");
        }
        return Optional.empty();
    }

    private static Optional<ListenRefusal> noNul(IncomingListen l) {
        TrackCredit c = l.credit();
        if (c != null) {
            Identifiers ids = c.ids();
            Optional<String> field = firstWithNul(
                    "artist", c.artist(), "artists", c.artists(), "track", c.title(), "album", c.album(),
                    "recording_mbid", ids.recordingMbid(), "artist_mbids", ids.artistMbids(),
                    "release_mbid", ids.releaseMbid(), "isrc", ids.isrc(), "spotify_id", ids.spotifyId());
            if (field.isPresent()) {
                return nul(field.get());
            }
        }
        return firstWithNul("origin", l.origin(), "client", l.client(), "external_id", l.externalId(),
                "extra", l.extra(), "raw", l.raw()).flatMap(ListenSanity::nul);
    }

    private static Optional<ListenRefusal> nul(String field) {
        return refuse(ListenRefusal.Rule.NUL_CHARACTER, field, "must not contain NUL characters");
    }

    /** Pairs of (field name, value): the name of the first value holding a NUL anywhere inside. */
    private static Optional<String> firstWithNul(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (hasNul(namesAndValues[i + 1])) {
                return Optional.of((String) namesAndValues[i]);
            }
        }
        return Optional.empty();
    }

    private static boolean hasNul(Object value) {
        if (value instanceof String s) {
            return s.indexOf(NUL) >= 0;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (hasNul(e.getKey()) || hasNul(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (hasNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<ListenRefusal> refuse(ListenRefusal.Rule rule, String field, String message) {
        return Optional.of(new ListenRefusal(rule, field, message));
    }
}
