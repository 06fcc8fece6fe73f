package org.tonearm.web.internal.page;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.tonearm.listens.ListenJournal;

/**
 * One row of {@code /history} as the row fragment prints it, made in Java (docs/web.md#speed, "a long list"): the
 * links (context path + path, as {@code @{/track/{id}(id=…)}} wrote them), the local time formatted with one
 * formatter, and the buttons' accessible names from the same messages ({@code history.editOf},
 * {@code history.deleteOf}) through the same {@link MessageSource}. Per row the template evaluated ~20 expressions —
 * 3–5 links, two messages with an argument, a formatter built by {@code #temporals.format} — links alone were
 * 14 % of the 50-row page's render (docs/performance.md, "Web pages: the fixed cost of a page").
 */
public record HistoryRow(long id, String track, String trackHref, List<Link> artists, String album, String albumHref,
        String listenedAt, String localTime, String service, String editHref, String editLabel, String deleteLabel) {

    /** An artist of the row and its page. */
    public record Link(String name, String href) {}

    /** What {@code #temporals.format(…, 'yyyy-MM-dd HH:mm')} printed: digits only, so no locale changes it. */
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    static HistoryRow of(ListenJournal.Entry l, ZoneId zone, String contextPath, MessageSource messages,
            Locale locale) {
        List<Link> artists = l.artists().stream()
                .map(a -> new Link(a.name(), contextPath + "/artist/" + a.id()))
                .toList();
        Object[] track = {l.track()};
        return new HistoryRow(l.id(), l.track(), contextPath + "/track/" + l.trackId(), artists, l.album(),
                l.albumId() == null ? null : contextPath + "/album/" + l.albumId(), l.listenedAt().toString(),
                LOCAL_TIME.format(l.listenedAt().atZone(zone)), l.service(),
                contextPath + "/ui/history/" + l.id() + "/edit",
                messages.getMessage("history.editOf", track, locale),
                messages.getMessage("history.deleteOf", track, locale));
    }
}
