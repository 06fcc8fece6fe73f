package org.tonearm.compat.audioscrobbler;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.tonearm.compat.audioscrobbler.AudioscrobblerWire.Submission;
import org.tonearm.listens.ListenRefusal;
import org.tonearm.listens.ListenSanity;

/** The Audioscrobbler 1.2 request rules, one per method, with the protocol's limits. */
final class AudioscrobblerValidator {

    /** Protocol 1.2: "The client may submit up to 50 tracks in one submission". */
    static final int MAX_SUBMISSIONS = 50;
    /**
     * BADTIME: "The timestamp provided was not close enough to the current time." The spec gives no number; one hour
     * keeps replayed handshakes short-lived while tolerating badly set player clocks.
     */
    static final Duration HANDSHAKE_CLOCK_TOLERANCE = Duration.ofHours(1);
    /** The protocol versions this endpoint speaks (1.2.1 only adds web-service authentication). */
    static final Set<String> VERSIONS = Set.of("1.2", "1.2.1");
    /** Ratings that mean the track was not listened to: B ban, S skip (protocol 1.2 "r[i]"). */
    static final Set<String> NOT_A_PLAY = Set.of("B", "S");

    private AudioscrobblerValidator() {}

    static void checkVersion(String p) {
        if (p == null || !VERSIONS.contains(p.trim())) {
            throw AudioscrobblerException.failed("Unsupported protocol version; use p=1.2 or 1.2.1");
        }
    }

    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw AudioscrobblerException.failed("Missing parameter " + name);
        }
        return value;
    }

    static void checkClock(long timestampSeconds, long nowMs) {
        if (Math.abs(ListenSanity.secondsToMillis(timestampSeconds) - nowMs) > HANDSHAKE_CLOCK_TOLERANCE.toMillis()) {
            throw new AudioscrobblerException("BADTIME");
        }
    }

    static long seconds(String value, String name) {
        try {
            return Long.parseLong(required(value, name).trim());
        } catch (NumberFormatException e) {
            throw AudioscrobblerException.failed(name + " must be a UNIX timestamp");
        }
    }

    static Long optionalSeconds(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            return n <= 0 ? null : n;
        } catch (NumberFormatException e) {
            throw AudioscrobblerException.failed(name + " must be a whole number of seconds");
        }
    }

    /**
     * {@code l[i]}, the track length in seconds: absent, empty or 0 is unknown (players send 0 for streams); any
     * other whole number goes to the funnel, whose sanity gate refuses a negative or absurd one.
     */
    static Long lengthSeconds(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            return n == 0 ? null : n;
        } catch (NumberFormatException e) {
            throw AudioscrobblerException.failed(name + " must be a whole number of seconds");
        }
    }

    /** The funnel's sanity gate refused track {@code s}: the whole submission fails, naming the track and the rule. */
    static AudioscrobblerException refused(Submission s, ListenRefusal refusal) {
        return AudioscrobblerException.failed("Track " + s.index() + " refused: " + wireName(refusal.field(), s)
                + " " + refusal.message());
    }

    /** The protocol's own parameter name for a field of the funnel's refusal. */
    private static String wireName(String field, Submission s) {
        String x = "[" + s.index() + "]";
        return switch (field) {
            case "artist", "artists" -> "a" + x;
            case "track" -> "t" + x;
            case "album" -> "b" + x;
            case "listened_at" -> "i" + x;
            case "track_length_ms" -> "l" + x;
            case "recording_mbid" -> "m" + x;
            default -> field;
        };
    }

    static void checkBatchSize(List<Submission> submissions) {
        if (submissions.size() > MAX_SUBMISSIONS) {
            throw AudioscrobblerException.failed("At most " + MAX_SUBMISSIONS + " tracks per submission");
        }
    }

    static void checkRequired(Submission s) {
        String x = "[" + s.index() + "]";
        required(s.a(), "a" + x);
        required(s.t(), "t" + x);
        required(s.i(), "i" + x);
    }

    static boolean isPlay(Submission s) {
        return s.r() == null || !NOT_A_PLAY.contains(s.r().trim().toUpperCase(java.util.Locale.ROOT));
    }
}
