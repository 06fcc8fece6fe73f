package org.tonearm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenHistory;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.Service;
import org.tonearm.shared.TonearmException;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestUsers;

/** The stats façade end to end: listens in through the funnel, figures out through {@link StatsService}. */
class StatsServiceIntegrationTests extends IntegrationTestBase {

    @Autowired
    StatsService stats;

    @Autowired
    ListenService listens;

    @Autowired
    ListenHistory history;

    private static IncomingListen play(long user, String artist, List<String> artists, String title, String album,
            Instant at, Long played) {
        return IncomingListen.of(user, new TrackCredit(artist, artists, title, album, 200_000L, Identifiers.NONE),
                at.toEpochMilli(), played, Service.SPOTIFY, Channel.NATIVE_API);
    }

    @Test
    void overviewTopAndTimelineCountPlaysNotSkipsAndEveryCreditedArtist() {
        long user = TestUsers.create(database, "UTC");
        Instant base = Instant.parse("2024-02-28T10:00:00Z");
        listens.ingestBatch(List.of(
                play(user, "Daft Punk", List.of("Daft Punk", "Pharrell Williams"), "Get Lucky", "RAM", base, 200_000L),
                play(user, "Daft Punk", List.of(), "Lose Yourself to Dance", "RAM", base.plus(1, ChronoUnit.DAYS), null),
                play(user, "Daft Punk", List.of(), "Contact", "RAM", base.plus(2, ChronoUnit.DAYS), 5_000L), // a SKIP
                play(user, "Pharrell Williams", List.of(), "Happy", null, base.plus(2, ChronoUnit.DAYS)
                        .plus(1, ChronoUnit.HOURS), 200_000L)));
        StatsRange feb = stats.resolve(user, new RangeRequest(null, null, "2024-02", null, null));

        Overview o = stats.overview(user, feb);
        // 28 and 29 February: two plays; the skip and the other play fall on 1 March, outside
        assertThat(o.figures().plays()).isEqualTo(2);
        assertThat(o.figures().skips()).isZero();
        assertThat(o.figures().listeningTimeMs()).isEqualTo(400_000L);
        assertThat(o.figures().estimatedTimeMs()).isEqualTo(200_000L); // the second play's length stood in
        assertThat(o.uniqueArtists()).isEqualTo(2); // Get Lucky credits Pharrell too
        assertThat(o.changes().get("plays").percent()).isNull(); // nothing in January

        StatsRange all = stats.resolve(user, RangeRequest.named("all_time"));
        TopPage artists = stats.top(user, all, Entity.ARTISTS, TopOrder.PLAYS, 10, 0);
        assertThat(artists.items()).extracting(TopItem::name).containsExactly("Daft Punk", "Pharrell Williams");
        assertThat(artists.items().get(0).figures().plays()).isEqualTo(2);
        assertThat(artists.items().get(0).figures().skipRate()).isEqualTo(1.0 / 3);
        assertThat(artists.items().get(1).figures().plays()).isEqualTo(2);
        assertThat(artists.items()).allMatch(i -> i.movement() == Movement.NONE);
        assertThat(stats.allTimePlays(user)).isEqualTo(3);

        Timeline days = stats.timeline(user, feb, Step.DAY);
        assertThat(days.items()).hasSize(29);
        assertThat(days.items().get(27).figures().plays()).isEqualTo(1);
        assertThat(days.items().get(28).start()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(days.items().get(0).figures().plays()).isZero();
    }

    @Test
    void discoveriesArtistPagesAndTheYearInReview() {
        long user = TestUsers.create(database, "Asia/Kathmandu");
        Instant dec = Instant.parse("2023-12-31T20:00:00Z"); // 1 January 2024, 01:45 in Kathmandu (+05:45)
        listens.ingestBatch(List.of(
                play(user, "Massive Attack", List.of(), "Teardrop", "Mezzanine", Instant.parse("2023-06-01T10:00:00Z"), 200_000L),
                play(user, "Massive Attack", List.of("Massive Attack", "Horace Andy"), "Angel", "Mezzanine", dec, 200_000L),
                play(user, "Portishead", List.of(), "Roads", "Dummy", dec.plus(1, ChronoUnit.DAYS), 200_000L),
                play(user, "Portishead", List.of(), "Roads", "Dummy", dec.plus(2, ChronoUnit.DAYS), 200_000L)));

        StatsRange y2024 = stats.resolve(user, RangeRequest.ofYear(2024));
        Discoveries found = stats.discoveries(user, y2024, Entity.ARTISTS, 10, 0);
        // Massive Attack was first played in 2023: only Horace Andy (featured on Angel) and Portishead are new
        assertThat(found.items()).extracting(Discoveries.Discovery::name).containsExactly("Portishead", "Horace Andy");
        assertThat(found.items().get(1).firstDay()).isEqualTo(LocalDate.of(2024, 1, 1));

        long massive = stats.top(user, stats.resolve(user, RangeRequest.named("all_time")), Entity.ARTISTS,
                TopOrder.PLAYS, 10, 0).items().stream().filter(i -> i.name().equals("Massive Attack")).findFirst()
                .orElseThrow().id();
        EntityStats page = stats.entity(user, y2024, Entity.ARTISTS, massive);
        assertThat(page.firstListenedAt()).isEqualTo(Instant.parse("2023-06-01T10:00:00Z"));
        assertThat(page.figures().plays()).isEqualTo(1);
        // Portishead has two plays in 2024; Massive Attack ties with Horace Andy (same play), broken by id
        long horace = found.items().get(1).id();
        assertThat(page.rank()).isEqualTo(massive < horace ? 2 : 3);
        assertThat(page.topTracks()).extracting(TopItem::name).containsExactly("Angel");

        YearInReview review = stats.year(user, 2024);
        assertThat(review.figures().plays()).isEqualTo(3);
        assertThat(review.topArtists().get(0).name()).isEqualTo("Portishead");
        assertThat(review.newArtists()).isEqualTo(2);
        assertThat(review.longestStreak().days()).isEqualTo(3);
        assertThat(review.topDay().day()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(review.months().get(0).topTrack().name()).isEqualTo("Roads");
        assertThat(review.months().get(1).topTrack()).isNull();
    }

    @Test
    void allTimeLeavesOutAListenStampedAheadOfTheClockAndDiscoveriesFollowADeletedFirstListen() {
        // all_time reads the whole-history rollups minus the listens outside [first day, now): a listen up to an hour
        // ahead is accepted (ListenSanity) but is not in all_time until its time comes
        long user = TestUsers.create(database, "UTC");
        Instant now = Instant.now();
        Instant first = now.minus(3, ChronoUnit.DAYS);
        listens.ingestBatch(List.of(
                play(user, "Portishead", List.of(), "Roads", "Dummy", first, 200_000L),
                play(user, "Portishead", List.of(), "Roads", "Dummy", now.minus(1, ChronoUnit.DAYS), 200_000L),
                play(user, "Air", List.of(), "La femme d'argent", "Moon Safari", now.plus(30, ChronoUnit.MINUTES),
                        200_000L)));
        StatsRange all = stats.resolve(user, RangeRequest.named("all_time"));

        Overview o = stats.overview(user, all);
        assertThat(o.figures().plays()).isEqualTo(2);
        assertThat(o.figures().listeningTimeMs()).isEqualTo(400_000L);
        assertThat(o.uniqueTracks()).isEqualTo(1);
        assertThat(o.uniqueArtists()).isEqualTo(1);
        assertThat(o.uniqueAlbums()).isEqualTo(1);
        TopPage artists = stats.top(user, all, Entity.ARTISTS, TopOrder.PLAYS, 10, 0);
        assertThat(artists.total()).isEqualTo(1);
        assertThat(artists.items()).extracting(TopItem::name).containsExactly("Portishead");
        assertThat(stats.top(user, all, Entity.TRACKS, TopOrder.PLAYS, 10, 5).total()).isEqualTo(1); // past the end
        assertThat(stats.heatmap(user, all).items().stream().mapToLong(Heatmap.Cell::plays).sum()).isEqualTo(2);
        assertThat(stats.clock(user, all).items().stream().mapToLong(Clock.Hour::plays).sum()).isEqualTo(2);
        // the dashboard reads the all-time rollup unsummed, with the listen ahead as a negative row of its own
        DashboardStats d = stats.dashboard(user, all, 5, 3);
        assertThat(d.overview().uniqueTracks()).isEqualTo(1);
        assertThat(d.overview().uniqueArtists()).isEqualTo(1);
        assertThat(d.overview().uniqueAlbums()).isEqualTo(1);
        assertThat(d.topArtists()).extracting(TopItem::name).containsExactly("Portishead");
        assertThat(d.topTracks()).extracting(TopItem::name).containsExactly("Roads");
        assertThat(d.topAlbums()).extracting(TopItem::name).containsExactly("Dummy");
        assertThat(d.topTracks().get(0).figures().listeningTimeMs()).isEqualTo(400_000L);
        Discoveries found = stats.discoveries(user, all, Entity.ARTISTS, 10, 0);
        assertThat(found.items()).extracting(Discoveries.Discovery::name).containsExactly("Portishead");
        assertThat(found.items().get(0).firstListenedAt()).isEqualTo(first.truncatedTo(ChronoUnit.MILLIS));

        // the first listen deleted: the artist was first heard a day ago
        long firstId = database.read(() -> database.dsl().select(org.tonearm.schema.Tables.LISTENS.ID)
                .from(org.tonearm.schema.Tables.LISTENS)
                .where(org.tonearm.schema.Tables.LISTENS.USER_ID.eq(user),
                        org.tonearm.schema.Tables.LISTENS.LISTENED_AT.eq(first.toEpochMilli()))
                .fetchOne(0, Long.class));
        assertThat(history.delete(user, firstId)).isTrue();
        Discoveries after = stats.discoveries(user, stats.resolve(user, RangeRequest.named("all_time")), Entity.ARTISTS,
                10, 0);
        assertThat(after.items().get(0).firstListenedAt())
                .isEqualTo(now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theCurrentStreakIsExactWhenItEndsAtAndReachesPastTheRecentDaysItReadsFirst() {
        // the current streak reads the last 62 days first and walks the per-day rollup back to the run's start only
        // when the streak reaches back to their first day: streaks of 61, 62, 63 and 100 days (the boundary and past it), one play a day ending today
        long user = TestUsers.create(database, "Pacific/Kiritimati");
        java.time.ZoneId zone = java.time.ZoneId.of("Pacific/Kiritimati");
        LocalDate today = LocalDate.now(zone);
        for (int length : new int[] {61, 62, 63, 100}) {
            long u = length == 61 ? user : TestUsers.create(database, "Pacific/Kiritimati");
            java.util.ArrayList<IncomingListen> batch = new java.util.ArrayList<>();
            for (int d = 0; d < length; d++) {
                // local noon, or a minute after midnight today (the clock may not be at noon yet)
                Instant at = d == 0 ? today.atStartOfDay(zone).plusMinutes(1).toInstant()
                        : today.minusDays(d).atTime(12, 0).atZone(zone).toInstant();
                batch.add(play(u, "Air", List.of(), "Track " + d, "Moon Safari", at, 200_000L));
            }
            // a gap day, then an older play that must not join the streak; for the longest one the gap day holds a
            // skip (a day with a rollup row but no play still breaks the run: docs/api.md#statistics)
            if (length == 100) {
                batch.add(play(u, "Air", List.of(), "Skipped", null,
                        today.minusDays(length).atTime(12, 0).atZone(zone).toInstant(), 5_000L));
            }
            batch.add(play(u, "Air", List.of(), "Old", null,
                    today.minusDays(length + 1L).atTime(12, 0).atZone(zone).toInstant(), 200_000L));
            listens.ingestBatch(batch);
            StatsRange week = stats.resolve(u, RangeRequest.named("7d"));
            Streak current = stats.overview(u, week).currentStreak();
            assertThat(current.days()).as("streak of %d days", length).isEqualTo(length);
            assertThat(current.first()).isEqualTo(today.minusDays(length - 1L));
            assertThat(current.last()).isEqualTo(today);
            assertThat(stats.streaks(u, week).current()).isEqualTo(current);
        }
    }

    @Test
    void aContradictoryRangeIsRefusedNamingTheField() {
        long user = TestUsers.create(database, "UTC");
        assertThatThrownBy(() -> stats.resolve(user, new RangeRequest("7d", "2024", null, null, null)))
                .isInstanceOfSatisfying(TonearmException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("year"));
    }
}
