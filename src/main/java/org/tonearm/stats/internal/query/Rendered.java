package org.tonearm.stats.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;

/**
 * A view statement's SQL rendered by jOOQ once per shape, then only bound, as the rollup upserts are
 * ({@code RollupRepository}): rendering a view's union of rollup and raw rows on every call was a share of each call's
 * time, spent while it held a pooled connection (docs/performance.md "Statistics: one call per view").
 *
 * <p>A shape is everything that changes the SQL (e.g. a slice's {@link Slice#shape()}, the entity kind, the order);
 * {@code values} are what changes only the bound values (ids, local days, instants, limit, offset: {@code Long} or
 * {@code Integer}). The first call of a shape builds the statement from a distinct stand-in value per entry of
 * {@code values} (negative and far below any real one, in the same order as the real ones, so a slice stays the same
 * shape), renders it, and finds each stand-in among the bind values; every other bind value is a constant of the
 * shape (a stand-in jOOQ bound as another number type is bound as that type). A value the statement does not use
 * (e.g. the days of an all-time slice read from the all-time rollup) is simply not bound. A shape whose SQL holds a
 * stand-in (jOOQ inlined it, e.g. past a dialect's bind limit) is not cached: it is built and rendered on every call.
 */
final class Rendered {

    private static final long LONG_BASE = -8_100_000_000_000L;
    private static final int INT_BASE = -810_000_000;
    /**
     * By dialect and shape, for every application context of the JVM: the SQL names no schema (jOOQ's
     * {@code renderSchema} is off, DataSourceConfiguration), so one dialect's SQL serves each of them.
     */
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Rendered() {}

    /**
     * The rendered SQL and where each bind value comes from: {@code slots[i]} an index into the values (bound as the
     * class {@code constants[i]}), or -1 for the constant {@code constants[i]}.
     */
    private record Template(String sql, int[] slots, Object[] constants, Field<?>[] fields) {}

    /** An uncacheable shape. */
    private static final Template NONE = new Template(null, null, null, null);

    @SuppressWarnings("unchecked")
    static Result<Record> fetch(DSLContext dsl, String shape, List<Object> values,
            Function<List<Object>, ResultQuery<? extends Record>> build) {
        Template t = TEMPLATES.computeIfAbsent(dsl.dialect() + " " + shape, k -> template(values, build));
        if (t.sql() == null) {
            return (Result<Record>) (Result<?>) build.apply(values).fetch();
        }
        Object[] binds = new Object[t.slots().length];
        for (int i = 0; i < binds.length; i++) {
            binds[i] = t.slots()[i] < 0 ? t.constants()[i] : as((Class<?>) t.constants()[i], values.get(t.slots()[i]));
        }
        return dsl.resultQuery(t.sql(), binds).coerce(t.fields()).fetch();
    }

    private static Object as(Class<?> type, Object value) {
        Number n = (Number) value;
        return type == Long.class ? (Object) n.longValue() : type == Integer.class ? (Object) n.intValue() : value;
    }

    private static Template template(List<Object> values, Function<List<Object>, ResultQuery<? extends Record>> build) {
        List<Object> standIns = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Integer) {
                standIns.add(INT_BASE + i);
            } else if (v instanceof Long) {
                standIns.add(LONG_BASE + i);
            } else {
                throw new IllegalArgumentException("values are Long or Integer: " + v);
            }
        }
        ResultQuery<? extends Record> query = build.apply(standIns);
        String sql = query.getSQL(ParamType.INDEXED);
        for (Object standIn : standIns) {
            if (sql.contains(Long.toString(Math.abs(((Number) standIn).longValue())))) {
                return NONE; // inlined into the SQL
            }
        }
        List<Object> bound = query.getBindValues();
        int[] slots = new int[bound.size()];
        Object[] constants = new Object[bound.size()];
        for (int b = 0; b < slots.length; b++) {
            Object v = bound.get(b);
            slots[b] = -1;
            if (v instanceof Integer || v instanceof Long) {
                long x = ((Number) v).longValue();
                for (int i = 0; i < standIns.size(); i++) {
                    if (((Number) standIns.get(i)).longValue() == x) {
                        slots[b] = i;
                    }
                }
            }
            // bound as jOOQ bound it: a stand-in may have become a Long where it was an Integer (e.g. a limit)
            constants[b] = slots[b] < 0 ? v : v.getClass();
        }
        return new Template(sql, slots, constants, query.fields());
    }
}
