package org.tonearm.listens.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WireInstantsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long NOON = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    @Test
    void readsIsoWithMillisecondsAndZ() {
        assertThat(WireInstants.parse("2024-05-01T12:00:00.250Z")).hasValue(NOON + 250);
    }

    @Test
    void readsIsoWithAnOffset() {
        assertThat(WireInstants.parse("2024-05-01T13:00:00+01:00")).hasValue(NOON);
    }

    @Test
    void readsEpochSecondsFromAStringOrANumber() {
        assertThat(WireInstants.parse("1714564800")).hasValue(NOON);
        assertThat(WireInstants.parse(JSON.readTree("1714564800"))).hasValue(NOON);
    }

    @Test
    void rejectsWhatIsNeither() {
        assertThat(WireInstants.parse("2024-05-01")).isEmpty();
        assertThat(WireInstants.parse("soon")).isEmpty();
        assertThat(WireInstants.parse(JSON.readTree("true"))).isEmpty();
        assertThat(WireInstants.parse(JSON.readTree("1.5"))).isEmpty();
        assertThat(WireInstants.parse(JSON.readTree("99999999999999999999"))).isEmpty();
    }
}
