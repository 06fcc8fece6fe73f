package org.tonearm.imports;

/**
 * @param userId           whose history this is
 * @param fileName         the entry's name (inside a zip: its path), for external ids and error reports
 * @param mayChangeProfile whether the import may apply an account export's profile settings to the user: true when
 *                         a login session or the command line started it, false for a personal API token, which must
 *                         not change the account (identity's least-privilege rule for {@code PATCH /api/v1/me})
 */
public record ImportContext(long userId, String fileName, boolean mayChangeProfile) {

    /** A context of an import that does not change the account. */
    public ImportContext(long userId, String fileName) {
        this(userId, fileName, false);
    }
}
