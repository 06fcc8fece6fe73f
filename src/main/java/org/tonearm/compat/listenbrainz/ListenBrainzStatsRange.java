package org.tonearm.compat.listenbrainz;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * ListenBrainz's statistics {@code range} values (data/model/common_stat.py {@code ALLOWED_STATISTICS_RANGE}) and
 * the native range each one is served from (docs/api.md#statistics Definitions): {@code week}, {@code month} and {@code year} are
 * the last whole week, month and year; {@code quarter} and {@code half_yearly} the last whole calendar quarter and
 * half-year; {@code this_*} and {@code all_time} as named. Everything is resolved in the user's timezone and week
 * start by the stats module, so a client shows the same numbers as the native API.
 */
enum ListenBrainzStatsRange {
    THIS_WEEK("this_week"),
    THIS_MONTH("this_month"),
    THIS_YEAR("this_year"),
    WEEK("last_week"),
    MONTH("last_month"),
    QUARTER(null),
    HALF_YEARLY(null),
    YEAR("last_year"),
    ALL_TIME("all_time");

    /** stats_api.py: {@code request.args.get("range", default="all_time")}. */
    static final ListenBrainzStatsRange DEFAULT = ALL_TIME;

    /** The native range name, or null when the range is a span of whole days ({@link #days}). */
    private final String nativeName;

    ListenBrainzStatsRange(String nativeName) {
        this.nativeName = nativeName;
    }

    /** The value as ListenBrainz spells it (echoed in {@code payload.range}). */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The range for a {@code range} parameter; absent means {@code all_time}. ListenBrainz compares exactly, so
     * {@code WEEK} is as invalid as {@code fortnight} (400 "Invalid range: …").
     */
    static Optional<ListenBrainzStatsRange> parse(String value) {
        if (value == null) {
            return Optional.of(DEFAULT);
        }
        for (ListenBrainzStatsRange r : values()) {
            if (r.wire().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    Optional<String> nativeName() {
        return Optional.ofNullable(nativeName);
    }

    /** A span of whole local days, both included. */
    record Days(LocalDate first, LocalDate last) {}

    /**
     * {@code quarter}: the last whole calendar quarter before {@code today}'s; {@code half_yearly}: the last whole
     * half-year (January–June or July–December) before {@code today}'s. Empty for the named ranges.
     */
    Optional<Days> days(LocalDate today) {
        return switch (this) {
            case QUARTER -> {
                LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
                yield Optional.of(new Days(thisQuarter.minusMonths(3), thisQuarter.minusDays(1)));
            }
            case HALF_YEARLY -> {
                LocalDate thisHalf = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
                yield Optional.of(new Days(thisHalf.minusMonths(6), thisHalf.minusDays(1)));
            }
            default -> Optional.empty();
        };
    }
}
