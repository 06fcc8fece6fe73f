package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tonearm.imports.ImportContext;
import org.tonearm.imports.ImportFileException;
import org.tonearm.imports.RestoredListen;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;

/**
 * The account export's files (docs/formats.md). Applying settings needs the identity module and a database, so
 * it is covered by AccountExportRoundTripIntegrationTests; here: detection, the listen lines, and the checks that
 * need no account (version, format marker, an API token's import).
 */
class TonearmAccountFormatTests {

    private static final String DIR = "tonearm_account/";
    private final TonearmAccountFormat format = new TonearmAccountFormat(ImportRowRules.systemClock(), null);

    @Test
    void detectsTheThreeFilesOfAnAccountExportAndNothingElse() {
        assertThat(Fixtures.detects(format, "tonearm-account.json", DIR + "tonearm-account.json")).isTrue();
        assertThat(Fixtures.detects(format, "corrections.json", DIR + "corrections.json")).isTrue();
        assertThat(Fixtures.detects(format, "listens.jsonl", DIR + "listens.jsonl")).isTrue();
        assertThat(Fixtures.detects(format, "moved/my-listens.jsonl", DIR + "listens.jsonl")).isTrue();
        assertThat(format.detect("listens.jsonl", new byte[0])).as("an account without listens").isTrue();

        assertThat(format.detect("other.jsonl", new byte[0])).isFalse();
        assertThat(Fixtures.detects(format, "listens/2023/1.jsonl", "listenbrainz/listens/2023/1.jsonl")).isFalse();
        assertThat(Fixtures.detects(format, "tonearm-listens.json", "tonearm/tonearm-listens.json")).isFalse();
        assertThat(Fixtures.detects(format, "tonearm-account.json", "tonearm/tonearm-listens.json")).isFalse();
        assertThat(format.detect("corrections.json", utf8("{\"corrections\":[]}"))).isFalse();
    }

    @Test
    void readsEachLineAsTheStoredListenWithTheReportsItAbsorbedEachWithItsOwnChannel() throws Exception {
        CollectingSink sink = Fixtures.parse(format, DIR + "listens.jsonl");

        assertThat(sink.counts()).isEqualTo("2/0/3");
        RestoredListen airbag = sink.restored.get(0);
        IncomingListen kept = airbag.primary();
        assertThat(kept.listenedAtMs()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z").toEpochMilli());
        assertThat(kept.channel()).isEqualTo(Channel.NATIVE_API);
        assertThat(kept.origin()).isNull();
        assertThat(kept.service()).isEqualTo(Service.SPOTIFY);
        assertThat(kept.client()).isEqualTo("Test Client/1.0");
        assertThat(kept.externalId()).isEqualTo("n-1");
        assertThat(kept.durationPlayedMs()).isEqualTo(284_000L);
        assertThat(kept.extra()).containsEntry("mood", "rainy").containsEntry("rating", 5);
        assertThat(kept.raw()).isEqualTo("{\"artist\":\"Radiohead\"}");
        assertThat(kept.credit().album()).isEqualTo("OK Computer");
        assertThat(kept.credit().lengthMs()).isEqualTo(284_000L);
        assertThat(kept.credit().ids().artistMbids()).containsExactly("a74b1b7f-71a5-4011-9441-d0b5e4122711");
        assertThat(airbag.absorbed()).singleElement().satisfies(lb -> {
            assertThat(lb.channel()).isEqualTo(Channel.LISTENBRAINZ_API);
            assertThat(lb.listenedAtMs()).isEqualTo(Instant.parse("2024-03-01T10:00:03Z").toEpochMilli());
            assertThat(lb.durationPlayedMs()).isNull();
            assertThat(lb.client()).isEqualTo("LB Client");
            assertThat(lb.extra()).isNull();
            assertThat(lb.credit()).isEqualTo(kept.credit());
        });
        IncomingListen imported = sink.restored.get(1).primary();
        assertThat(imported.channel()).isEqualTo(Channel.IMPORT);
        assertThat(imported.origin()).isEqualTo("spotify_extended");
        assertThat(imported.credit().artists()).containsExactly("Calvin Harris", "Rihanna");
        assertThat(sink.restored.get(1).absorbed()).isEmpty();
        assertThat(sink.failures).extracting(CollectingSink.Failure::rowNumber).containsExactly(3L, 4L, 5L);
        assertThat(sink.failureReasons()).satisfiesExactly(
                r -> assertThat(r).startsWith("not valid JSON"),
                r -> assertThat(r).startsWith("channel is not one of").endsWith("carrier_pigeon"),
                r -> assertThat(r).isEqualTo("artist is missing"));
    }

    @Test
    void anImportStartedWithAnApiTokenReportsThatTheSettingsWereNotApplied() throws Exception {
        CollectingSink sink = new CollectingSink();
        format.parse(new ByteArrayInputStream(Fixtures.bytes(DIR + "tonearm-account.json")),
                new ImportContext(Fixtures.USER_ID, "tonearm-account.json", false), sink);

        assertThat(sink.failures).singleElement().satisfies(f -> {
            assertThat(f.rowNumber()).isEqualTo(1);
            assertThat(f.reason()).contains("API token");
        });
    }

    @Test
    void refusesAnExportOfANewerVersionOrOfAnotherFormat() {
        assertThatThrownBy(() -> Fixtures.parseBytes(format, "tonearm-account.json",
                utf8("{\"format\":\"tonearm-account\",\"version\":2}")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> Fixtures.parseBytes(format, "corrections.json", utf8("{\"format\":\"other\",\"version\":1}")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("tonearm-corrections");
        assertThatThrownBy(() -> Fixtures.parseBytes(format, "tonearm-account.json", utf8("{not json")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void correctionsNeedNothingAppliedButCatalogOverridesAreReportedAsNotSupported() throws Exception {
        assertThat(Fixtures.parse(format, DIR + "corrections.json").total()).isZero();

        CollectingSink sink = Fixtures.parseBytes(format, "corrections.json", utf8("{\"format\":\"tonearm-corrections\","
                + "\"version\":1,\"catalog_overrides\":[{\"rename\":\"x\"}]}"));

        assertThat(sink.failureReasons()).singleElement().asString().contains("catalog overrides are not supported");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
