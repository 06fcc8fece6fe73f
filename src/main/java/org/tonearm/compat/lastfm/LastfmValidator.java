package org.tonearm.compat.lastfm;

import java.time.Duration;
import java.util.List;
import org.tonearm.compat.lastfm.LastfmWire.Scrobble;
import org.tonearm.listens.ListenRefusal;
import org.tonearm.listens.ListenSanity;

/**
 * The Last.fm 2.0 request rules, one rule per method. A broken request (a missing or malformed required parameter,
 * too many scrobbles) fails as a whole with error 6, as Last.fm does; a well-formed scrobble that Last.fm would not
 * record is answered per entry with an {@code ignoredMessage} code (https://www.last.fm/api/show/track.scrobble:
 * 1 artist ignored, 2 track ignored, 3 timestamp too old, 4 timestamp too new, 5 daily limit exceeded).
 */
final class LastfmValidator {

    /** track.scrobble: "up to a maximum of 50 scrobbles per batch [0<=i<=49]". */
    static final int MAX_SCROBBLES = 50;
    /** Last.fm ignores scrobbles whose timestamp is more than 14 days old (ignoredMessage code 3). */
    static final Duration MAX_AGE = Duration.ofDays(14);
    /** The catalog stores names of up to 512 characters (artists.name, tracks.title); longer ones are ignored. */
    static final int MAX_NAME_LENGTH = 512;
    /** user.getRecentTracks: "limit: The number of results to fetch per page. Defaults to 50. Maximum is 200." */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static final int IGNORED_NONE = 0;
    static final int IGNORED_ARTIST = 1;
    static final int IGNORED_TRACK = 2;
    static final int IGNORED_TOO_OLD = 3;
    static final int IGNORED_TOO_NEW = 4;

    private LastfmValidator() {}

    static void checkBatchSize(List<Scrobble> scrobbles) {
        if (scrobbles.isEmpty()) {
            throw LastfmException.missing("artist");
        }
        if (scrobbles.size() > MAX_SCROBBLES || scrobbles.get(scrobbles.size() - 1).index() >= MAX_SCROBBLES) {
            throw new LastfmException(LastfmError.INVALID_PARAMETERS,
                    "Invalid parameters - A batch may hold at most " + MAX_SCROBBLES + " scrobbles [0<=i<=49]");
        }
    }

    static void checkRequired(Scrobble s) {
        String suffix = s.index() < 0 ? "" : "[" + s.index() + "]";
        required(s.artist(), "artist" + suffix);
        required(s.track(), "track" + suffix);
        required(s.timestamp(), "timestamp" + suffix);
    }

    static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw LastfmException.missing(name);
        }
    }

    /** UNIX seconds, UTC ("integer number of seconds since 00:00:00, January 1st 1970 UTC"). */
    static long timestampSeconds(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new LastfmException(LastfmError.INVALID_PARAMETERS, "Invalid parameters - " + name
                    + " must be a UNIX timestamp in seconds");
        }
    }

    /** The optional {@code duration} (track length in seconds); null when absent. */
    static Long durationSeconds(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            // 0 is how clients say "unknown length"; a negative one reaches the funnel and is ignored (code 2)
            return seconds == 0 ? null : seconds;
        } catch (NumberFormatException e) {
            throw new LastfmException(LastfmError.INVALID_PARAMETERS, "Invalid parameters - " + name
                    + " must be a whole number of seconds");
        }
    }

    /** The ignoredMessage code for a well-formed scrobble; 0 when it is accepted. */
    static int ignoredCode(Scrobble s, long timestampSeconds, long nowMs) {
        if (s.artist().strip().length() > MAX_NAME_LENGTH) {
            return IGNORED_ARTIST;
        }
        if (s.track().strip().length() > MAX_NAME_LENGTH) {
            return IGNORED_TRACK;
        }
        return timestampCode(timestampSeconds, nowMs);
    }

    /**
     * Last.fm's own age limit (code 3). A timestamp too far ahead, a NUL or an impossible duration is the funnel's
     * sanity gate, translated by {@link #ignoredCode(ListenRefusal)}.
     */
    static int timestampCode(long timestampSeconds, long nowMs) {
        return ListenSanity.secondsToMillis(timestampSeconds) < nowMs - MAX_AGE.toMillis() ? IGNORED_TOO_OLD
                : IGNORED_NONE;
    }

    /**
     * A refusal of the funnel's sanity gate as Last.fm's ignoredMessage code: a bad timestamp is 3 (too old) or 4
     * (too new); a NUL in the artist is 1 (artist ignored); anything else about the scrobble is 2 (track ignored).
     */
    static int ignoredCode(ListenRefusal refusal) {
        return switch (refusal.rule()) {
            case LISTENED_AT_TOO_OLD -> IGNORED_TOO_OLD;
            case LISTENED_AT_TOO_NEW -> IGNORED_TOO_NEW;
            case NUL_CHARACTER -> refusal.field().startsWith("artist") ? IGNORED_ARTIST : IGNORED_TRACK;
            case DURATION_NOT_POSITIVE, DURATION_TOO_LONG -> IGNORED_TRACK;
        };
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit = positiveInt(value, "limit");
        return Math.min(limit, MAX_LIMIT);
    }

    static int page(String value) {
        return value == null || value.isBlank() ? 1 : positiveInt(value, "page");
    }

    static int positiveInt(String value, String name) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LastfmException(LastfmError.INVALID_PARAMETERS, "Invalid parameters - " + name
                + " must be a positive whole number");
    }

    /** from/to of user.getRecentTracks: UNIX seconds, null when absent. */
    static Long optionalSeconds(String value, String name) {
        return value == null || value.isBlank() ? null : timestampSeconds(value, name);
    }
}
