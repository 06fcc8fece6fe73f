package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tonearm.identity.CurrentUser;
import org.tonearm.web.internal.live.LiveUpdates;

/**
 * The dashboard's htmx fragments and its live stream (docs/web.md#the-dashboard); the page itself is {@code /}
 * ({@link HomeController}).
 */
@Controller
class DashboardController {

    private final DashboardView view;
    private final LiveUpdates live;

    DashboardController(DashboardView view, LiveUpdates live) {
        this.view = view;
        this.live = live;
    }

    @GetMapping("/ui/dashboard/now-playing")
    String nowPlaying(Locale locale, Model model) {
        view.live(CurrentUser.get().id(), locale, model);
        return "dashboard :: nowplaying";
    }

    @GetMapping("/ui/dashboard/recent")
    String recent(Locale locale, Model model) {
        view.live(CurrentUser.get().id(), locale, model);
        return "dashboard :: recent";
    }

    /**
     * The overview cards of a range (the same parameters as {@code /}), fetched again when the live stream says the
     * listens changed (docs/web.md#live-updates).
     */
    @GetMapping("/ui/dashboard/overview")
    String overview(RangeForm form, Locale locale, Model model) {
        long user = CurrentUser.get().id();
        view.overview(user, view.resolve(user, form, locale, model), model);
        return "dashboard :: overview";
    }

    /** The top five lists of a range, fetched again like the overview. */
    @GetMapping("/ui/dashboard/top")
    String top(RangeForm form, Locale locale, Model model) {
        long user = CurrentUser.get().id();
        view.top(user, view.resolve(user, form, locale, model), model);
        return "dashboard :: top";
    }

    /**
     * Server-sent events of the logged-in user only: {@code listens} and {@code nowplaying}, names without data
     * (the page fetches its fragments). Ends with the session.
     */
    @GetMapping(value = "/ui/dashboard/events", produces = "text/event-stream")
    SseEmitter events(HttpServletRequest request, HttpServletResponse response) {
        // proxies (nginx) must not buffer the stream
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        return live.open(CurrentUser.get().id(), request.getSession().getId());
    }

    /** A closed tab or a dropped connection ends its stream: nothing to answer, nothing to log as an error. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void gone() {
        // the client is gone
    }
}
