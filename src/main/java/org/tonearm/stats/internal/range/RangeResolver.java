package org.tonearm.stats.internal.range;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tonearm.shared.TonearmException;
import org.tonearm.shared.TonearmException.FieldError;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsRange.Period;

/**
 * Resolves range parameters into instants in the user's timezone and week start (docs/api.md#statistics Definitions): rolling
 * ranges are local days (7d = today and the 6 days before, from local midnight); current ranges end now; dates are
 * whole local days, both included; instants are {@code [from, to)}; the previous period is the same span one period
 * earlier ({@code this_month} on the 6th at 15:00 → last month's 1st to 6th at 15:00), except that whole periods
 * ({@code last_month}, {@code year=}) compare with the whole period before.
 */
public final class RangeResolver {

    private static final Map<String, Integer> ROLLING = Map.of("7d", 7, "30d", 30, "90d", 90, "180d", 180, "365d", 365);
    private static final List<String> NAMED = List.of("today", "yesterday", "this_week", "last_week", "this_month",
            "last_month", "this_year", "last_year", "7d", "30d", "90d", "180d", "365d", "all_time");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d{1,12}");
    /**
     * The widest bounds an ISO-8601 instant may name: what 12-digit epoch seconds reach (years -29719 to 33658), so
     * the three forms of a bound cover one span. {@link Instant#parse} reads years up to ±1,000,000,000, whose epoch
     * milliseconds overflow a long (the range's length and previous period are computed in milliseconds): a 500
     * before this check.
     */
    private static final Instant EARLIEST = Instant.ofEpochSecond(-999_999_999_999L);
    private static final Instant LATEST = Instant.ofEpochSecond(999_999_999_999L);

    private RangeResolver() {}

    /**
     * Whether {@link #resolve} reads its {@code firstListen} for this request (all_time and a custom range without
     * {@code from}): the other ranges need no statement for it (docs/performance.md, 2026-12-07: every statement of
     * a call waits for a pooled connection under concurrency).
     */
    public static boolean needsFirstListen(RangeRequest request) {
        if (request.from() != null || request.to() != null) {
            return request.from() == null;
        }
        if (request.range() == null) {
            return request.year() == null && request.month() == null; // nothing given: all_time
        }
        return request.range().trim().toLowerCase().equals("all_time");
    }

