package org.tonearm.stats.internal.query;

import static org.tonearm.schema.Tables.STATS_TRACK;
import static org.tonearm.schema.Tables.TRACK_ARTISTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.tonearm.shared.Database;

/**
 * The artists credited on tracks, for artist rankings summed in memory from per-track figures (the dashboard over
 * long ranges): one entry per {@code track_artists} row, as the rankings' join with {@code track_artists} counts them
 * (an artist counts every play of every track that credits it, docs/api.md#statistics).
 */
@Component
public class Credits {

    /** Ids per statement when tracks are looked up by id (the rare ones {@code stats_track} does not list). */
    private static final int CHUNK = 500;

    private final Database database;

    public Credits(Database database) {
        this.database = database;
    }

    /**
     * The credits of the given tracks, read as the credits of every track the user has played (their all-time
     * rollup {@code stats_track}): one indexed pass, where the credits of just the range's tracks would need a
     * distinct set of the range's rows first (SQLite, 365 days and the period before at a million listens: 18 ms
     * against 47 ms). A track the rollup does not list is looked up by id, so the answer never depends on it.
     */
    public Map<Long, long[]> of(long userId, Collection<Long> tracks) {
        DSLContext dsl = database.dsl();
        Map<Long, List<Long>> credits = new HashMap<>();
        Rendered.fetch(dsl, "credits of played tracks", List.of(userId), v -> dsl
                        .select(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.ARTIST_ID).from(TRACK_ARTISTS)
                        .where(TRACK_ARTISTS.TRACK_ID.in(dsl.select(STATS_TRACK.TRACK_ID).from(STATS_TRACK)
                                .where(STATS_TRACK.USER_ID.eq((Long) v.get(0))))))
                .forEach(r -> credits.computeIfAbsent(r.get(0, Long.class), k -> new ArrayList<>(2))
                        .add(r.get(1, Long.class)));
        List<Long> missing = tracks.stream().filter(t -> !credits.containsKey(t)).distinct().toList();
        for (int i = 0; i < missing.size(); i += CHUNK) {
            dsl.select(TRACK_ARTISTS.TRACK_ID, TRACK_ARTISTS.ARTIST_ID).from(TRACK_ARTISTS)
                    .where(TRACK_ARTISTS.TRACK_ID.in(missing.subList(i, Math.min(missing.size(), i + CHUNK))))
                    .fetch()
                    .forEach(r -> credits.computeIfAbsent(r.get(0, Long.class), k -> new ArrayList<>(2))
                            .add(r.get(1, Long.class)));
        }
        Map<Long, long[]> out = new HashMap<>(credits.size() * 2);
        credits.forEach((track, artists) -> out.put(track, artists.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }
}
