package org.tonearm.shared.internal.db;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the data directory as soon as the settings are known, before the application context is built (issue
 * #16: "starting with an unwritable data directory fails at once with one clear line"). Failing later, while the
 * context is refreshed, Spring first logs the whole chain of beans that could not be created on one long line, and
 * the {@link DataDirectoryFailureAnalyzer}'s clear line only comes after it. Registered in META-INF/spring.factories;
 * runs after logging is set up, so the failure is reported through it.
 */
class DataDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // the same binding as DatabaseProperties (TONEARM_DATA_DIR, --tonearm.data-dir, application.yaml)
        String dir = Binder.get(event.getEnvironment()).bind("tonearm.data-dir", String.class).orElse("");
        DataDirectory.requireWritable(dir.isBlank() ? "./data" : dir);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
