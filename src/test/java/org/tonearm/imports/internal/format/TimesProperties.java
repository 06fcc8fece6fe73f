package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The digit-by-digit reading of {@code yyyy-MM-ddTHH:mm:ssZ} agrees with the general ISO parsers everywhere. */
class TimesProperties {

    private static final DateTimeFormatter SHAPE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Every second from year 0 to 9999 in that shape is read by the fast path, to the same instant. */
    @Property(tries = 2_000)
    void everyPlainUtcSecondIsReadFastAndExactly(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond) {
        String ts = SHAPE.format(Instant.ofEpochSecond(epochSecond));

        assertThat(Times.utcSecondsMillis(ts)).isEqualTo(epochSecond * 1000);
        assertThat(Times.iso("ts", ts)).isEqualTo(Instant.parse(ts).toEpochMilli());
    }

    /** Any digits in that shape, valid or not: the fast path answers as the general parser does, or defers to it. */
    @Property(tries = 5_000)
    void anyDigitsInTheShapeGetTheGeneralParsersAnswer(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 99) int month, @ForAll @IntRange(min = 0, max = 99) int day,
            @ForAll @IntRange(min = 0, max = 99) int hour, @ForAll @IntRange(min = 0, max = 99) int minute,
            @ForAll @IntRange(min = 0, max = 99) int second) {
        String ts = "%04d-%02d-%02dT%02d:%02d:%02dZ".formatted(year, month % 14, day % 33, hour % 26, minute % 62,
                second % 62);

        assertSameAnswer(ts);
    }

    @Test
    void edgesOfTheShapeGetTheGeneralParsersAnswer() {
        for (String ts : new String[] {"2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "1900-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-12-31T23:59:59Z", "2023-12-31T23:59:60Z",
                "2023-12-31T24:00:00Z", "2023-01-31t13:45:12z", "2023-01-31T13:45:12z", "0000-01-01T00:00:00Z",
                "2023-01-31T13:45:12.5Z", "2023-01-31 13:45:12Z", "2023-1-31T13:45:12Z", "2023-01-31T13:45:12+01:00",
                "٢٠٢٣-01-31T13:45:12Z", "2023-01-31T13:45:1Z", "+2023-01-31T13:45:12Z"}) {
            assertSameAnswer(ts);
        }
        assertThat(Times.utcSecondsMillis("2023-01-31T13:45:12Z"))
                .isEqualTo(Instant.parse("2023-01-31T13:45:12Z").toEpochMilli());
        assertThat(Times.utcSecondsMillis("2023-12-31T23:59:60Z")).isEqualTo(Times.NOT_UTC_SECONDS);
        assertThat(Times.iso("ts", "  2023-01-31T13:45:12Z\n")).isEqualTo(1_675_172_712_000L);
    }

    private static void assertSameAnswer(String ts) {
        Long general;
        try {
            general = Times.isoGeneral("ts", ts);
        } catch (RowRejected rejected) {
            general = null;
        }
        if (general == null) {
            assertThat(Times.utcSecondsMillis(ts)).as(ts).isEqualTo(Times.NOT_UTC_SECONDS);
            assertThatThrownBy(() -> Times.iso("ts", ts)).as(ts).isInstanceOf(RowRejected.class);
        } else {
            assertThat(Times.iso("ts", ts)).as(ts).isEqualTo(general);
        }
    }
}
