package org.tonearm.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tonearm.identity.UserDirectory;
import org.tonearm.shared.Database;
import org.tonearm.stats.internal.rollup.RollupRebuilder;

/**
 * {@code java -jar tonearm.jar stats rebuild [--user NAME]} (issue 11 item 5): recomputes the rollups of one user or of
 * every user from the raw listens, one transaction per user, and prints what changed (rows added and removed per
 * table); a rebuild of correct rollups changes nothing and says so. Exit code 0, or 1 for bad usage or an unknown user.
 * Like the {@code import} command it starts the application without a web server.
 */
public final class StatsCommandLine {

    private StatsCommandLine() {}

    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("stats");
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String user = null;
        boolean rebuild = args.length > 1 && args[1].equals("rebuild");
        List<String> springArgs = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--logging.level.root=warn", "--spring.main.banner-mode=off"));
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--user")) {
                user = i + 1 < args.length ? args[++i] : "";
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]); // --tonearm.data-dir=… and other settings pass through
            } else {
                rebuild = false;
            }
        }
        if (!rebuild || (user != null && user.isEmpty())) {
            err.println("usage: tonearm stats rebuild [--user NAME]");
            return 1;
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(application, springArgs.toArray(String[]::new))) {
            return rebuild(context, user, out, err);
        }
    }

    static int rebuild(ConfigurableApplicationContext context, String username, PrintStream out, PrintStream err) {
        Database database = context.getBean(Database.class);
        RollupRebuilder rebuilder = context.getBean(RollupRebuilder.class);
        UserDirectory users = context.getBean(UserDirectory.class);
        List<Long> ids;
        if (username != null) {
            var profile = users.findByUsername(username);
            if (profile.isEmpty()) {
                err.println("no user named " + username);
                return 1;
            }
            ids = List.of(profile.get().id());
        } else {
            ids = database.read(rebuilder::users);
        }
        int changed = 0;
        for (long id : ids) {
            RollupRebuilder.Report r = database.write(() -> rebuilder.rebuild(id));
            String name = users.findById(id).map(u -> u.username()).orElse("#" + id);
            if (r.changed()) {
                changed++;
                out.printf("%s: rebuilt — day/track rows %d added, %d removed; day/hour rows %d added, %d removed;"
                        + " day rows %d added, %d removed; all-time track rows %d added, %d removed;"
                        + " weekday/hour rows %d added, %d removed%n",
                        name, r.dayTrackAdded(), r.dayTrackRemoved(), r.dayHourAdded(), r.dayHourRemoved(),
                        r.dayAdded(), r.dayRemoved(), r.trackAdded(), r.trackRemoved(), r.hourAdded(),
                        r.hourRemoved());
            } else {
                out.printf("%s: unchanged%n", name);
            }
        }
        out.printf("%d user(s) checked, %d rebuilt%n", ids.size(), changed);
        return 0;
    }
}
