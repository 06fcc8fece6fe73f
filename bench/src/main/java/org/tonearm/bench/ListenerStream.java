package org.tonearm.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.TimeStamp;

/**
 * One user's listening history, generated play by play in chronological order: days with a Poisson number
 * of sessions started at evening-heavy hours, sessions of 3–40 tracks (a quarter of them an album in
 * order), ~5 % skips under 30 s, ~7 % partial plays, ~2 % plays sent again by a second source.
 */
final class ListenerStream {

    static final long DAY_MS = 86_400_000L;
    /** Relative chance that a session starts in each hour of the (UTC = user's) day: evenings peak, nights are quiet. */
    static final double[] HOUR_WEIGHTS = {0.35, 0.15, 0.06, 0.03, 0.02, 0.03, 0.08, 0.3, 0.5, 0.45, 0.4,
        0.45, 0.6, 0.55, 0.45, 0.45, 0.55, 0.75, 0.9, 1.0, 1.0, 0.95, 0.8, 0.55};
    private static final double MEAN_SESSION_TRACKS = 3 + 37 / 3.0;
    private static final double SKIP_SHARE = 0.05;
    private static final double PARTIAL_SHARE = 0.07;
    private static final double DUPLICATE_SHARE = 0.02;

    private final long userId;
    private final SyntheticCatalog catalog;
    private final ListenerProfile profile;
    private final SplittableRandom random;
    private final ZipfSampler artistRank;
    private final ZipfSampler trackRank = new ZipfSampler(15, 0.8);
    private final int[] artistByRank;
    private final double sessionsPerDay;
    private final double[] hourCumulative = cumulative(HOUR_WEIGHTS);
    private final TrackCredit[][] credits;

    private long day;
    private final ArrayDeque<Long> sessionStarts = new ArrayDeque<>();
    private long clock;
    private int sessionLeft;
    private List<SyntheticCatalog.Track> albumQueue = List.of();
    private int albumPosition;
    private IncomingListen pendingDuplicate;

    ListenerStream(long userId, int userIndex, SyntheticCatalog catalog, ZipfSampler artistRank, long firstDay,
            int days, long listens, long seed) {
        this.userId = userId;
        this.catalog = catalog;
        this.profile = ListenerProfile.forUser(userIndex);
        this.random = new SplittableRandom(seed);
        this.artistRank = artistRank;
        this.artistByRank = personalTaste(catalog.artists.size(), random);
        this.sessionsPerDay = listens / MEAN_SESSION_TRACKS / days;
        this.credits = new TrackCredit[2][catalog.tracks.size()];
        this.day = firstDay - 1;
    }

    IncomingListen next() {
        if (pendingDuplicate != null) {
            IncomingListen duplicate = pendingDuplicate;
            pendingDuplicate = null;
            return duplicate;
        }
        if (sessionLeft == 0) {
            startSession();
        }
        sessionLeft--;
        SyntheticCatalog.Track track = nextTrack();
        long start = clock;
        Long played = played(track);
        clock = start + (played == null ? track.lengthMs() : played) + random.nextInt(2_000);
        IncomingListen listen = listen(profile.main(), track, start, played);
        if (random.nextDouble() < DUPLICATE_SHARE) {
            pendingDuplicate = duplicate(track, start, played);
        }
        return listen;
    }

    private void startSession() {
        while (sessionStarts.isEmpty()) {
            day++;
            int sessions = poisson(sessionsPerDay);
            long[] starts = new long[sessions];
            for (int i = 0; i < sessions; i++) {
                starts[i] = day * DAY_MS + pickHour() * 3_600_000L + random.nextLong(3_600_000L);
            }
            Arrays.sort(starts);
            for (long s : starts) {
                sessionStarts.add(s);
            }
        }
        // a session never overlaps the previous one: it starts at least a few minutes after it ended
        clock = Math.max(sessionStarts.poll(), clock + 120_000 + random.nextInt(1_800_000));
        double u = random.nextDouble();
        sessionLeft = 3 + (int) (37 * u * u);
        albumQueue = List.of();
        if (random.nextInt(4) == 0) {
            SyntheticCatalog.Artist artist = catalog.artists.get(artistByRank[artistRank.next(random)]);
            int album = artist.albums().get(random.nextInt(artist.albums().size())).index();
            albumQueue = artist.tracks().stream().filter(t -> t.albumIndex() == album).toList();
            albumPosition = 0;
        }
    }

