package org.tonearm.listens.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tonearm.listens.internal.edit.ListenCorrection;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.json.JsonMapper;

class ListenCorrectionValidatorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ListenCorrection validate(String json) {
        return ListenCorrectionValidator.validate(JSON.readTree(json));
    }

    private static void assertRejects(String json, String field) {
        assertThatThrownBy(() -> validate(json)).as(json)
                .isInstanceOfSatisfying(TonearmException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).contains(field));
    }

    @Test
    void keepsUnnamedFieldsUnchanged() {
        ListenCorrection c = validate("{\"track\":\"Fixed Title\"}");
        assertThat(c.track()).isEqualTo("Fixed Title");
        assertThat(c.artist()).isNull();
        assertThat(c.artists()).isNull();
        assertThat(c.albumGiven()).isFalse();
        assertThat(c.trackLengthGiven()).isFalse();
        assertThat(c.changesCatalog()).isTrue();
    }

    @Test
    void clearsTheAlbumWithNull() {
        ListenCorrection c = validate("{\"album\":null}");
        assertThat(c.albumGiven()).isTrue();
        assertThat(c.album()).isNull();
    }

    @Test
    void changingOnlyTheLengthLeavesTheCatalogAlone() {
        ListenCorrection c = validate("{\"track_length_ms\":240000}");
        assertThat(c.changesCatalog()).isFalse();
        assertThat(c.trackLengthMs()).isEqualTo(240000L);
    }

    @Test
    void refusesFieldsThatAreFactsOfThePlay() {
        assertRejects("{\"listened_at\":1714564800}", "listened_at");
        assertRejects("{\"service\":\"spotify\"}", "service");
    }

    @Test
    void refusesAnEmptyCorrection() {
        assertRejects("{}", "body");
        assertRejects("[]", "body");
    }

    @Test
    void appliesTheSubmissionLimits() {
        assertRejects("{\"artist\":\"\"}", "artist");
        assertRejects("{\"track\":null}", "track");
        assertRejects("{\"album\":\"" + "a".repeat(513) + "\"}", "album");
        assertRejects("{\"artists\":[]}", "artists");
        assertRejects("{\"artists\":[\"ok\",\"\\u0000\"]}", "artists[1]");
        assertRejects("{\"track_length_ms\":-1}", "track_length_ms");
    }
}
