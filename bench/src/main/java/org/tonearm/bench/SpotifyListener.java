package org.tonearm.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One heavy Spotify listener's Extended Streaming History, row by row in chronological order, over the same
 * power-law catalog as {@link HistoryGenerator} (Zipf s = 1.1 artists, personal taste, evening-heavy sessions).
 *
 * <p>Shares, in line with real exports of heavy listeners: 30 % of sessions are podcasts (1–2 episodes, so
 * ~7 % of rows), 1 % audiobook chapters, 2 % of music sessions incognito, 4 % offline; 25 % of music sessions
 * play an album in order, 45 % of the others are shuffled; 22 % of music rows are skips within 30 s
 * ({@code fwdbtn}, some {@code backbtn}; a quarter of them under 1.5 s), 6 % stop part-way (ending the
 * session when the app was closed), the rest play to {@code trackdone}; 0.4 % of music rows lost their track
 * (no metadata at all). {@code reason_start} follows the previous row's {@code reason_end}.
 *
 * <p>Sessions per day adapt to what is left, so the history spans {@code firstDay} to {@code lastDay}
 * whatever the row count.
 */
final class SpotifyListener {

    private static final double PODCAST_SESSIONS = 0.30;
    private static final double AUDIOBOOK_SESSIONS = 0.01;
    private static final double INCOGNITO_SESSIONS = 0.02;
    private static final double OFFLINE_SESSIONS = 0.04;
    private static final double ALBUM_SESSIONS = 0.25;
    private static final double SHUFFLE_SESSIONS = 0.45;
    private static final double NO_TRACK_ROWS = 0.004;
    private static final double SKIP_ROWS = 0.22;
    private static final double PARTIAL_ROWS = 0.06;
    /** Old exports carry no {@code skipped} flag and no offline time stamp. */
    private static final long SKIPPED_FLAG_FROM = LocalDate.of(2017, 1, 1).toEpochDay();
    private static final long OFFLINE_STAMP_FROM = LocalDate.of(2015, 1, 1).toEpochDay();

    private enum SessionKind { MUSIC, PODCAST, AUDIOBOOK }

    private record Session(SessionKind kind, SpotifyDevices.Device device, boolean shuffle, boolean offline,
            boolean incognito) {}

    private final SyntheticCatalog catalog;
    private final SpotifyShows shows;
    private final SpotifyDevices devices;
    private final SplittableRandom random;
    private final ZipfSampler artistRank;
    private final ZipfSampler trackRank = new ZipfSampler(15, 0.8);
    private final int[] artistByRank;
    private final double[] hourCumulative = ListenerStream.cumulative(ListenerStream.HOUR_WEIGHTS);
    private final long firstDay;
    private final long lastDay;
    private final long rows;

    private long day;
    private final ArrayDeque<Long> sessionStarts = new ArrayDeque<>();
    private long clock;
    private Session session;
    private int sessionLeft;
    private List<SyntheticCatalog.Track> albumQueue = List.of();
    private int albumPosition;
    private String nextReasonStart;
    private long produced;
    private long sessions;

    SpotifyListener(SyntheticCatalog catalog, SpotifyShows shows, long firstDay, long lastDay, long rows, long seed) {
        this.catalog = catalog;
        this.shows = shows;
        this.devices = new SpotifyDevices(seed);
        this.random = new SplittableRandom(seed);
        this.artistRank = new ZipfSampler(catalog.artists.size(), 1.1);
        this.artistByRank = ListenerStream.personalTaste(catalog.artists.size(), random);
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.rows = rows;
        this.day = firstDay - 1;
    }

    SpotifyPlay next() {
        if (sessionLeft == 0) {
            startSession();
        }
        sessionLeft--;
        produced++;
        return switch (session.kind()) {
            case MUSIC -> musicRow();
            case PODCAST -> podcastRow();
            case AUDIOBOOK -> audiobookRow();
        };
    }

    /** A row of the separate video file: a video podcast episode ending at {@code endMs}. */
    SpotifyPlay videoRow(long endMs) {
        long epochDay = Math.floorDiv(endMs, ListenerStream.DAY_MS);
        int[] episode = shows.episode(random, true, progress(epochDay));
        SpotifyShows.Show show = shows.videoShows.get(episode[0]);
        long played = 30_000 + random.nextLong(2_400_000);
        String reasonEnd = random.nextInt(3) == 0 ? "endplay" : "trackdone";
        SpotifyDevices.Device device = devices.pick(random, epochDay);
        return new SpotifyPlay(ts(endMs), device.platform(), played, device.country(), device.ip(), null, null, null,
                null, show.episodes().get(episode[1]), show.name(), show.uris().get(episode[1]), null, null, null, null,
                random.nextBoolean() ? "clickrow" : "playbtn", reasonEnd, false, skippedFlag(epochDay, false), false,
                offlineStamp(epochDay, endMs - played), false);
    }

