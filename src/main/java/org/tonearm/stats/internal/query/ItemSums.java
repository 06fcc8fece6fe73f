package org.tonearm.stats.internal.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonearm.stats.Entity;
import org.tonearm.stats.Figures;

/**
 * Every artist's, album's and track's figures in each of some periods, for the views that rank several kinds at once
 * in memory (the dashboard, the year in review), from one statement: the (track, album) pairs summed and joined with
 * the tracks' credits ({@link TopQuery#pairs}). Each map holds the items with a play, as {@link TopQuery#all} does
 * (skips alone never rank; an item's skips still count in its figures); an artist counts every play of every track
 * that credits it, once per credit, as the rankings' join with {@code track_artists} counts it.
 */
@Component
public class ItemSums {

    private final TopQuery top;

    public ItemSums(TopQuery top) {
        this.top = top;
    }

    /** Per kind, one map per period (in the order of {@code periods}). */
    public Map<Entity, List<Map<Long, Figures>>> of(List<Slice> periods) {
        Map<Entity, List<Map<Long, Figures>>> summed = new EnumMap<>(Entity.class);
        for (Entity kind : Entity.values()) {
            summed.put(kind, new ArrayList<>(periods.size()));
        }
        for (List<TopQuery.CreditedPair> rows : top.pairs(periods)) {
            // a pair comes once per credit of its track: its figures count once for the track and the album (on the
            // row of the track's first credit), once per credit for the artists
            Map<Long, Integer> firstCredit = new HashMap<>();
            for (TopQuery.CreditedPair r : rows) {
                firstCredit.merge(r.track(), r.position(), Math::min);
            }
            Map<Long, Figures> tracks = new HashMap<>();
            Map<Long, Figures> albums = new HashMap<>();
            Map<Long, Figures> artists = new HashMap<>();
            for (TopQuery.CreditedPair r : rows) {
                if (r.artist() != 0) {
                    artists.merge(r.artist(), r.figures(), Figures::plus);
                }
                if (r.position() == firstCredit.get(r.track())) {
                    tracks.merge(r.track(), r.figures(), Figures::plus);
                    if (r.album() != 0) { // 0 is "no album", never an item
                        albums.merge(r.album(), r.figures(), Figures::plus);
                    }
                }
            }
            summed.get(Entity.TRACKS).add(played(tracks));
            summed.get(Entity.ALBUMS).add(played(albums));
            summed.get(Entity.ARTISTS).add(played(artists));
        }
        return summed;
    }

    /** The items with a play; in place. */
    private static Map<Long, Figures> played(Map<Long, Figures> summed) {
        summed.values().removeIf(f -> f.plays() <= 0);
        return summed;
    }
}