    /**
     * @param now            the current instant
     * @param firstListen    the user's first listen (for all_time and open-ended custom ranges), null when none
     */
    public static StatsRange resolve(RangeRequest request, Instant now, ZoneId zone, DayOfWeek weekStart,
            Instant firstListen) {
        List<String> given = new ArrayList<>();
        if (request.range() != null) given.add("range");
        if (request.year() != null) given.add("year");
        if (request.month() != null) given.add("month");
        if (request.from() != null || request.to() != null) given.add(request.from() != null ? "from" : "to");
        if (given.size() > 1) {
            // the second parameter is the contradictory one
            throw TonearmException.invalid(given.get(1), "cannot be combined with " + given.get(0));
        }
        ZonedDateTime nowZ = now.atZone(zone);
        LocalDate today = nowZ.toLocalDate();
        if (request.year() != null) {
            int year = parseYear(request.year());
            return whole("year", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1),
                    LocalDate.of(year - 1, 1, 1), zone, weekStart);
        }
        if (request.month() != null) {
            YearMonth month = parseMonth(request.month());
            return whole("month", month.atDay(1), month.plusMonths(1).atDay(1), month.minusMonths(1).atDay(1), zone,
                    weekStart);
        }
        if (request.from() != null || request.to() != null) {
            return custom(request, now, zone, weekStart, firstListen);
        }
        String name = request.range() == null ? "all_time" : request.range().trim().toLowerCase();
        LocalDate weekFirst = today.with(TemporalAdjusters.previousOrSame(weekStart));
        return switch (name) {
            case "today" -> current(name, today, nowZ, nowZ.minusDays(1), zone, weekStart);
            case "yesterday" -> whole(name, today.minusDays(1), today, today.minusDays(2), zone, weekStart);
            case "this_week" -> current(name, weekFirst, nowZ, nowZ.minusWeeks(1), zone, weekStart);
            case "last_week" -> whole(name, weekFirst.minusWeeks(1), weekFirst, weekFirst.minusWeeks(2), zone, weekStart);
            case "this_month" -> current(name, today.withDayOfMonth(1), nowZ, nowZ.minusMonths(1), zone, weekStart);
            case "last_month" -> whole(name, today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1),
                    today.withDayOfMonth(1).minusMonths(2), zone, weekStart);
            case "this_year" -> current(name, today.withDayOfYear(1), nowZ, nowZ.minusYears(1), zone, weekStart);
            case "last_year" -> whole(name, today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1),
                    today.withDayOfYear(1).minusYears(2), zone, weekStart);
            case "all_time" -> new StatsRange(name, firstListen == null ? now
                    : LocalDate.ofInstant(firstListen, zone).atStartOfDay(zone).toInstant(), now, null, zone, weekStart);
            default -> {
                Integer days = ROLLING.get(name);
                if (days == null) {
                    throw TonearmException.invalid("range", "must be one of " + String.join(", ", NAMED));
                }
                yield current(name, today.minusDays(days - 1), nowZ, nowZ.minusDays(days), zone, weekStart);
            }
        };
    }

    /** A current range: from a local day's midnight until now; the previous one is the same span one period back. */
    private static StatsRange current(String name, LocalDate first, ZonedDateTime now, ZonedDateTime previousNow,
            ZoneId zone, DayOfWeek weekStart) {
        // the previous period starts one period before, at the same local date arithmetic as its end
        long span = java.time.temporal.ChronoUnit.DAYS.between(first, now.toLocalDate());
        LocalDate previousFirst = previousNow.toLocalDate().minusDays(span);
        if (name.equals("this_month")) {
            previousFirst = previousNow.toLocalDate().withDayOfMonth(1);
        } else if (name.equals("this_year")) {
            previousFirst = previousNow.toLocalDate().withDayOfYear(1);
        }
        return new StatsRange(name, midnight(first, zone), now.toInstant(),
                new Period(midnight(previousFirst, zone), previousNow.toInstant()), zone, weekStart);
    }

    /** Whole local days {@code [first, end)}; the previous period is {@code [previousFirst, first)}. */
    private static StatsRange whole(String name, LocalDate first, LocalDate end, LocalDate previousFirst, ZoneId zone,
            DayOfWeek weekStart) {
        return new StatsRange(name, midnight(first, zone), midnight(end, zone),
                new Period(midnight(previousFirst, zone), midnight(first, zone)), zone, weekStart);
    }

    private static StatsRange custom(RangeRequest request, Instant now, ZoneId zone, DayOfWeek weekStart,
            Instant firstListen) {
        List<FieldError> errors = new ArrayList<>();
        Bound from = request.from() == null ? null : parseBound("from", request.from(), zone, false, errors);
        Bound to = request.to() == null ? null : parseBound("to", request.to(), zone, true, errors);
        if (!errors.isEmpty()) {
            throw TonearmException.invalid(errors);
        }
        Instant start = from != null ? from.instant()
                : firstListen == null ? now : LocalDate.ofInstant(firstListen, zone).atStartOfDay(zone).toInstant();
        Instant end = to != null ? to.instant() : now;
        if (from != null && to != null && !end.isAfter(start)) {
            throw TonearmException.invalid("to", "must be after from");
        }
        if (end.isBefore(start)) {
            end = start;
        }
        Period previous;
        if (from != null && to != null && from.date() != null && to.date() != null) {
            // whole days: the same number of local days just before (DST days keep their own length)
            long days = java.time.temporal.ChronoUnit.DAYS.between(from.date(), to.date());
            previous = new Period(midnight(from.date().minusDays(days), zone), start);
        } else {
            previous = new Period(start.minusMillis(end.toEpochMilli() - start.toEpochMilli()), start);
        }
        return new StatsRange("custom", start, end, previous, zone, weekStart);
    }

    /** {@code date} is the local day a date bound stands for (for {@code to}: the day after the last one included). */
    private record Bound(Instant instant, LocalDate date) {}

    private static Bound parseBound(String field, String raw, ZoneId zone, boolean end, List<FieldError> errors) {
        String value = raw.trim();
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                LocalDate bound = end ? day.plusDays(1) : day; // dates are whole local days, both included
                return new Bound(midnight(bound, zone), bound);
            }
            if (EPOCH_SECONDS.matcher(value).matches()) {
                return new Bound(Instant.ofEpochSecond(Long.parseLong(value)), null);
            }
            Instant instant = Instant.parse(value);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                errors.add(new FieldError(field, "must lie between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return new Bound(instant, null);
        } catch (DateTimeParseException | ArithmeticException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD), an ISO-8601 instant or epoch seconds"));
            return null;
        }
    }

    private static int parseYear(String raw) {
        if (!YEAR.matcher(raw.trim()).matches()) {
            throw TonearmException.invalid("year", "must be a year YYYY");
        }
        int year = Integer.parseInt(raw.trim());
        if (year < 1) {
            throw TonearmException.invalid("year", "must be a year YYYY");
        }
        return year;
    }

    private static YearMonth parseMonth(String raw) {
        try {
            if (MONTH.matcher(raw.trim()).matches()) {
                return YearMonth.parse(raw.trim());
            }
        } catch (DateTimeParseException e) {
            // falls through to the error
        }
        throw TonearmException.invalid("month", "must be a month YYYY-MM");
    }

    /** The first instant of a local day ({@code atStartOfDay} handles days that begin after a DST gap). */
    public static Instant midnight(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    public static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