    private void startSession() {
        while (sessionStarts.isEmpty()) {
            day++;
            int count = poisson(sessionsPerDay());
            long[] starts = new long[count];
            for (int i = 0; i < count; i++) {
                starts[i] = day * ListenerStream.DAY_MS + pickHour() * 3_600_000L + random.nextLong(3_600_000L);
            }
            Arrays.sort(starts);
            for (long s : starts) {
                sessionStarts.add(s);
            }
        }
        sessions++;
        // a session never overlaps the previous one: it starts at least a few minutes after it ended
        clock = Math.max(sessionStarts.poll(), clock + 120_000 + random.nextInt(1_800_000));
        long epochDay = Math.floorDiv(clock, ListenerStream.DAY_MS);
        double u = random.nextDouble();
        SessionKind kind = u < PODCAST_SESSIONS ? SessionKind.PODCAST
                : u < PODCAST_SESSIONS + AUDIOBOOK_SESSIONS ? SessionKind.AUDIOBOOK : SessionKind.MUSIC;
        albumQueue = List.of();
        boolean shuffle = false;
        if (kind == SessionKind.MUSIC) {
            double v = random.nextDouble();
            sessionLeft = 3 + (int) (37 * v * v);
            if (random.nextDouble() < ALBUM_SESSIONS) {
                SyntheticCatalog.Artist artist = catalog.artists.get(artistByRank[artistRank.next(random)]);
                int album = artist.albums().get(random.nextInt(artist.albums().size())).index();
                albumQueue = artist.tracks().stream().filter(t -> t.albumIndex() == album).toList();
                albumPosition = 0;
            } else {
                shuffle = random.nextDouble() < SHUFFLE_SESSIONS;
            }
        } else {
            sessionLeft = kind == SessionKind.PODCAST ? 1 + random.nextInt(2) : 1 + random.nextInt(3);
        }
        boolean incognito = kind == SessionKind.MUSIC && random.nextDouble() < INCOGNITO_SESSIONS;
        session = new Session(kind, devices.pick(random, epochDay), shuffle, random.nextDouble() < OFFLINE_SESSIONS,
                incognito);
        nextReasonStart = pickReasonStart();
    }

    /** What is left spread over the days that are left, at the session length seen so far. */
    private double sessionsPerDay() {
        double rowsPerSession = sessions == 0 ? 11.0 : Math.max(1.0, (double) produced / sessions);
        long daysLeft = Math.max(1, lastDay - day);
        return Math.max(0.05, (rows - produced) / rowsPerSession / daysLeft);
    }

    private SpotifyPlay musicRow() {
        SyntheticCatalog.Track track = nextTrack();
        long length = track.lengthMs();
        double u = random.nextDouble();
        long played;
        String reasonEnd;
        if (u < SKIP_ROWS) {
            played = Math.min(length, random.nextInt(4) == 0 ? random.nextInt(1_500) : 1_500 + random.nextInt(28_500));
            int r = random.nextInt(20);
            reasonEnd = r < 17 ? "fwdbtn" : r < 19 ? "backbtn" : "endplay";
        } else if (u < SKIP_ROWS + PARTIAL_ROWS) {
            played = (long) (length * (0.2 + 0.7 * random.nextDouble()));
            int r = random.nextInt(20);
            reasonEnd = r < 7 ? "fwdbtn" : r < 14 ? "endplay" : r < 17 ? "logout" : "unexpected-exit-while-paused";
        } else {
            played = Math.max(1_000, length - random.nextInt(1_500));
            reasonEnd = "trackdone";
        }
        boolean skipped = reasonEnd.equals("fwdbtn") || reasonEnd.equals("backbtn");
        long start = clock;
        long end = start + played;
        clock = end + (reasonEnd.equals("trackdone") ? random.nextInt(1_500) : random.nextInt(400));
        String reasonStart = nextReasonStart;
        nextReasonStart = switch (reasonEnd) {
            case "trackdone", "fwdbtn", "backbtn" -> reasonEnd;
            default -> "clickrow";
        };
        if (!skipped && !reasonEnd.equals("trackdone")) {
            sessionLeft = 0; // the app was closed or paused for good: the session is over
        }
        long epochDay = Math.floorDiv(start, ListenerStream.DAY_MS);
        String name = null;
        String artist = null;
        String album = null;
        String uri = null;
        if (random.nextDouble() >= NO_TRACK_ROWS) {
            name = track.title();
            artist = catalog.artists.get(track.artistIndex()).name();
            album = catalog.albums.get(track.albumIndex()).title();
            uri = "spotify:track:" + track.spotifyId();
        }
        return new SpotifyPlay(ts(end), session.device().platform(), played, session.device().country(),
                session.device().ip(), name, artist, album, uri, null, null, null, null, null, null, null, reasonStart,
                reasonEnd, session.shuffle(), skippedFlag(epochDay, skipped), session.offline(),
                offlineStamp(epochDay, start), session.incognito());
    }

