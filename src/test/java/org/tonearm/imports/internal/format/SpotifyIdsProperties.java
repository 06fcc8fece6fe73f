package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The track-id scan agrees with the URI grammar written as a regular expression, on any text. */
class SpotifyIdsProperties {

    /** The specification: what the scan replaced, kept here as the oracle. */
    private static final Pattern TRACK =
            Pattern.compile("(?:spotify:track:|open\\.spotify\\.com/track/)([A-Za-z0-9]{1,64})");

    private static String oracle(String text) {
        Matcher m = TRACK.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Property(tries = 3000)
    void agreesWithTheGrammar(@ForAll("uriLike") String text) {
        assertThat(SpotifyIds.trackId(text)).isEqualTo(oracle(text));
    }

    @Provide
    Arbitrary<String> uriLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("spotify:track:", "open.spotify.com/track/", "https://", "spotify:episode:", "?si=",
                        "spotify:track", "/", ":", " "),
                Arbitraries.strings().withCharRange('A', 'z').withCharRange('0', '9').ofMinLength(0).ofMaxLength(70));
        return pieces.list().ofMaxSize(6).map(list -> String.join("", list));
    }

    @Example
    void readsBothForms() {
        assertThat(SpotifyIds.trackId("spotify:track:4uLU6hMCjMI75M1A2tKUQC")).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        assertThat(SpotifyIds.trackId("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=x"))
                .isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        assertThat(SpotifyIds.trackId("spotify:episode:4uLU6hMCjMI75M1A2tKUQC")).isNull();
        assertThat(SpotifyIds.trackId("spotify:track:")).isNull();
        assertThat(SpotifyIds.trackId(null)).isNull();
    }
}
