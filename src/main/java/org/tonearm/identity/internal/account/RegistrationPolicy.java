package org.tonearm.identity.internal.account;

import java.util.Locale;
import org.springframework.stereotype.Service;
import org.tonearm.identity.internal.config.RegistrationMode;
import org.tonearm.identity.internal.config.RegistrationProperties;
import org.tonearm.identity.internal.persistence.JooqSettingsRepository;
import org.tonearm.shared.Database;

/**
 * The registration mode in force (docs/api.md#accounts-and-authentication): what an admin set at run time ({@code instance_settings}), else
 * {@code tonearm.registration}. Kept in the database, not in memory, so every node agrees.
 */
@Service
public class RegistrationPolicy {

    static final String SETTING = "registration";

    private final Database database;
    private final JooqSettingsRepository settings;
    private final RegistrationMode configured;

    public RegistrationPolicy(Database database, JooqSettingsRepository settings, RegistrationProperties properties) {
        this.database = database;
        this.settings = settings;
        this.configured = properties.registration();
    }

    public RegistrationMode current() {
        return settings.find(SETTING).map(v -> RegistrationMode.valueOf(v.toUpperCase(Locale.ROOT))).orElse(configured);
    }

    public RegistrationMode configured() {
        return configured;
    }

    /** {@code null} removes the override, falling back to the configured mode. */
    public RegistrationMode set(RegistrationMode mode) {
        long now = System.currentTimeMillis();
        database.writeVoid(() -> {
            if (mode == null) {
                settings.remove(SETTING);
            } else {
                settings.put(SETTING, mode.name(), now);
            }
        });
        return current();
    }
}
