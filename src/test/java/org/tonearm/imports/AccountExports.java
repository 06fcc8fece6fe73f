package org.tonearm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.tonearm.testsupport.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Downloads, zips and stored rows for the account export tests: what a user (or an operator) can see. */
final class AccountExports {

    private AccountExports() {}

    /** GET {@code path} with {@code authorization} (may be null): status and body bytes. */
    static HttpResponse<byte[]> get(int port, String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The zip's entries in their order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every listen of the user through the native API, oldest first, without ids (those differ per instance). */
    static List<JsonNode> listensWithoutIds(Api api) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/listens?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode l : page.path("listens")) {
                ObjectNode copy = (ObjectNode) l.deepCopy();
                copy.remove("id");
                ObjectNode track = (ObjectNode) copy.path("track");
                track.remove("id");
                for (JsonNode artist : (ArrayNode) track.path("artists")) {
                    ((ObjectNode) artist).remove("id");
                }
                if (copy.path("album").isObject()) {
                    ((ObjectNode) copy.path("album")).remove("id");
                }
                all.add(0, copy);
            }
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null);
        return all;
    }

    /**
     * What the API does not show but an identical account must have too: each stored listen's local day and hour,
     * origin, raw submission, catalog identifiers, and every absorbed source report — one text line per row.
     */
    static List<String> storedRows(Connection c, long userId) throws SQLException {
        List<String> rows = new ArrayList<>();
        query(c, "select l.listened_at, l.duration_played_ms, l.track_length_ms, l.classification, l.weight, l.service,"
                + " l.channel, l.origin, l.client, l.external_id, l.local_day, l.local_hour, l.merge_count, l.extra,"
                + " l.raw, t.title, t.mbid, t.isrc, t.spotify_id, t.length_ms, a.title, a.mbid, ar.name, ar.mbid"
                + " from listens l join tracks t on t.id = l.track_id join artists ar on ar.id = t.artist_id"
                + " left join albums a on a.id = l.album_id where l.user_id = ? order by l.listened_at, l.id", userId,
                rows, "listen");
        query(c, "select l.listened_at, s.listened_at, s.duration_played_ms, s.service, s.channel, s.origin, s.client,"
                + " s.external_id, s.raw from listen_sources s join listens l on l.id = s.listen_id"
                + " where s.user_id = ? order by l.listened_at, s.listened_at, s.channel", userId, rows, "source");
        return rows;
    }

    private static void query(Connection c, String sql, long userId, List<String> into, String kind)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder(kind);
                    for (int i = 1; i <= columns; i++) {
                        line.append(" | ").append(rs.getString(i));
                    }
                    into.add(line.toString());
                }
            }
        }
    }
}
