package org.tonearm.imports.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.imports.internal.export.AccountExporter;
import org.tonearm.imports.internal.export.ListenExporter;
import org.tonearm.shared.TonearmException;

/**
 * Exports (docs/api.md#imports-and-exports), streamed, never built in memory. Each exports the caller's own data only: there is no user in
 * the path, so nobody can ask for another's. Written straight to the response on the request thread (a virtual
 * thread): a StreamingResponseBody would run on an async dispatch, which the token filter does not authenticate again.
 */
@RestController
class ExportController {

    private final ListenExporter listens;
    private final AccountExporter accounts;

    ExportController(ListenExporter listens, AccountExporter accounts) {
        this.listens = listens;
        this.accounts = accounts;
    }

    @Operation(operationId = "exportListens", summary = "Export the caller's listens",
            description = "ListenBrainz-compatible JSONL in a zip (format=listenbrainz, default) or Tonearm CSV "
                    + "(format=tonearm_csv; csv is accepted too), oldest first, optionally limited to from <= listened_at < to (ISO-8601 or epoch "
                    + "seconds). Needs a login session or an API token with listens:read. Read back by the importer.",
            responses = @ApiResponse(responseCode = "200", description = "The export, as an attachment",
                    content = {@Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))}))
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @GetMapping("/api/v1/exports/listens")
    void listens(@RequestParam(name = "format", defaultValue = "listenbrainz") String format,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
            HttpServletResponse response) throws IOException {
        long userId = CurrentUser.get().id();
        Long fromMs = instant("from", from);
        Long toMs = instant("to", to);
        // the values are the import format ids (docs/formats.md, "Exports"): what an export writes, the importer reads
        switch (format) {
            case "tonearm_csv", "csv" -> { // "csv": the name before the ids were used, kept for existing clients
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tonearm-listens.csv\"");
                listens.csv(userId, fromMs, toMs, response.getOutputStream());
            }
            case "listenbrainz" -> {
                response.setContentType("application/zip");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"listenbrainz-listens.zip\"");
                listens.listenBrainz(userId, fromMs, toMs, response.getOutputStream());
            }
            default -> throw TonearmException.invalid("format", "must be listenbrainz or tonearm_csv");
        }
    }

    /**
     * The whole account, for moving to another instance or leaving (docs/formats.md). Same credentials as the
     * listens export (a login session, or an API token with listens:read): it holds nothing such a token cannot
     * already read through {@code GET /api/v1/me} and {@code GET /api/v1/listens}, and no secret at all.
     */
    @Operation(operationId = "exportAccount", summary = "Export the caller's whole account",
            description = "A zip of tonearm-account.json (profile and settings, no secrets), listens.jsonl (every "
                    + "listen with its sources, oldest first) and corrections.json; POST it to /api/v1/imports on "
                    + "another instance to recreate the account. Needs a login session or an API token with "
                    + "listens:read.",
            responses = @ApiResponse(responseCode = "200", description = "The account export, as an attachment",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @GetMapping("/api/v1/exports/account")
    void account(HttpServletResponse response) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"tonearm-account-" + user.username() + ".zip\"");
        accounts.export(user.id(), response.getOutputStream());
    }

    /** ISO-8601 instant or integer epoch seconds (docs/api.md#conventions inputs); null when absent. */
    private static Long instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.matches("-?\\d+") ? Long.parseLong(value) * 1000 : Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw TonearmException.invalid(field, "must be an ISO-8601 instant or epoch seconds");
        }
    }
}
