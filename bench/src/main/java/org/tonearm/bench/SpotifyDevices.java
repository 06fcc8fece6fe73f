package org.tonearm.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Where a Spotify session was played: the device's {@code platform} string (long OS descriptions until 2020,
 * the short names of later exports), the connection's country and IP address (a home line that changes every
 * year or two, mobile networks, now and then travel abroad).
 */
final class SpotifyDevices {

    record Device(String platform, String country, String ip) {}

    private static final long SHORT_NAMES_FROM = LocalDate.of(2021, 1, 1).toEpochDay();
    private static final String HOME = "DE";
    private static final String[] ABROAD = {"AT", "FR", "IT", "ES", "NL", "GB", "US", "PL", "SE", "PT", "CH"};
    /** {short name, long description, weight}: a phone most of the time, then the desktop app, then the rest. */
    private static final String[][] PLATFORMS = {
        {"android", "Android OS 10 API 29 (samsung, SM-G973F)", "50"},
        {"windows", "Windows 10 (10.0.19041; x64)", "28"},
        {"web_player", "web_player windows 10;chrome 87.0.4280.88;desktop", "8"},
        {"ios", "iOS 14.2 (iPad8,1)", "7"},
        {"osx", "OS X 10.15.7 [x86 8]", "4"},
        {"cast_tv", "Partner google cast_tv;Chromecast;;", "3"},
    };

    private final long seed;

    SpotifyDevices(long seed) {
        this.seed = seed;
    }

    Device pick(SplittableRandom random, long epochDay) {
        int weight = random.nextInt(100);
        String[] platform = PLATFORMS[PLATFORMS.length - 1];
        for (String[] p : PLATFORMS) {
            weight -= Integer.parseInt(p[2]);
            if (weight < 0) {
                platform = p;
                break;
            }
        }
        String name = epochDay >= SHORT_NAMES_FROM ? platform[0] : platform[1];
        if (random.nextInt(100) < 4) {
            return new Device(name, ABROAD[random.nextInt(ABROAD.length)], ip(random.nextLong()));
        }
        boolean mobile = (platform[0].equals("android") || platform[0].equals("ios")) && random.nextInt(10) < 4;
        return new Device(name, HOME, mobile ? ip(random.nextLong()) : ip(seed * 7919 + epochDay / 500));
    }

    private static String ip(long key) {
        SplittableRandom r = new SplittableRandom(key);
        return (2 + r.nextInt(220)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
