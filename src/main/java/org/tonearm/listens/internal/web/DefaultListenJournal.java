package org.tonearm.listens.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.listens.ListenJournal;
import org.tonearm.listens.internal.edit.ListenEditor;
import org.tonearm.listens.internal.persistence.ListenFilter;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.TonearmException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ListenJournal}: the very code paths of {@link ListensController} and {@link ListenController} (parameter
 * parsing, keyset cursor, {@link ListenCorrectionValidator}, {@link ListenEditor}), without HTTP.
 */
@Service
class DefaultListenJournal implements ListenJournal {

    private final ListenQueryRepository rows;
    private final ListenViews views;
    private final ListenEditor editor;
    private final JsonMapper json;

    DefaultListenJournal(ListenQueryRepository rows, ListenViews views, ListenEditor editor, JsonMapper json) {
        this.rows = rows;
        this.views = views;
        this.editor = editor;
        this.json = json;
    }

    @Override
    public Page page(long userId, Query q) {
        ListenFilter filter = ListenListParams.toFilter(userId, new ListenListParams.Raw(Integer.toString(q.limit()),
                q.cursor(), q.from(), q.to(), q.artist(), q.album(), q.track(), q.service(), q.q()));
        List<ListenRow> page = rows.page(filter);
        boolean more = page.size() > filter.limit();
        List<ListenRow> shown = more ? page.subList(0, filter.limit()) : page;
        return new Page(views.toJson(shown).stream().map(DefaultListenJournal::entry).toList(),
                more ? ListenCursor.encode(shown.get(shown.size() - 1)) : null);
    }

    @Override
    public Optional<Entry> find(long userId, long listenId) {
        return rows.find(userId, listenId).map(views::toJson).map(DefaultListenJournal::entry);
    }

    @Override
    public Entry correct(long userId, long listenId, Map<String, Object> fields) {
        long id = rows.find(userId, listenId).orElseThrow(() -> TonearmException.notFound("Listen " + listenId)).id();
        var correction = ListenCorrectionValidator.validate(json.valueToTree(fields));
        return entry(views.toJson(editor.correct(userId, id, correction)));
    }

    @Override
    public boolean delete(long userId, long listenId) {
        return editor.delete(userId, listenId);
    }

    private static Entry entry(ListenJson j) {
        return new Entry(j.id(), Instant.parse(j.listenedAt()), j.track().id(), j.track().title(),
                j.track().artists().stream().map(a -> new ArtistRef(a.id(), a.name(), a.role())).toList(),
                j.album() == null ? null : j.album().id(), j.album() == null ? null : j.album().title(),
                j.trackLengthMs(), j.durationPlayedMs(), j.service(), j.channel(), j.classification());
    }
}
