package org.tonearm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tonearm: one program, port 3000, SQLite under ./data by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TonearmApplication {

    public static void main(String[] args) {
        if (org.tonearm.imports.ImportCommandLine.matches(args)) {
            System.exit(org.tonearm.imports.ImportCommandLine.run(TonearmApplication.class, args, System.out, System.err));
        }
        if (org.tonearm.stats.StatsCommandLine.matches(args)) {
            System.exit(org.tonearm.stats.StatsCommandLine.run(TonearmApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(TonearmApplication.class, args);
    }
}