    private SyntheticCatalog.Track nextTrack() {
        if (albumPosition < albumQueue.size()) {
            return albumQueue.get(albumPosition++);
        }
        SyntheticCatalog.Artist artist = catalog.artists.get(artistByRank[artistRank.next(random)]);
        int rank = trackRank.next(random);
        return artist.tracks().get(rank % artist.tracks().size());
    }

    /** Played duration: skips under 30 s, partials between 20 % and 80 %, else about the whole track. */
    private Long played(SyntheticCatalog.Track track) {
        double u = random.nextDouble();
        long length = track.lengthMs();
        if (u < SKIP_SHARE) {
            return Math.min(2_000L + random.nextInt(27_000), length / 2);
        }
        if (u < SKIP_SHARE + PARTIAL_SHARE) {
            return (long) (length * (0.2 + 0.6 * random.nextDouble()));
        }
        if (!profile.main().knowsLength() && random.nextInt(10) == 0) {
            return null; // scrobblers that send no duration submit only after the scrobble rule
        }
        return Math.max(1_000, length - random.nextInt(3_000));
    }

    /** The same play from the second source: near the same start, stamped at the end, or an END-stamped export. */
    private IncomingListen duplicate(SyntheticCatalog.Track track, long start, Long played) {
        ListenerProfile.Source second = profile.second();
        long shift = switch (random.nextInt(3)) {
            case 0 -> random.nextLong(-240_000, 240_001);
            case 1 -> track.lengthMs() + random.nextInt(-3_000, 3_001); // end stamped as if it were the start
            default -> 0;
        };
        return listen(second, track, start + shift, played);
    }

    private IncomingListen listen(ListenerProfile.Source source, SyntheticCatalog.Track track, long start, Long played) {
        boolean end = source.stamp() == TimeStamp.END && played != null;
        long stamp = end ? start + played : start;
        return new IncomingListen(userId, credit(source, track), stamp, end ? TimeStamp.END : TimeStamp.START,
                played, source.service(), source.channel(), source.origin(), source.client(), null, null, null);
    }

    /** Credits are shared per track and style (they are immutable), which keeps a million listens small in memory. */
    private TrackCredit credit(ListenerProfile.Source source, SyntheticCatalog.Track track) {
        int style = source.structured() ? 1 : 0;
        TrackCredit credit = credits[style][track.index()];
        if (credit == null) {
            SyntheticCatalog.Artist artist = catalog.artists.get(track.artistIndex());
            String album = catalog.albums.get(track.albumIndex()).title();
            Long length = source.knowsLength() ? track.lengthMs() : null;
            credit = style == 1
                    ? new TrackCredit(artist.name(), track.featured() == null ? List.of(artist.name())
                            : List.of(artist.name(), track.featured()), track.title(), album, length,
                            new Identifiers(null, List.of(), null, null, track.spotifyId()))
                    : new TrackCredit(artist.name(), List.of(), track.title(), album, length, Identifiers.NONE);
            credits[style][track.index()] = credit;
        }
        return credit;
    }

    private int pickHour() {
        return pickHour(hourCumulative, random);
    }

    private int poisson(double lambda) {
        return poisson(lambda, random);
    }

    /** An hour of the day drawn from the evening-heavy rhythm (shared with SpotifyListener). */
    static int pickHour(double[] hourCumulative, SplittableRandom random) {
        int i = Arrays.binarySearch(hourCumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, 23);
    }

    /** Knuth's Poisson draw: sessions per day (shared with SpotifyListener). */
    static int poisson(double lambda, SplittableRandom random) {
        double limit = Math.exp(-lambda);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Global popularity, locally shuffled: users share the big names but each has favourites of their own. */
    static int[] personalTaste(int artists, SplittableRandom random) {
        int[] order = new int[artists];
        for (int i = 0; i < artists; i++) {
            order[i] = i;
        }
        for (int i = 0; i < artists - 1; i++) {
            int j = i + random.nextInt(Math.min(200, artists - i));
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = Arrays.stream(weights).sum();
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / sum;
            c[i] = acc;
        }
        return c;
    }
}
