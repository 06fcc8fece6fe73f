package org.tonearm.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.stats.Entity;
import org.tonearm.stats.RangeRequest;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;

/**
 * A listening history for the compatibility statistics tests, written through the native API (the funnel), and the
 * native statistics API's answers the protocols must agree with (docs/api.md#statistics: "a client shows the same numbers as the
 * native API"). Users are UTC with weeks from Monday (the defaults).
 */
public final class StatsSeed {

    /** Now, truncated to the second; every seeded listen is before it. */
    public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    /**
     * Two hours ago, but never before today's UTC midnight: at 00:30 on a Monday "two hours ago" would be last week
     * and land in last week's chart. Halfway between midnight and now instead (at least a second before now).
     */
    public final Instant recent = recent(now, today);
    /** Monday of last week, 12:00 UTC. */
    public final Instant lastWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1)
            .atTime(12, 0).toInstant(ZoneOffset.UTC);
    /** The first day of the last whole calendar quarter, 12:00 UTC. */
    public final Instant lastQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3).atTime(12, 0)
            .toInstant(ZoneOffset.UTC);

    private StatsSeed() {}

    private static Instant recent(Instant now, LocalDate today) {
        Instant twoHoursAgo = now.minus(2, ChronoUnit.HOURS);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!twoHoursAgo.isBefore(midnight)) {
            return twoHoursAgo;
        }
        return now.minusSeconds(Math.max(1, (now.getEpochSecond() - midnight.getEpochSecond()) / 2));
    }

    /**
     * Last week: artist A three plays (two tracks, album "Album A"), B two ("Album B"), C one play and one skip (no
     * album). The last quarter's first day: D once. Two hours ago (or earlier today, see recent): E once.
     * All time: A 3, B 2, C 1, D 1, E 1.
     */
    public static StatsSeed write(Api.User user) {
        StatsSeed s = new StatsSeed();
        List<Map<String, Object>> listens = new ArrayList<>();
        listens.add(listen("Artist A", "A One", "Album A", s.lastWeek, null));
        listens.add(listen("Artist A", "A One", "Album A", s.lastWeek.plusSeconds(600), null));
        listens.add(listen("Artist A", "A Two", "Album A", s.lastWeek.plusSeconds(1200), null));
        listens.add(listen("Artist B", "B One", "Album B", s.lastWeek.plus(1, ChronoUnit.DAYS), null));
        listens.add(listen("Artist B", "B One", "Album B", s.lastWeek.plus(1, ChronoUnit.DAYS).plusSeconds(600), null));
        listens.add(listen("Artist C", "C One", null, s.lastWeek.plus(2, ChronoUnit.DAYS), null));
        // a skip (5 s of 200 s): stored, never a play (docs/api.md#listens, #statistics)
        listens.add(listen("Artist C", "C One", null, s.lastWeek.plus(2, ChronoUnit.DAYS).plusSeconds(600), 5_000));
        listens.add(listen("Artist D", "D One", "Album D", s.lastQuarter, null));
        listens.add(listen("Artist E", "E One", "Album E", s.recent, null));
        Api.Response r = user.api().post("/api/v1/listens", Map.of("listens", listens));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return s;
    }

    private static Map<String, Object> listen(String artist, String track, String album, Instant at, Integer played) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("artist", artist);
        m.put("track", track);
        if (album != null) {
            m.put("album", album);
        }
        m.put("listened_at", at.getEpochSecond());
        m.put("track_length_ms", 200_000);
        m.put("duration_played_ms", played == null ? 200_000 : played);
        return m;
    }

    /** The native top list: {@code total} and name → plays, in rank order. */
    public record NativeTop(long total, Map<String, Long> plays) {}

    /** The native API's top list ({@code GET /api/v1/stats/top/{kind}}, plays order) for {@code range}. */
    public static NativeTop nativeTop(Api.User user, Entity kind, RangeRequest range) {
        StringBuilder q = new StringBuilder("limit=1000");
        param(q, "range", range.range());
        param(q, "year", range.year());
        param(q, "month", range.month());
        param(q, "from", range.from());
        param(q, "to", range.to());
        String path = kind.name().toLowerCase(java.util.Locale.ROOT);
        Api.Response r = user.api().get("/api/v1/stats/top/" + path + "?" + q);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String key = path.substring(0, path.length() - 1);
        Map<String, Long> plays = new LinkedHashMap<>();
        for (JsonNode item : r.json().path("items")) {
            JsonNode entity = item.path(key);
            plays.put(entity.has("name") ? entity.path("name").asString() : entity.path("title").asString(),
                    item.path("plays").asLong());
        }
        return new NativeTop(r.json().path("total").asLong(), plays);
    }

    private static void param(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(value);
        }
    }

    /** The native range query for each ListenBrainz range value (docs/api.md#statistics Definitions). */
    public Map<String, RangeRequest> listenBrainzRanges() {
        Map<String, RangeRequest> m = new LinkedHashMap<>();
        m.put("week", RangeRequest.named("last_week"));
        m.put("month", RangeRequest.named("last_month"));
        m.put("year", RangeRequest.named("last_year"));
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        m.put("quarter", dates(quarter.minusMonths(3), quarter.minusDays(1)));
        LocalDate half = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
        m.put("half_yearly", dates(half.minusMonths(6), half.minusDays(1)));
        m.put("this_week", RangeRequest.named("this_week"));
        m.put("this_month", RangeRequest.named("this_month"));
        m.put("this_year", RangeRequest.named("this_year"));
        m.put("all_time", RangeRequest.named("all_time"));
        return m;
    }

    public static RangeRequest dates(Object from, Object to) {
        return new RangeRequest(null, null, null, String.valueOf(from), String.valueOf(to));
    }
}
