package org.tonearm.web.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonearm.stats.Insights;

/** The dashboard's insights as sentences (docs/web.md#the-dashboard): which message each mover gets. */
class DashboardInsightsTests {

    private static final RangeForm LAST_30_DAYS = new RangeForm("30d", null, null, null, null);

    @Test
    void risersFallersAndArtistsNotPlayedAtAllGetTheirOwnSentences() {
        Insights insights = new Insights(null, null,
                List.of(new Insights.Mover(1, "Radiohead", 40, 10, 30, 300.0),
                        new Insights.Mover(2, "Portishead", 3, 0, 3, null)),
                List.of(new Insights.Mover(3, "Björk", 6, 10, -4, -40.0),
                        new Insights.Mover(4, "Sufjan Stevens", 0, 3, -3, -100.0)));

        List<DashboardView.Sentence> sentences = DashboardView.sentences(insights, LAST_30_DAYS);

        assertThat(sentences).extracting(DashboardView.Sentence::key)
                .containsExactly("insight.more", "insight.new", "insight.less", "insight.gone");
        assertThat(sentences.get(0).args()).containsExactly(300L, "Radiohead", "dashboard.previous.30d");
        assertThat(sentences.get(2).args()).containsExactly(40L, "Björk", "dashboard.previous.30d");
        // not "100 % less": the artist was not played, and last period's plays say how much that is
        assertThat(sentences.get(3).args()).containsExactly("Sufjan Stevens", 3L, "dashboard.previous.30d");
    }
}
