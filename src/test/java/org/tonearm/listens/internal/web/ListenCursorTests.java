package org.tonearm.listens.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.tonearm.listens.internal.persistence.ListenFilter.Position;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.TonearmException;

class ListenCursorTests {

    private static ListenRow row(long listenedAt, long id) {
        return new ListenRow(id, 1, 2, null, listenedAt, null, null, "FULL", 1, "other", "native_api", null, null,
                null, 0);
    }

    @Test
    void decodesWhatItEncoded() {
        String cursor = ListenCursor.encode(row(1714564800123L, 987654321L));
        assertThat(ListenCursor.decode(cursor)).isEqualTo(new Position(1714564800123L, 987654321L));
    }

    @Test
    void isUrlSafeWithoutPadding() {
        String cursor = ListenCursor.encode(row(Long.MAX_VALUE / 2, Long.MAX_VALUE / 3));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void rejectsGarbageNamingTheCursorParameter() {
        for (String garbage : new String[] {"garbage!", "%%%", b64("v1:abc:1"), b64("v1:1"), b64("v2:1:1"),
                b64("v1:1:0"), b64("v1:-5:3"), "", "AAAA"}) {
            assertThatThrownBy(() -> ListenCursor.decode(garbage)).as(garbage)
                    .isInstanceOfSatisfying(TonearmException.class,
                            e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("cursor"));
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
