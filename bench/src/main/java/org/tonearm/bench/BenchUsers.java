package org.tonearm.bench;

import static org.tonearm.schema.Tables.USERS;

import org.tonearm.shared.Database;

/** Creates the benchmark's users directly in the users table (the benchmark measures ingest, not sign-up). */
final class BenchUsers {

    private BenchUsers() {}

    static long[] create(Database database, String prefix, int count) {
        long now = System.currentTimeMillis();
        return database.write(() -> {
            long[] ids = new long[count];
            for (int i = 0; i < count; i++) {
                ids[i] = database.dsl().insertInto(USERS)
                        .set(USERS.USERNAME, prefix + i)
                        .set(USERS.ROLE, "USER")
                        .set(USERS.TIMEZONE, "UTC")
                        .set(USERS.WEEK_START, "MONDAY")
                        .set(USERS.PROFILE_VISIBILITY, "PRIVATE")
                        .set(USERS.DISABLED, false)
                        .set(USERS.CREATED_AT, now)
                        .set(USERS.UPDATED_AT, now)
                        .returning(USERS.ID)
                        .fetchOne(USERS.ID);
            }
            return ids;
        });
    }
}
