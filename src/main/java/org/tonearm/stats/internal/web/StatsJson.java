package org.tonearm.stats.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tonearm.shared.Instants;
import org.tonearm.stats.Change;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.Streak;
import org.tonearm.stats.TopItem;

/**
 * The §8 envelope and item shapes of the stats API: {@code {range:{name, from, to, previous:{from, to}|null},
 * computed_at, total, offset, items}}, snake_case keys, instants as ISO-8601 UTC with milliseconds.
 */
final class StatsJson {

    private StatsJson() {}

    static Map<String, Object> envelope(StatsRange range, Instant computedAt, long total, int offset, List<?> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("range", range(range));
        out.put("computed_at", instant(computedAt));
        out.put("total", total);
        out.put("offset", offset);
        out.put("items", items);
        return out;
    }

    static Map<String, Object> range(StatsRange range) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", range.name());
        r.put("from", instant(range.from()));
        r.put("to", instant(range.to()));
        r.put("timezone", range.zone().getId());
        r.put("previous", range.previous() == null ? null
                : Map.of("from", instant(range.previous().from()), "to", instant(range.previous().to())));
        return r;
    }

    static String instant(Instant i) {
        return i == null ? null : Instants.format(i.toEpochMilli());
    }

    static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** plays, weighted_plays, listening_time_ms, estimated_time_ms, estimated_share, skips, skip_rate. */
    static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        putFigures(m, f);
        return m;
    }

    static void putFigures(Map<String, Object> m, Figures f) {
        m.put("plays", f.plays());
        m.put("weighted_plays", f.weightedPlays());
        m.put("listening_time_ms", f.listeningTimeMs());
        m.put("estimated_time_ms", f.estimatedTimeMs());
        m.put("estimated_share", f.estimatedShare());
        m.put("skips", f.skips());
        m.put("skip_rate", f.skipRate());
    }

    static Map<String, Object> streak(Streak s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", s.days());
        m.put("first", day(s.first()));
        m.put("last", day(s.last()));
        return m;
    }

    static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("previous", c.previous());
        m.put("percent", c.percent());
        return m;
    }

    static String singular(Entity kind) {
        return switch (kind) {
            case ARTISTS -> "artist";
            case ALBUMS -> "album";
            case TRACKS -> "track";
        };
    }

    static Map<String, Object> topItem(TopItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", i.rank());
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", i.id());
        entity.put(i.kind() == Entity.ARTISTS ? "name" : "title", i.name());
        entity.put("mbid", i.mbid());
        if (i.kind() != Entity.ARTISTS) {
            List<Map<String, Object>> credits = new ArrayList<>();
            for (TopItem.Credit c : i.artists()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", c.id());
                a.put("name", c.name());
                a.put("role", c.role());
                credits.add(a);
            }
            entity.put("artists", credits);
        }
        m.put(singular(i.kind()), entity);
        putFigures(m, i.figures());
        m.put("previous_rank", i.previousRank());
        m.put("movement", i.movement().name().toLowerCase());
        return m;
    }
}
