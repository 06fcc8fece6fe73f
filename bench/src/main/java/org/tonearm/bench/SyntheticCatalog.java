package org.tonearm.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A made-up music catalog: artists with 1–3 albums and 5–15 tracks each. Names are drawn from word lists
 * and kept unique (by lower-cased text) so every artist and track is a distinct catalog entry.
 * {@code prefix} starts every artist name, so that the warm-up catalog shares no entry with the measured one.
 */
final class SyntheticCatalog {

    record Artist(int index, String name, List<Album> albums, List<Track> tracks) {}

    record Album(int index, int artistIndex, String title) {}

    /** {@code featured} is non-null when the title credits a second artist ("Title (feat. X)"). */
    record Track(int index, int artistIndex, int albumIndex, String title, long lengthMs, String featured,
            String spotifyId) {}

    private static final String[] ADJECTIVES = {"Velvet", "Silent", "Electric", "Golden", "Broken", "Neon", "Crimson",
        "Hollow", "Wild", "Lunar", "Paper", "Midnight", "Static", "Amber", "Frozen", "Northern", "Quiet", "Savage",
        "Glass", "Distant", "Burning", "Lost", "Sacred", "Violet", "Iron", "Tender", "Restless", "Pale", "Royal",
        "Secret", "Wandering", "Bitter", "Sweet", "Hidden", "Endless", "Cosmic", "Little", "Young", "Old", "Blue"};
    private static final String[] NOUNS = {"Foxes", "Harbor", "Machines", "Season", "Orchid", "Rivers", "Echo",
        "Lanterns", "Satellites", "Wolves", "Garden", "Motel", "Sparrows", "Empire", "Tide", "Cathedral", "Ghosts",
        "Horizon", "Parade", "Signal", "Dunes", "Mirrors", "Pilots", "Thunder", "Atlas", "Comets", "Orchestra",
        "Vandals", "Saints", "Meadow", "Circuit", "Caravan", "Islands", "Monarchs", "Engines", "Feathers", "Skies"};
    private static final String[] FIRST_NAMES = {"Ada", "Björn", "Chloé", "Dmitri", "Elena", "Femi", "Grace",
        "Hiro", "Inès", "Jonas", "Kaia", "Luca", "Maya", "Nils", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tove",
        "Uma", "Viktor", "Wren", "Ximena", "Yara", "Zoë", "Mateo", "Leila", "Oskar", "Noor"};
    private static final String[] LAST_NAMES = {"Adeyemi", "Berg", "Castillo", "Dubois", "Eriksen", "Fontaine",
        "García", "Holm", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Vargas", "Weiss", "Young", "Zielinski", "Novak", "Haddad"};
    private static final String[] WORDS = {"love", "night", "heart", "fire", "rain", "light", "summer", "home",
        "dream", "city", "ocean", "dance", "shadow", "gold", "road", "stars", "morning", "time", "forever", "run",
        "alone", "tonight", "wonder", "falling", "storm", "paradise", "weather", "window", "letters", "ghost"};
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    final List<Artist> artists = new ArrayList<>();
    final List<Album> albums = new ArrayList<>();
    final List<Track> tracks = new ArrayList<>();

    SyntheticCatalog(int artistCount, String prefix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> artistNames = new HashSet<>();
        for (int a = 0; a < artistCount; a++) {
            String name = unique(artistNames, prefix + artistName(random));
            artists.add(new Artist(a, name, new ArrayList<>(), new ArrayList<>()));
        }
        for (Artist artist : artists) {
            addDiscography(artist, random);
        }
    }

    private void addDiscography(Artist artist, SplittableRandom random) {
        int albumCount = 1 + random.nextInt(3);
        for (int i = 0; i < albumCount; i++) {
            Album album = new Album(albums.size(), artist.index(), title(random, 1, 3));
            albums.add(album);
            artist.albums().add(album);
        }
        int trackCount = 5 + random.nextInt(11);
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < trackCount; i++) {
            String title = unique(titles, title(random, 1, 4));
            String featured = random.nextInt(20) == 0
                    ? artists.get(random.nextInt(artists.size())).name() : null;
            Album album = artist.albums().get(i * albumCount / trackCount);
            Track track = new Track(tracks.size(), artist.index(), album.index(),
                    featured == null ? title : title + " (feat. " + featured + ")", length(random), featured,
                    spotifyId(random));
            tracks.add(track);
            artist.tracks().add(track);
        }
    }

    private static String artistName(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        }
        String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
        return random.nextInt(4) == 0 ? "The " + name : name;
    }

    private static String title(SplittableRandom random, int minWords, int maxWords) {
        int words = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            b.append(i == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    /** Adds a number until the lower-cased text is new: catalog identity is case-insensitive. */
    private static String unique(Set<String> taken, String candidate) {
        String name = candidate;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = candidate + " " + n;
        }
        return name;
    }

    /** Mostly 2–6 minutes (log-normal around 3:30), 1 % interludes under 30 s. */
    private static long length(SplittableRandom random) {
        if (random.nextInt(100) == 0) {
            return 8_000 + random.nextInt(20_000);
        }
        double seconds = 210 * Math.exp(0.3 * gaussian(random));
        return Math.round(Math.min(720, Math.max(60, seconds)) * 1000);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static String spotifyId(SplittableRandom random) {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(id);
    }
}
