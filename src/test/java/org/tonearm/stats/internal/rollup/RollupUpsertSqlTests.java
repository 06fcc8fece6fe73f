package org.tonearm.stats.internal.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL form of the rollup upserts: jOOQ's single row read from one array per column. */
class RollupUpsertSqlTests {

    @Test
    void theSingleRowsValuesBecomeOneArrayPerColumnCastsIncluded() {
        String single = "insert into \"stats_day\" (\"user_id\", \"local_day\", \"weighted_plays\") values (?, ?, "
                + "cast(? as double precision)) on conflict (\"user_id\", \"local_day\") do update set "
                + "\"weighted_plays\" = (\"stats_day\".\"weighted_plays\" + excluded.\"weighted_plays\")";
        assertThat(RollupRepository.unnesting(single, List.of("int8", "int4", "float8"))).isEqualTo(
                "insert into \"stats_day\" (\"user_id\", \"local_day\", \"weighted_plays\") select * from "
                        + "unnest(?::int8[], ?::int4[], ?::float8[]) on conflict (\"user_id\", \"local_day\") do update set "
                        + "\"weighted_plays\" = (\"stats_day\".\"weighted_plays\" + excluded.\"weighted_plays\")");
    }

    @Test
    void anythingButOneRowOfAsManyPlaceholdersAsTypesIsRefused() {
        String single = "insert into \"t\" (\"a\", \"b\") values (?, ?) on conflict (\"a\") do update set \"b\" = 1";
        assertThatThrownBy(() -> RollupRepository.unnesting(single, List.of("int8"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RollupRepository.unnesting(single, List.of("int8", "int8", "int8")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RollupRepository.unnesting("insert into \"t\" (\"a\") values (?), (?)", List.of("int8")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RollupRepository.unnesting("update \"t\" set \"a\" = ?", List.of("int8")))
                .isInstanceOf(IllegalStateException.class);
    }
}
