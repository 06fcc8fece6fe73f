package org.tonearm.imports.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tonearm.listens.ArchivedListen;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ListenBrainz-style export: a zip of {@code listens/<year>/<month>.jsonl}, one listen per line with
 * {@code listened_at} (epoch seconds, start) and {@code track_metadata} as ListenBrainz writes it. Listens arrive
 * oldest first, so each month's file is written in one go.
 */
final class ListenBrainzZipWriter implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZipOutputStream zip;
    private String entry;

    ListenBrainzZipWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    void write(ArchivedListen l) {
        ZonedDateTime at = Instant.ofEpochMilli(l.listenedAt()).atZone(ZoneOffset.UTC);
        String name = "listens/" + at.getYear() + "/" + at.getMonthValue() + ".jsonl";
        try {
            if (!name.equals(entry)) {
                if (entry != null) {
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(name));
                entry = name;
            }
            zip.write(JSON.writeValueAsString(line(l)).getBytes(StandardCharsets.UTF_8));
            zip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> line(ArchivedListen l) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (l.trackLengthMs() != null) {
            info.put("duration_ms", l.trackLengthMs());
        }
        if (l.durationPlayedMs() != null) {
            info.put("duration_played_ms", l.durationPlayedMs());
        }
        info.put("music_service_name", l.service().wire());
        if (l.client() != null) {
            info.put("submission_client", l.client());
        }
        if (l.externalId() != null) {
            info.put("tonearm_external_id", l.externalId());
        }
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("artist_name", l.track().primary().name());
        track.put("track_name", l.track().title());
        track.put("release_name", l.album() == null ? null : l.album().title());
        track.put("additional_info", info);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("listened_at", l.listenedAt() / 1000);
        line.put("track_metadata", track);
        return line;
    }

    @Override
    public void close() throws IOException {
        if (entry != null) {
            zip.closeEntry();
        }
        zip.finish();
    }
}
