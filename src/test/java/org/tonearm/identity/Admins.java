package org.tonearm.identity;

import static org.tonearm.schema.Tables.USERS;

import org.tonearm.shared.Database;
import org.tonearm.testsupport.Api;

/**
 * An admin for tests: the suite shares one database whose first account (the only one registration makes ADMIN)
 * belongs to whichever test ran first, so tests promote a fresh user directly in the database. The role is read
 * per request (SessionGuard), so the user's existing token carries admin rights as long as it was not used before.
 */
final class Admins {

    private Admins() {}

    static Api.User create(Api api, Database database) {
        Api.User user = api.newUser();
        database.writeVoid(() -> database.dsl().update(USERS).set(USERS.ROLE, Role.ADMIN.name())
                .where(USERS.ID.eq(user.id())).execute());
        return user;
    }
}
