package org.tonearm.stats.internal.query;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.SQLDataType;
import org.tonearm.stats.Figures;

/** The docs/api.md#statistics figures as aggregate columns over a {@link Sources} table, shared by the view queries. */
public final class FiguresQuery {

    private FiguresQuery() {}

    public static Field<Long> plays() {
        return total(Sources.PLAYS);
    }

    public static Field<Long> time() {
        return total(Sources.TIME);
    }

    public static Field<Long> total(Field<Long> f) {
        return coalesce(sum(f).cast(SQLDataType.BIGINT), inline(0L));
    }

    public static SelectField<?>[] columns() {
        return new SelectField<?>[] {plays(), coalesce(sum(Sources.WEIGHTED).cast(SQLDataType.DOUBLE), inline(0.0)),
            total(Sources.SKIPS), time(), total(Sources.ESTIMATED)};
    }

    /** Reads the five {@link #columns()} starting at {@code at}. */
    public static Figures read(Record r, int at) {
        return new Figures(num(r.get(at)), dbl(r.get(at + 1)), num(r.get(at + 2)), num(r.get(at + 3)),
                num(r.get(at + 4)));
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static double dbl(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    static Figures one(DSLContext dsl, Slice slice) {
        Record r = dsl.select(columns()).from(Sources.dayTrack(dsl, slice)).fetchOne();
        return read(r, 0);
    }

}
