package org.tonearm.identity.internal.persistence;

import static org.tonearm.schema.Tables.INSTANCE_SETTINGS;

import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/** The {@code instance_settings} table: settings an admin changes at run time, overriding configured defaults. */
@Repository
public class JooqSettingsRepository {

    private final Database database;

    public JooqSettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> find(String name) {
        return database.dsl().select(INSTANCE_SETTINGS.VALUE).from(INSTANCE_SETTINGS)
                .where(INSTANCE_SETTINGS.NAME.eq(name)).fetchOptional(INSTANCE_SETTINGS.VALUE);
    }

    /** Insert-or-update written as delete + insert: one statement shape for SQLite and PostgreSQL. Inside write. */
    public void put(String name, String value, long now) {
        remove(name);
        database.dsl().insertInto(INSTANCE_SETTINGS)
                .set(INSTANCE_SETTINGS.NAME, name)
                .set(INSTANCE_SETTINGS.VALUE, value)
                .set(INSTANCE_SETTINGS.UPDATED_AT, now)
                .execute();
    }

    public void remove(String name) {
        database.dsl().deleteFrom(INSTANCE_SETTINGS).where(INSTANCE_SETTINGS.NAME.eq(name)).execute();
    }
}
