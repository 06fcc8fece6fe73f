package org.tonearm.integrations.internal.musicbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pace toward MusicBrainz (docs/operations.md#musicbrainz-enrichment): never below its published limit of one
 * request per second, whatever is configured, unless the API is on this machine (a local mirror or a test double).
 */
class MusicBrainzPropertiesTests {

    static Duration pace(String apiBaseUrl, Duration configured) {
        return new MusicBrainzProperties(true, null, apiBaseUrl == null ? null : URI.create(apiBaseUrl), configured,
                null, null, null).minInterval();
    }

    @Test
    void theDefaultIsOneSecond() {
        assertThat(pace(null, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pace("http://127.0.0.1:8080", null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void towardAnyOtherHostAShorterPaceIsRaisedToOneSecond() {
        for (String url : new String[] {"https://musicbrainz.org", "http://10.0.0.5:5000", "http://mirror.example.test",
                "http://127.0.0.1.example.test", "http://[::2]:5000"}) {
            assertThat(pace(url, Duration.ofMillis(999))).as(url).isEqualTo(Duration.ofSeconds(1));
            assertThat(pace(url, Duration.ofMillis(1500))).as(url).isEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    void onThisMachineTheConfiguredPaceHolds() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://localhost:5000", "http://[::1]:5000",
                "http://127.1.2.3"}) {
            assertThat(pace(url, Duration.ofMillis(100))).as(url).isEqualTo(Duration.ofMillis(100));
            assertThat(pace(url, Duration.ZERO)).as(url).isEqualTo(Duration.ZERO);
            assertThat(pace(url, Duration.ofMillis(-1))).as(url).isEqualTo(Duration.ofSeconds(1));
        }
    }
}
