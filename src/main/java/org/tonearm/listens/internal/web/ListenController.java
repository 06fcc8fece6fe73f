package org.tonearm.listens.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.Access;
import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.Credential;
import org.tonearm.identity.CurrentUser;
import org.tonearm.identity.Scopes;
import org.tonearm.listens.internal.edit.ListenCorrection;
import org.tonearm.listens.internal.edit.ListenEditor;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.TonearmException;

/**
 * One listen of the native API (docs/api.md#listen-shapes): get, correct, delete. Another user's listen answers 404, the
 * same as a listen that does not exist, so ids reveal nothing (docs/api.md#accounts-and-authentication: everyone sees only their own data).
 */
@RestController
@RequestMapping("/api/v1/listens/{id}")
class ListenController {

    private final BoundedJsonBody body;
    private final ListenQueryRepository rows;
    private final ListenViews views;
    private final ListenEditor editor;

    ListenController(BoundedJsonBody body, ListenQueryRepository rows, ListenViews views, ListenEditor editor) {
        this.body = body;
        this.rows = rows;
        this.views = views;
        this.editor = editor;
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_READ)
    @Operation(operationId = "getListen", summary = "One of your listens")
    @GetMapping
    ListenJson get(@PathVariable String id) {
        AuthenticatedUser user = CurrentUser.get();
        return views.toJson(find(user.id(), id));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "correctListen", summary = "Correct a listen's artist, track, album or length")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ListenRequests.ListenPatch.class)))
    @PatchMapping
    ListenJson correct(@PathVariable String id, HttpServletRequest request) {
        AuthenticatedUser user = CurrentUser.get();
        long listenId = find(user.id(), id).id();
        ListenCorrection correction = ListenCorrectionValidator.validate(body.read(request));
        return views.toJson(editor.correct(user.id(), listenId, correction));
    }

    @Access(credential = Credential.ANY, scopes = Scopes.LISTENS_WRITE)
    @Operation(operationId = "deleteListen", summary = "Delete one of your listens")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        AuthenticatedUser user = CurrentUser.get();
        if (!editor.delete(user.id(), parseId(id))) {
            throw notFound(id);
        }
    }

    private ListenRow find(long userId, String id) {
        return rows.find(userId, parseId(id)).orElseThrow(() -> notFound(id));
    }

    /** A non-numeric id cannot name a listen: 404 like any other unknown id. */
    private static long parseId(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw notFound(id);
        }
        return Long.parseLong(id);
    }

    private static TonearmException notFound(String id) {
        return TonearmException.notFound("Listen " + id);
    }
}
