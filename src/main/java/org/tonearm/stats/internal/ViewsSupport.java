package org.tonearm.stats.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tonearm.stats.Discoveries;
import org.tonearm.stats.Entity;
import org.tonearm.stats.EntityStats;
import org.tonearm.stats.Insights;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.YearInReview;
import org.tonearm.stats.internal.query.InsightsQuery;

/** The views built from several queries (temporary home until each has its query class). */
@Component
class ViewsSupport {

    private final InsightsQuery insights;

    ViewsSupport(InsightsQuery insights) {
        this.insights = insights;
    }

    Discoveries discoveries(long userId, StatsRange range, Entity kind, int limit, int offset, Instant now) {
        throw new UnsupportedOperationException("discoveries: not yet");
    }

    Insights insights(long userId, StatsRange range, int limit, Instant now) {
        return insights.insights(userId, range, limit, now);
    }

    EntityStats entity(long userId, StatsRange range, Entity kind, long id, Instant now) {
        throw new UnsupportedOperationException("entity: not yet");
    }

    YearInReview year(long userId, int year, StatsRange range, Instant now) {
        throw new UnsupportedOperationException("year: not yet");
    }
}
