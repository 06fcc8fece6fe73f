package org.tonearm.listens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonearm.schema.Tables.LISTENS;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.testsupport.IntegrationTestBase;
import org.tonearm.testsupport.TestUsers;

/** The funnel's sanity gate refuses insane listens one by one and stores the rest of the batch (issue #10). */
class ListenSanityIntegrationTests extends IntegrationTestBase {

    private static final long MIN = Instant.parse("2002-10-01T00:00:00Z").toEpochMilli();

    @Autowired
    ListenService listens;

    private static IncomingListen play(long user, String title, long at, Long played) {
        return IncomingListen.of(user, new TrackCredit("Gate Artist", List.of(), title, null, null, Identifiers.NONE),
                at, played, Service.OTHER, Channel.SYNC);
    }

    @Test
    void aBatchStoresItsSaneListensAndAnswersRefusedForTheOthersIndexAligned() {
        long user = TestUsers.create(database, "UTC");
        List<IngestResult> results = listens.ingestBatch(List.of(
                play(user, "Gate first day", MIN, 1L),
                play(user, "Gate too early", MIN - 1, null),
                play(user, "Gate\0nul", MIN + 60_000, null),
                play(user, "Gate zero", MIN + 120_000, 0L),
                play(user, "Gate future", System.currentTimeMillis() + 3_600_000 + 60_000, null)));

        assertThat(results).extracting(IngestResult::status).containsExactly(IngestStatus.CREATED,
                IngestStatus.REFUSED, IngestStatus.REFUSED, IngestStatus.REFUSED, IngestStatus.REFUSED);
        assertThat(results.subList(1, 5)).extracting(r -> r.refusal().rule()).containsExactly(
                ListenRefusal.Rule.LISTENED_AT_TOO_OLD, ListenRefusal.Rule.NUL_CHARACTER,
                ListenRefusal.Rule.DURATION_NOT_POSITIVE, ListenRefusal.Rule.LISTENED_AT_TOO_NEW);
        assertThat(database.dsl().fetch(LISTENS, LISTENS.USER_ID.eq(user))).extracting(r -> r.getListenedAt())
                .containsExactly(MIN);
    }

    @Test
    void aBatchOfOnlyInsaneListensStoresNothing() {
        long user = TestUsers.create(database, "UTC");
        List<IngestResult> results = listens.ingestBatch(List.of(play(user, "Gate long", MIN, 24L * 24 * 3600 * 1000 + 1)));

        assertThat(results).extracting(IngestResult::status).containsExactly(IngestStatus.REFUSED);
        assertThat(database.dsl().fetchCount(LISTENS, LISTENS.USER_ID.eq(user))).isZero();
    }
}
