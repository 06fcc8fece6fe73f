package org.tonearm.web.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.tonearm.stats.Clock;
import org.tonearm.stats.Heatmap;

/**
 * The heatmap's and clock's tooltips, made once in {@link Charts} rather than per cell by the template
 * (docs/web.md#speed): the page's own message bundles in each language, counts formatted by the locale, and a cell's
 * shade class following its share of the busiest cell.
 */
class DashboardChartsTests {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        // as spring.messages in application.yaml
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final Heatmap HEAT = new Heatmap(null, null, List.of(
            new Heatmap.Cell(1, 0, 0, 0), new Heatmap.Cell(1, 14, 1234, 0), new Heatmap.Cell(7, 23, 1, 0)));

    @Test
    void heatCellsCarryTheirTooltipInThePageLanguage() {
        Charts.Heat en = Charts.heatmap(HEAT, Locale.ENGLISH, MESSAGES);
        assertThat(en.cells()).extracting(Charts.HeatCell::title)
                .containsExactly("Mon 0:00 – 0 plays", "Mon 14:00 – 1,234 plays", "Sun 23:00 – 1 plays");
        assertThat(Charts.heatmap(HEAT, Locale.of("es"), MESSAGES).cells().get(1).title())
                .isEqualTo("lun 14:00 – 1.234 escuchas");
        assertThat(Charts.heatmap(HEAT, Locale.FRENCH, MESSAGES).cells().get(1).title())
                .isEqualTo("lun. 14 h – 1\u202f234 écoutes");
    }

    @Test
    void heatCellShadeIsEmptyForNoPlaysAndAtLeastTheLightestForOne() {
        assertThat(Charts.heatmap(HEAT, Locale.ENGLISH, MESSAGES).cells()).extracting(Charts.HeatCell::css)
                .containsExactly("heat heat-0", "heat heat-4", "heat heat-1");
    }

    @Test
    void clockWedgesCarryTheirTooltip() {
        Clock clock = new Clock(null, null, List.of(new Clock.Hour(0, 0, 0), new Clock.Hour(21, 2500, 0)));
        assertThat(Charts.clock(clock, Locale.ENGLISH, MESSAGES)).extracting(Charts.ClockWedge::title)
                .containsExactly("0:00 – 0 plays", "21:00 – 2,500 plays");
        assertThat(Charts.clock(clock, Locale.FRENCH, MESSAGES).get(1).title()).isEqualTo("21 h – 2\u202f500 écoutes");
    }
}
