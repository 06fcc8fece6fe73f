package org.tonearm.imports.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The one-pass row reader gives exactly what reading each row as a tree and printing that tree gave (the tree
 * for the mapping, the compact text kept as {@code raw}), for any JSON an export may hold: flat rows (the fast
 * path) and rows with nested values, fractional or huge numbers, repeated names, escapes and any Unicode.
 */
class FlatJsonRowsProperties {

    private static final String[] NAMES = {"ts", "ms_played", "master_metadata_track_name", "skipped", "a", "", "é",
            "\"q\"", "back\\slash", "line\nbreak", "🎧"};

    @Property(tries = 1_000)
    void everyRowIsReadAsItsTreeAndItsCompactText(@ForAll long seed) {
        String json = randomArray(new Random(seed));

        // rows up to a token the parser refuses (e.g. half a surrogate pair escaped), then the same refusal
        assertThat(readOnePass(json)).as(json).isEqualTo(readAsTrees(json));
    }

    /** The rows read, and whether reading stopped at a token Jackson refuses (the import's "file unreadable"). */
    private record Outcome(List<FlatJsonRows.Row> rows, boolean refused) {}

    @Test
    void aPrettyPrintedSpotifyPlayKeepsItsFieldsInOrderAsCompactText() {
        String json = """
                [
                  {
                    "ts": "2023-01-31T13:45:12Z",
                    "ms_played": 215000,
                    "master_metadata_track_name": "Heroes \\"2017\\" – 夜に駆ける 🎧",
                    "skipped": false,
                    "episode_name": null
                  }
                ]""";

        assertThat(readOnePass(json).rows()).containsExactly(new FlatJsonRows.Row(readAsTrees(json).rows().getFirst().node(),
                "{\"ts\":\"2023-01-31T13:45:12Z\",\"ms_played\":215000,\"master_metadata_track_name\":"
                        + "\"Heroes \\\"2017\\\" – 夜に駆ける 🎧\",\"skipped\":false,\"episode_name\":null}"));
    }

    private static Outcome readOnePass(String json) {
        List<FlatJsonRows.Row> rows = new ArrayList<>();
        try (JsonParser parser = parser(json)) {
            FlatJsonRows reader = new FlatJsonRows(parser);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                rows.add(reader.read());
            }
        } catch (JacksonException refused) {
            return new Outcome(rows, true);
        }
        return new Outcome(rows, false);
    }

    /** What the import did before: each element as a tree, its raw text the tree printed. */
    private static Outcome readAsTrees(String json) {
        List<FlatJsonRows.Row> rows = new ArrayList<>();
        try (JsonParser parser = parser(json)) {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = parser.readValueAsTree();
                rows.add(new FlatJsonRows.Row(node, node.toString()));
            }
        } catch (JacksonException refused) {
            return new Outcome(rows, true);
        }
        return new Outcome(rows, false);
    }

    private static JsonParser parser(String json) {
        JsonParser parser = JsonFiles.MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8));
        assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
        return parser;
    }

    private static String randomArray(Random random) {
        StringBuilder sb = new StringBuilder("[");
        int rows = 1 + random.nextInt(6);
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append(space(random));
            if (random.nextInt(10) < 8) {
                object(random, sb, 0);
            } else {
                value(random, sb, 1);
            }
        }
        return sb.append(space(random)).append(']').toString();
    }

    private static void object(Random random, StringBuilder sb, int depth) {
        sb.append('{');
        int properties = random.nextInt(12);
        for (int i = 0; i < properties; i++) {
            sb.append(i == 0 ? "" : ",").append(space(random));
            string(random.nextInt(4) == 0 ? randomText(random) : NAMES[random.nextInt(NAMES.length)], random, sb);
            sb.append(space(random)).append(':').append(space(random));
            value(random, sb, depth + 1);
        }
        sb.append(space(random)).append('}');
    }

    private static void value(Random random, StringBuilder sb, int depth) {
        // mostly the scalars of a flat row, sometimes what sends a row to the exact path
        switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0, 1, 2 -> string(randomText(random), random, sb);
            case 3 -> sb.append(random.nextInt());
            case 4 -> sb.append(switch (random.nextInt(6)) {
                case 0 -> Long.toString(random.nextLong());
                case 1 -> "-0";
                case 2 -> Long.toString(Integer.MAX_VALUE + 1L);
                case 3 -> Long.toString(Long.MIN_VALUE);
                case 4 -> "123456789012345678901234567890";
                default -> Integer.toString(random.nextInt(1000));
            });
            case 5 -> sb.append(random.nextBoolean());
            case 6 -> sb.append("null");
            case 7, 8 -> sb.append(switch (random.nextInt(6)) {
                case 0 -> "1.50";
                case 1 -> "-0.0";
                case 2 -> "1e3";
                case 3 -> "2.5E-7";
                case 4 -> "123456789012345678901234567890.125";
                default -> Double.toString(random.nextDouble() * 1e6);
            });
            case 9 -> object(random, sb, depth);
            default -> {
                sb.append('[');
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    sb.append(i == 0 ? "" : ",").append(space(random));
                    value(random, sb, depth + 1);
                }
                sb.append(']');
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append((char) random.nextInt(0x20)); // control characters
                case 1 -> text.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> text.appendCodePoint(0x1F3A7 + random.nextInt(40)); // beyond the BMP
                case 3 -> text.append((char) (0x80 + random.nextInt(0xD000))); // Latin-1 to CJK
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** A JSON string literal of {@code text}, characters escaped in any of the ways JSON allows. */
    private static void string(String text, Random random, StringBuilder sb) {
        sb.append('"');
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || random.nextInt(10) == 0) {
                if (c == '\n' && random.nextBoolean()) {
                    sb.append("\\n");
                } else if (c == '/' && random.nextBoolean()) {
                    sb.append("\\/");
                } else {
                    sb.append("\\u%04x".formatted(c));
                }
            } else {
                sb.append((char) c);
            }
        });
        sb.append('"');
    }

    private static String space(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "\n  ";
            case 1 -> " ";
            case 2 -> "\r\n\t";
            default -> "";
        };
    }
}
