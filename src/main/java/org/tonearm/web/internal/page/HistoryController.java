package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tonearm.identity.CurrentUser;
import org.tonearm.listens.ListenJournal;
import org.tonearm.shared.TonearmException;
import org.tonearm.stats.RangeRequest;
import org.tonearm.stats.StatsRange;
import org.tonearm.stats.StatsService;

/**
 * {@code /history}: the user's listens newest first through the listens façade (the API's filters and cursor), endless
 * scrolling ({@code /ui/history/rows}, loaded when the last row is revealed), inline correction with the API's
 * validation messages, and delete. Undo is client-side: the row is hidden and the DELETE is sent only when the undo
 * time is over ({@code /js/history.js}), so "Undo" never has to re-create a listen (a re-created listen would lose its
 * id, source stamps and absorbed duplicates).
 */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 50;

    private final ListenJournal journal;
    private final StatsService stats;
    private final MessageSource messages;

    HistoryController(ListenJournal journal, StatsService stats, MessageSource messages) {
        this.journal = journal;
        this.stats = stats;
        this.messages = messages;
    }

    /** The filter form; dates are the user's local days (both included), turned into instants by the stats range. */
    public record Filter(String q, String artist, String album, String track, String service, String from, String to) {
        public boolean any() {
            return Stream.of(q, artist, album, track, service, from, to).anyMatch(s -> s != null && !s.isBlank());
        }
    }

    /** The user's timezone (the stats settings), for the listen times. */
    private ZoneId zone() {
        return stats.resolve(user(), RangeRequest.named("today")).zone();
    }

    /** The rows as the row fragment prints them ({@link HistoryRow}: links, local time, labels made here). */
    private final class Rows {
        private final ZoneId zone = zone();
        private final String contextPath;
        private final Locale locale;

        Rows(HttpServletRequest request, Locale locale) {
            this.contextPath = request.getContextPath();
            this.locale = locale;
        }

        HistoryRow of(ListenJournal.Entry l) {
            return HistoryRow.of(l, zone, contextPath, messages, locale);
        }
    }

    @GetMapping("/history")
    String history(@ModelAttribute("filter") Filter filter, Model model, HttpServletRequest request, Locale locale) {
        page(filter, null, model, new Rows(request, locale));
        return "history";
    }

    @GetMapping("/ui/history/rows")
    String rows(@ModelAttribute("filter") Filter filter, @RequestParam String cursor, Model model,
            HttpServletRequest request, Locale locale) {
        page(filter, cursor, model, new Rows(request, locale));
        return "history :: rows";
    }

    @GetMapping("/ui/history/{id}")
    String row(@PathVariable long id, Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("r", new Rows(request, locale).of(find(id)));
        return "history :: row";
    }

    @GetMapping("/ui/history/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ListenJournal.Entry l = find(id);
        model.addAttribute("l", l);
        model.addAttribute("values", values(l));
        model.addAttribute("errors", FormErrors.NONE);
        return "history :: edit";
    }

    /** Sends only the fields the user changed, so an untouched artist line keeps its featured credits. */
    @PostMapping("/ui/history/{id}")
    String correct(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, Locale locale) {
        ListenJournal.Entry l = find(id);
        Map<String, String> before = values(l);
        Map<String, Object> changed = new LinkedHashMap<>();
        for (String field : before.keySet()) {
            String now = form.getOrDefault(field, "").strip();
            if (!Objects.equals(now, before.get(field))) {
                changed.put(field, value(field, now));
            }
        }
        if (changed.isEmpty()) {
            model.addAttribute("r", new Rows(request, locale).of(l));
            return "history :: row";
        }
        try {
            ListenJournal.Entry corrected = journal.correct(user(), id, changed);
            model.addAttribute("r", new Rows(request, locale).of(corrected));
            return "history :: row";
        } catch (TonearmException e) {
            model.addAttribute("l", l);
            Map<String, String> shown = new LinkedHashMap<>(before);
            before.keySet().forEach(f -> shown.put(f, form.getOrDefault(f, "")));
            model.addAttribute("values", shown);
            model.addAttribute("errors", FormErrors.of(e));
            return "history :: edit";
        }
    }

    @DeleteMapping("/ui/history/{id}")
    @ResponseBody
    String delete(@PathVariable long id, HttpServletResponse response) {
        if (!journal.delete(user(), id)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return "";
    }

    private void page(Filter f, String cursor, Model model, Rows rows) {
        long user = user();
        try {
            String from = null;
            String to = null;
            if (blank(f.from()) && !blank(f.to()) || !blank(f.from())) {
                StatsRange r = stats.resolve(user, new RangeRequest(null, null, null, trim(f.from()), trim(f.to())));
                from = blank(f.from()) ? null : r.from().toString();
                to = blank(f.to()) ? null : r.to().toString();
            }
            ListenJournal.Page page = journal.page(user, new ListenJournal.Query(from, to, f.artist(), f.album(),
                    f.track(), f.service(), f.q(), cursor, PAGE_SIZE));
            model.addAttribute("page", page);
            model.addAttribute("rows", page.items().stream().map(rows::of).toList());
        } catch (TonearmException e) {
            model.addAttribute("page", new ListenJournal.Page(List.of(), null));
            model.addAttribute("rows", List.of());
            model.addAttribute("errors", FormErrors.of(e));
        }
    }

    private ListenJournal.Entry find(long id) {
        return journal.find(user(), id).orElseThrow(() -> TonearmException.notFound("Listen " + id));
    }

    private static Map<String, String> values(ListenJournal.Entry l) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("artist", l.artistLine());
        v.put("track", Objects.toString(l.track(), ""));
        v.put("album", Objects.toString(l.album(), ""));
        v.put("track_length_ms", l.trackLengthMs() == null ? "" : l.trackLengthMs().toString());
        return v;
    }

    /** Blank album or length clears it (JSON null, as the API); a non-number length goes through for the API's message. */
    private static Object value(String field, String text) {
        if (text.isEmpty() && (field.equals("album") || field.equals("track_length_ms"))) {
            return null;
        }
        if (field.equals("track_length_ms") && text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return text;
    }

    private static long user() {
        return CurrentUser.get().id();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
