package org.tonearm.imports.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.imports.internal.jobs.ImportJobService;
import org.tonearm.imports.internal.jobs.ImportJobView;
import org.tonearm.imports.internal.persistence.ImportErrorRow;
import org.tonearm.shared.TonearmException;

/** Import jobs (docs/api.md#imports-and-exports): upload, status, list, cancel, error report. A user sees only their own jobs. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportJobService jobs;

    ImportController(ImportJobService jobs) {
        this.jobs = jobs;
    }

    /**
     * Any content type is let in (no {@code consumes}): a request without a multipart body gets 400 naming the part
     * {@code file}, which says what to do, instead of Spring's 415 for a mismatched Content-Type.
     */
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "uploadImport", summary = "Upload a listening history file to import (multipart part `file`)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schema = @Schema(implementation = Upload.class)))
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobView upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "format", required = false) String format) throws IOException {
        AuthenticatedUser user = CurrentUser.get();
        if (file == null || file.isEmpty()) {
            throw TonearmException.invalid("file", "is required: send the history file as a non-empty multipart/form-data"
                    + " part named 'file' (curl -F file=@history.json), optionally with a part 'format'");
        }
        if (file.getSize() > jobs.maxUploadBytes()) {
            throw TonearmException.tooLarge("file", "larger than " + jobs.maxUploadBytes() + " bytes");
        }
        if (format != null && !format.isBlank()) {
            jobs.requireFormat(format); // 400 before the upload is copied
        }
        Path stored = jobs.newUploadFile();
        file.transferTo(stored.toFile()); // a rename of the container's temporary file when on the same disk
        // an account export's profile settings are applied for a login session only, never for an API token
        return jobs.submit(user.id(), stored, file.getOriginalFilename(), format, !user.viaApiToken());
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "listImports", summary = "Your import jobs")
    @ApiResponse(responseCode = "200", description = "Your import jobs, newest first", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Jobs.class)))
    @GetMapping
    Map<String, List<ImportJobView>> list() {
        return Map.of("imports", jobs.list(CurrentUser.get().id()));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "getImport", summary = "One import job and its progress")
    @GetMapping("/{id}")
    ImportJobView get(@PathVariable long id) {
        return jobs.view(CurrentUser.get().id(), id);
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "cancelImport", summary = "Cancel an import job")
    @DeleteMapping("/{id}")
    ImportJobView cancel(@PathVariable long id) {
        return jobs.cancel(CurrentUser.get().id(), id);
    }

    /** The first kept error lines, in file order, and how many rows failed in all. */
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "listImportErrors", summary = "The rows of an import that could not be imported, with reasons")
    @ApiResponse(responseCode = "200", description = "The failed rows", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Errors.class)))
    @GetMapping("/{id}/errors")
    Map<String, Object> errors(@PathVariable long id) {
        long userId = CurrentUser.get().id();
        ImportJobView job = jobs.view(userId, id);
        List<ImportErrorRow> rows = jobs.errors(userId, id);
        return Map.of("failed", job.failed(), "skipped_files", job.skippedFiles(), "errors", rows.stream()
                .map(e -> ErrorLine.of(e)).toList());
    }

    /** The multipart upload (docs/formats.md): the file, and optionally a format id instead of detection. */
    @Schema(name = "ImportUpload", requiredProperties = "file")
    record Upload(@Schema(type = "string", format = "binary") String file,
            @Schema(description = "An import format id (docs/formats.md); detected when absent") String format) {}

    /** {@code GET /api/v1/imports} (documentation of the map it answers). */
    @Schema(name = "ImportJobs", requiredProperties = "imports")
    record Jobs(List<ImportJobView> imports) {}

    /** {@code GET /api/v1/imports/{id}/errors} (documentation of the map it answers). */
    @Schema(name = "ImportErrors", requiredProperties = {"failed", "skipped_files", "errors"})
    record Errors(long failed, int skippedFiles, List<ErrorLine> errors) {}

    @Schema(name = "ImportErrorLine")
    record ErrorLine(long rowNumber, String entry, String reason, String raw) {
        static ErrorLine of(ImportErrorRow e) {
            return new ErrorLine(e.rowNumber(), e.entryName(), e.reason(), e.raw());
        }
    }
}
