package org.tonearm.listens.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonearm.identity.AuthenticatedUser;
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
    @PostMapping
    ResponseEntity<?> submit(HttpServletRequest request) {
        AuthenticatedUser user = CurrentUser.require(Scopes.LISTENS_WRITE);
        return submissions.submit(user.id(), body.read(request));
    }

    @GetMapping
    Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String artist, @RequestParam(required = false) String album,
            @RequestParam(required = false) String track, @RequestParam(required = false) String service,
            @RequestParam(required = false) String q) {
        AuthenticatedUser user = CurrentUser.require(Scopes.LISTENS_READ);
        ListenFilter filter = ListenListParams.toFilter(user.id(),
                new ListenListParams.Raw(limit, cursor, from, to, artist, album, track, service, q));
        List<ListenRow> page = rows.page(filter);
        boolean more = page.size() > filter.limit();
        List<ListenRow> shown = more ? page.subList(0, filter.limit()) : page;
        return new Page(views.toJson(shown), more ? ListenCursor.encode(shown.get(shown.size() - 1)) : null);
    }

    /** Both bounds are required so that a forgotten parameter cannot wipe a whole history. */
    @DeleteMapping
    Deleted deleteRange(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AuthenticatedUser user = CurrentUser.require(Scopes.LISTENS_WRITE);
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
