package org.tonearm.testsupport;

import static org.tonearm.schema.Tables.USERS;

import java.util.UUID;
import org.tonearm.shared.Database;

/** Users created straight in the database, for tests below the HTTP layer. */
public final class TestUsers {

    private TestUsers() {}

    public static long create(Database database, String timezone) {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long now = System.currentTimeMillis();
        return database.write(() -> database.dsl().insertInto(USERS)
                .set(USERS.USERNAME, name).set(USERS.ROLE, "USER").set(USERS.TIMEZONE, timezone)
                .set(USERS.WEEK_START, "MONDAY").set(USERS.PROFILE_VISIBILITY, "PRIVATE").set(USERS.DISABLED, false)
                .set(USERS.CREATED_AT, now).set(USERS.UPDATED_AT, now)
                .returning(USERS.ID).fetchOne(USERS.ID));
    }
}
