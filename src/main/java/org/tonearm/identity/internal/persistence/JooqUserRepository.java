package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.USERS;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.identity.Role;
import org.tonearm.shared.Database;
import org.tonearm.shared.DatabaseKind;

/** The {@code users} table. Usernames and emails are stored lower-cased (docs/api.md#accounts-and-authentication: case-insensitive). */
@Repository
public class JooqUserRepository {

    /**
     * Two-int advisory lock key ('tnrm', 1): PostgreSQL keeps the (int, int) key space apart from the bigint one
     * that {@link Database#lockUser} uses, so this never collides with a user id.
     */
    private static final int LOCK_CLASS = 0x746e726d;
    private static final int REGISTRATION_LOCK = 1;

    private final Database database;

    public JooqUserRepository(Database database) {
        this.database = database;
    }

    /**
     * Serializes registrations so that exactly one first user becomes ADMIN. On SQLite the writer lock of
     * {@link Database#write} already does; PostgreSQL needs a transaction-scoped advisory lock. Call inside write.
     */
    public void lockRegistrations() {
        if (database.kind() == DatabaseKind.POSTGRES) {
            database.dsl().execute("select pg_advisory_xact_lock({0}, {1})", DSL.val(LOCK_CLASS), DSL.val(REGISTRATION_LOCK));
        }
    }

    public boolean anyUserExists() {
        return database.dsl().fetchExists(USERS);
    }

    public long insert(String username, String email, String passwordHash, Role role, long now) {
        return database.dsl().insertInto(USERS)
                .set(USERS.USERNAME, username)
                .set(USERS.EMAIL, email)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role.name())
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .returning(USERS.ID)
                .fetchOne(USERS.ID);
    }

    public Optional<UserRow> findById(long id) {
        return find(USERS.ID.eq(id));
    }

    public Optional<UserRow> findByUsername(String lowerCaseUsername) {
        return find(USERS.USERNAME.eq(lowerCaseUsername));
    }

    /** Ids of the users whose profile_visibility is PUBLIC (docs/api.md#accounts-and-authentication). The table is small: one read of it. */
    public java.util.List<Long> publicProfileIds() {
        return database.dsl().select(USERS.ID).from(USERS).where(USERS.PROFILE_VISIBILITY.eq("PUBLIC")).fetch(USERS.ID);
    }

    public Optional<UserRow> findByEmail(String lowerCaseEmail) {
        return find(USERS.EMAIL.eq(lowerCaseEmail));
    }

    /** Writes the editable profile columns of {@code row}. */
    public void updateProfile(UserRow row, long now) {
        database.dsl().update(USERS)
                .set(USERS.DISPLAY_NAME, row.displayName())
                .set(USERS.EMAIL, row.email())
                .set(USERS.TIMEZONE, row.timezone().getId())
                .set(USERS.WEEK_START, row.weekStart().name())
                .set(USERS.PROFILE_VISIBILITY, row.profileVisibility())
                .set(USERS.UPDATED_AT, now)
                .where(USERS.ID.eq(row.id()))
                .execute();
    }

    public void updatePasswordHash(long id, String passwordHash, long now) {
        database.dsl().update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.UPDATED_AT, now)
                .where(USERS.ID.eq(id))
                .execute();
    }

    public Optional<UserState> findState(long id) {
        return database.dsl().select(USERS.ID, USERS.ROLE, USERS.DISABLED, USERS.SESSIONS_VALID_AFTER).from(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional(r -> new UserState(r.get(USERS.ID), Role.valueOf(r.get(USERS.ROLE)),
                        Boolean.TRUE.equals(r.get(USERS.DISABLED)), r.get(USERS.SESSIONS_VALID_AFTER)));
    }

    /** Access tokens issued before {@code instant} stop working (password change, log out everywhere). */
    public void setSessionsValidAfter(long id, long instant) {
        database.dsl().update(USERS).set(USERS.SESSIONS_VALID_AFTER, instant).set(USERS.UPDATED_AT, instant)
                .where(USERS.ID.eq(id)).execute();
    }

    public void setDisabled(long id, boolean disabled, long now) {
        database.dsl().update(USERS).set(USERS.DISABLED, disabled).set(USERS.UPDATED_AT, now)
                .where(USERS.ID.eq(id)).execute();
    }

    public void setRole(long id, Role role, long now) {
        database.dsl().update(USERS).set(USERS.ROLE, role.name()).set(USERS.UPDATED_AT, now)
                .where(USERS.ID.eq(id)).execute();
    }

    /** Deletes the user; every user-owned table references users(id) ON DELETE CASCADE, so their data goes too. */
    public boolean delete(long id) {
        return database.dsl().deleteFrom(USERS).where(USERS.ID.eq(id)).execute() == 1;
    }

    /** Users in id order, for the admin list. */
    public java.util.List<UserRow> list(int limit, int offset) {
        return database.dsl().selectFrom(USERS).orderBy(USERS.ID).limit(limit).offset(offset)
                .fetch(JooqUserRepository::toRow);
    }

    public int count() {
        return database.dsl().fetchCount(USERS);
    }

    public int countActiveAdmins() {
        return database.dsl().fetchCount(USERS, USERS.ROLE.eq(Role.ADMIN.name()).and(USERS.DISABLED.isFalse()));
    }

    private Optional<UserRow> find(Condition condition) {
        return database.dsl().selectFrom(USERS).where(condition).fetchOptional().map(JooqUserRepository::toRow);
    }

    static UserRow toRow(Record r) {
        return new UserRow(r.get(USERS.ID), r.get(USERS.USERNAME), r.get(USERS.EMAIL), r.get(USERS.DISPLAY_NAME),
                r.get(USERS.PASSWORD_HASH), Role.valueOf(r.get(USERS.ROLE)), ZoneId.of(r.get(USERS.TIMEZONE)),
                DayOfWeek.valueOf(r.get(USERS.WEEK_START)), r.get(USERS.PROFILE_VISIBILITY),
                Boolean.TRUE.equals(r.get(USERS.DISABLED)), r.get(USERS.CREATED_AT));
    }
}
