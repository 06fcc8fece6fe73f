package org.tonearm.compat.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonearm.testsupport.Api;
import org.tonearm.testsupport.IntegrationTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every ListenBrainz response shape, with data and empty, against golden files in
 * src/test/resources/golden/listenbrainz/. Volatile values (the random user name, msids, inserted_at) are
 * normalized; listen times are fixed. {@code -Dgolden.update=true} rewrites the files (review the diff!).
 */
class ListenBrainzGoldenIntegrationTests extends IntegrationTestBase {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/listenbrainz");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private void assertGolden(String name, Api.Response response, int status, ListenBrainzClient user) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String actual = PRETTY.writeValueAsString(normalize(response.json(), user)) + "\n";
        Path file = GOLDEN.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalize(JsonNode node, ListenBrainzClient user) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                switch (e.getKey()) {
                    case "recording_msid" -> o.put(e.getKey(), "<recording_msid>");
                    case "inserted_at" -> o.put(e.getKey(), 0);
                    default -> o.set(e.getKey(), normalize(e.getValue(), user));
                }
            }
            return o;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((tools.jackson.databind.node.ArrayNode) node).set(i, normalize(node.get(i), user));
            }
            return node;
        }
        if (node.isString() && user != null && node.stringValue().contains(user.name())) {
            return PRETTY.getNodeFactory().stringNode(node.stringValue().replace(user.name(), "<user>"));
        }
        return node;
    }

    private String user(ListenBrainzClient c, String endpoint) {
        return ListenBrainzClient.BASE + "/user/" + c.name() + "/" + endpoint;
    }

    @Test
    void submitAndDeleteAnswerStatusOk() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        assertGolden("submit_listens_ok", c.submitFixture("valid_import.json"), 200, c);
        assertGolden("delete_listen_ok", c.lb().post(ListenBrainzClient.BASE + "/delete-listen",
                "{\"listened_at\": 1714564800, \"recording_msid\": \"d23f4719-9212-49f0-ad08-ddbfbfc50d6f\"}"), 200, c);
    }

    @Test
    void validateTokenShapes() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        assertGolden("validate_token_valid", c.lb().get(ListenBrainzClient.BASE + "/validate-token"), 200, c);
        assertGolden("validate_token_invalid", api().get(ListenBrainzClient.BASE + "/validate-token?token=x"), 200, c);
    }

    @Test
    void readShapesWithData() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        c.submitFixture("valid_import.json");
        c.submitFixture("valid_single.json");
        c.submitFixture("valid_playing_now.json");
        assertGolden("listens_with_data", c.lb().get(user(c, "listens")), 200, c);
        assertGolden("listen_count_with_data", c.lb().get(user(c, "listen-count")), 200, c);
        assertGolden("playing_now_with_data", c.lb().get(user(c, "playing-now")), 200, c);
    }

    @Test
    void readShapesEmpty() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        assertGolden("listens_empty", c.lb().get(user(c, "listens")), 200, c);
        assertGolden("listen_count_empty", c.lb().get(user(c, "listen-count")), 200, c);
        assertGolden("playing_now_empty", c.lb().get(user(c, "playing-now")), 200, c);
    }

    @Test
    void errorShapes() {
        ListenBrainzClient c = ListenBrainzClient.create(api());
        assertGolden("error_400_document", c.submitFixture("invalid_payload_empty.json"), 400, c);
        assertGolden("error_400_listen", c.submitFixture("invalid_listened_at_too_low.json"), 400, c);
        assertGolden("error_400_parameter", c.lb().get(user(c, "listens") + "?count=many"), 400, c);
        assertGolden("error_401", api().post(ListenBrainzClient.BASE + "/submit-listens", "{}"), 401, c);
        assertGolden("error_404_user", api().get(user(c, "listens")), 404, c);
        assertGolden("error_404_route", api().get(ListenBrainzClient.BASE + "/nothing-here"), 404, c);
        assertGolden("error_405", api().get(ListenBrainzClient.BASE + "/delete-listen"), 405, c);
    }
}
