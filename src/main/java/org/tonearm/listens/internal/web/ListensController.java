package org.tonearm.listens.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.listens.internal.edit.ListenEditor;
import org.tonearm.listens.internal.persistence.ListenFilter;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.listens.internal.web.ListenResponses.Deleted;
import org.tonearm.listens.internal.web.ListenResponses.Page;
import org.tonearm.shared.TonearmException;

/** The listens collection of the native API (docs/api.md#listens, #listen-shapes): submit, list, delete a time range. */
@RestController
@RequestMapping("/api/v1/listens")
class ListensController {

    private final BoundedJsonBody body;
    private final ListenSubmissions submissions;
    private final ListenQueryRepository rows;
    private final ListenViews views;
    private final ListenEditor editor;

    ListensController(BoundedJsonBody body, ListenSubmissions submissions, ListenQueryRepository rows,
            ListenViews views, ListenEditor editor) {
        this.body = body;
        this.submissions = submissions;
        this.rows = rows;
        this.views = views;
        this.editor = editor;
    }

    /** The body is read by hand (size-limited, as a tree) so that errors can name their field. */
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "submitListens", summary = "Submit one listen, or a batch of up to 1,000")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(
            oneOf = {ListenRequests.ListenIn.class, ListenRequests.ListenBatchIn.class})))
    @ApiResponse(responseCode = "201", description = "One listen, stored", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ListenResponses.Submitted.class)))
    @ApiResponse(responseCode = "200", description = "One listen merged into an existing one or a duplicate of one; "
            + "or a batch whose every item was accepted", content = @Content(mediaType = "application/json",
            schema = @Schema(oneOf = {ListenResponses.Submitted.class, ListenResponses.BatchSubmitted.class})))
    @ApiResponse(responseCode = "207", description = "A batch of which some items failed (the others are stored)",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ListenResponses.BatchSubmitted.class)))
    @ApiResponse(responseCode = "400", description = "One invalid listen (problem+json naming the field), or a batch "
            + "whose every item failed", content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ListenResponses.BatchSubmitted.class)),
                @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"))})
    @PostMapping
    ResponseEntity<?> submit(HttpServletRequest request) {
        AuthenticatedUser user = CurrentUser.get();
        return submissions.submit(user.id(), body.read(request));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "listListens", summary = "Your listens, newest first, filtered and paged by cursor")
    @GetMapping
    Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String artist, @RequestParam(required = false) String album,
            @RequestParam(required = false) String track, @RequestParam(required = false) String service,
            @RequestParam(required = false) String q) {
        AuthenticatedUser user = CurrentUser.get();
        ListenFilter filter = ListenListParams.toFilter(user.id(),
                new ListenListParams.Raw(limit, cursor, from, to, artist, album, track, service, q));
        List<ListenRow> page = rows.page(filter);
        boolean more = page.size() > filter.limit();
        List<ListenRow> shown = more ? page.subList(0, filter.limit()) : page;
        return new Page(views.toJson(shown), more ? ListenCursor.encode(shown.get(shown.size() - 1)) : null);
    }

    /** Both bounds are required so that a forgotten parameter cannot wipe a whole history. */
    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "deleteListensInRange", summary = "Delete your listens of a time range")
    @DeleteMapping
    Deleted deleteRange(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AuthenticatedUser user = CurrentUser.get();
        Long fromMs = required("from", ListenListParams.instant("from", from));
        Long toMs = required("to", ListenListParams.instant("to", to));
        if (fromMs >= toMs) {
            throw TonearmException.invalid("to", "must be after from");
        }
        return new Deleted(editor.deleteRange(user.id(), fromMs, toMs));
    }

    private static Long required(String name, Long value) {
        if (value == null) {
            throw TonearmException.invalid(name, "is required");
        }
        return value;
    }
}