    private SpotifyPlay podcastRow() {
        long epochDay = Math.floorDiv(clock, ListenerStream.DAY_MS);
        int[] episode = shows.episode(random, false, progress(epochDay));
        SpotifyShows.Show show = shows.audioShows.get(episode[0]);
        // mostly long listens, some sampled and dropped: log-uniform from 20 s to 75 min
        long played = (long) (20_000 * Math.pow(225, random.nextDouble()));
        String reasonEnd = random.nextInt(5) < 2 ? "trackdone" : random.nextInt(4) == 0 ? "logout" : "endplay";
        return spoken(played, reasonEnd, show.episodes().get(episode[1]), show.name(), show.uris().get(episode[1]),
                null, null, null, null);
    }

    private SpotifyPlay audiobookRow() {
        SpotifyShows.Book book = shows.books.get(random.nextInt(shows.books.size()));
        int chapter = random.nextInt(book.chapterUris().size());
        long played = 60_000 + random.nextLong(1_800_000);
        return spoken(played, random.nextBoolean() ? "trackdone" : "endplay", null, null, null, book.title(),
                book.uri(), book.chapterUris().get(chapter), "Chapter " + (chapter + 1));
    }

    private SpotifyPlay spoken(long played, String reasonEnd, String episode, String show, String episodeUri,
            String bookTitle, String bookUri, String chapterUri, String chapterTitle) {
        long start = clock;
        long end = start + played;
        clock = end + random.nextInt(3_000);
        String reasonStart = nextReasonStart;
        nextReasonStart = reasonEnd.equals("trackdone") ? "trackdone" : "clickrow";
        long epochDay = Math.floorDiv(start, ListenerStream.DAY_MS);
        return new SpotifyPlay(ts(end), session.device().platform(), played, session.device().country(),
                session.device().ip(), null, null, null, null, episode, show, episodeUri, bookTitle, bookUri, chapterUri,
                chapterTitle, reasonStart, reasonEnd, false, skippedFlag(epochDay, false), session.offline(),
                offlineStamp(epochDay, start), false);
    }

    private SyntheticCatalog.Track nextTrack() {
        if (albumPosition < albumQueue.size()) {
            return albumQueue.get(albumPosition++);
        }
        SyntheticCatalog.Artist artist = catalog.artists.get(artistByRank[artistRank.next(random)]);
        return artist.tracks().get(trackRank.next(random) % artist.tracks().size());
    }

    private String pickReasonStart() {
        int r = random.nextInt(20);
        return r < 10 ? "clickrow" : r < 15 ? "playbtn" : r < 18 ? "appload" : "remote";
    }

    private double progress(long epochDay) {
        return Math.min(1, Math.max(0, (double) (epochDay - firstDay) / Math.max(1, lastDay - firstDay)));
    }

    private static Boolean skippedFlag(long epochDay, boolean skipped) {
        return epochDay < SKIPPED_FLAG_FROM ? null : skipped;
    }

    private static Long offlineStamp(long epochDay, long startMs) {
        return epochDay < OFFLINE_STAMP_FROM ? null : startMs / 1000;
    }

    /** Spotify's {@code ts}: the end, to the second, with a Z. */
    static String ts(long epochMs) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMs, 1000)).toString();
    }

    private int pickHour() {
        return ListenerStream.pickHour(hourCumulative, random);
    }

    private int poisson(double lambda) {
        return ListenerStream.poisson(lambda, random);
    }
}
