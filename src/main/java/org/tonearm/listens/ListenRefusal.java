package org.tonearm.listens;

/**
 * Why the funnel refused one incoming listen ({@link ListenSanity}): the rule it broke, the field it names (the
 * native API's field names: {@code artist}, {@code listened_at}, {@code duration_played_ms}, …) and a message for
 * people. Each protocol adapter translates it into its own error format (docs/clients.md).
 */
public record ListenRefusal(Rule rule, String field, String message) {

    /** The sanity rules a listen can break (docs/api.md#listens, issue #10). */
    public enum Rule {
        /** a text field holds a NUL character: no real tag has one, and PostgreSQL text cannot store it */
        NUL_CHARACTER,
        /** listened_at before 2002-10-01T00:00:00Z */
        LISTENED_AT_TOO_OLD,
        /** listened_at more than one hour after now */
        LISTENED_AT_TOO_NEW,
        /** a played duration or track length of zero or less */
        DURATION_NOT_POSITIVE,
        /** a played duration or track length over 24 days */
        DURATION_TOO_LONG
    }
}
