package org.tonearm.imports.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.imports.internal.export.ListenExporter;
import org.tonearm.shared.TonearmException;

/** {@code GET /api/v1/exports/listens?format=listenbrainz|csv&from&to}: streamed, never built in memory. */
@RestController
class ExportController {

    private final ListenExporter exporter;

    ExportController(ListenExporter exporter) {
        this.exporter = exporter;
    }

    /**
     * Written straight to the response on the request thread (a virtual thread): a StreamingResponseBody would run
     * on an async dispatch, which the token filter does not authenticate again.
     */
    @GetMapping("/api/v1/exports/listens")
    void listens(@RequestParam(name = "format", defaultValue = "listenbrainz") String format,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
            HttpServletResponse response) throws IOException {
        long userId = CurrentUser.require(Scopes.LISTENS_READ).id();
        long fromMs = instant("from", from, Long.MIN_VALUE);
        long toMs = instant("to", to, Long.MAX_VALUE);
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tonearm-listens.csv\"");
                exporter.csv(userId, fromMs, toMs, response.getOutputStream());
            }
            case "listenbrainz" -> {
                response.setContentType("application/zip");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"listenbrainz-listens.zip\"");
                exporter.listenBrainz(userId, fromMs, toMs, response.getOutputStream());
            }
            default -> throw TonearmException.invalid("format", "must be listenbrainz or csv");
        }
    }

    /** ISO-8601 instant or integer epoch seconds (SPEC §8 inputs). */
    private static long instant(String field, String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return value.matches("-?\\d+") ? Long.parseLong(value) * 1000 : Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw TonearmException.invalid(field, "must be an ISO-8601 instant or epoch seconds");
        }
    }
}
