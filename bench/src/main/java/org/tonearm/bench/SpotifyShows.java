package org.tonearm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The spoken-word side of a Spotify history: podcast shows with numbered episodes (audio and video podcasts)
 * and a few audiobooks with chapters, each with Spotify-shaped URIs. Followed shows are Zipf-popular, and the
 * episode played is the one that was new at the time, as listeners keep up with a show.
 */
final class SpotifyShows {

    record Show(String name, List<String> episodes, List<String> uris) {}

    record Book(String title, String uri, List<String> chapterUris) {}

    private static final String[] SHOW_WORDS = {"Daily", "Weekly", "Deep", "Late", "Morning", "Curious", "Hidden",
        "Friendly", "Modern", "Lazy", "Open", "Unfiltered", "Nerdy", "Slow", "Big", "Small", "Strange", "Honest"};
    private static final String[] SHOW_TOPICS = {"History", "Science", "Football", "Money", "Cooking", "Crime",
        "Design", "Music", "Politics", "Language", "Tech", "Health", "Travel", "Film", "Books", "Comedy"};
    private static final String[] FORMS = {"Podcast", "Show", "Hour", "Talk", "Radio", "Club"};
    private static final String[] TOPIC_WORDS = {"why", "everything", "changed", "the", "last", "secret", "of",
        "a", "year", "in", "review", "ask", "us", "anything", "live", "special", "guest", "returns", "part", "two"};

    final List<Show> audioShows = new ArrayList<>();
    final List<Show> videoShows = new ArrayList<>();
    final List<Book> books = new ArrayList<>();
    private final ZipfSampler showRank;
    private final ZipfSampler videoRank;

    SpotifyShows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 40; i++) {
            audioShows.add(show(random, 300));
        }
        for (int i = 0; i < 8; i++) {
            videoShows.add(show(random, 150));
        }
        for (int i = 0; i < 4; i++) {
            List<String> chapters = new ArrayList<>();
            for (int c = 0; c < 40; c++) {
                chapters.add("spotify:episode:" + SyntheticCatalog.spotifyId(random));
            }
            books.add(new Book(title(random, 2, 4), "spotify:show:" + SyntheticCatalog.spotifyId(random), chapters));
        }
        showRank = new ZipfSampler(audioShows.size(), 1.2);
        videoRank = new ZipfSampler(videoShows.size(), 1.0);
    }

    /** A show this listener follows, and the episode current at {@code progress} (0 = first day, 1 = last). */
    int[] episode(SplittableRandom random, boolean video, double progress) {
        List<Show> shows = video ? videoShows : audioShows;
        int show = (video ? videoRank : showRank).next(random);
        int newest = (int) Math.round(progress * (shows.get(show).episodes().size() - 1));
        return new int[] {show, Math.max(0, newest - random.nextInt(4))};
    }

    private static Show show(SplittableRandom random, int episodes) {
        String name = random.nextBoolean()
                ? "The " + pick(random, SHOW_WORDS) + " " + pick(random, SHOW_TOPICS) + " " + pick(random, FORMS)
                : pick(random, SHOW_TOPICS) + " " + pick(random, FORMS) + " with " + pick(random, SHOW_WORDS);
        List<String> titles = new ArrayList<>(episodes);
        List<String> uris = new ArrayList<>(episodes);
        for (int e = 1; e <= episodes; e++) {
            titles.add("#" + e + ": " + title(random, 3, 7));
            uris.add("spotify:episode:" + SyntheticCatalog.spotifyId(random));
        }
        return new Show(name, titles, uris);
    }

    private static String title(SplittableRandom random, int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = pick(random, TOPIC_WORDS);
            b.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return b.toString();
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
