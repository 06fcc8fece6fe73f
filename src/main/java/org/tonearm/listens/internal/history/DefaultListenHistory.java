package org.tonearm.listens.internal.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.TrackView;
import org.tonearm.listens.Channel;
import org.tonearm.listens.Classification;
import org.tonearm.listens.ListenHistory;
import org.tonearm.listens.StoredListen;
import org.tonearm.listens.internal.edit.ListenEditor;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.schema.tables.records.ListensRecord;

/**
 * {@link ListenHistory}: rows from the one read repository of listens (ListenQueryRepository, which also serves the
 * native API's pages), catalog entries fetched set-wise (one call per page); deletion is the native API's.
 */
@Service
class DefaultListenHistory implements ListenHistory {

    private final ListenQueryRepository rows;
    private final CatalogService catalog;
    private final ListenEditor editor;

    DefaultListenHistory(ListenQueryRepository rows, CatalogService catalog, ListenEditor editor) {
        this.rows = rows;
        this.catalog = catalog;
        this.editor = editor;
    }

    @Override
    public List<StoredListen> window(long userId, Long fromMs, Long toMs, int limit, Start start) {
        boolean oldestFirst = start == Start.OLDEST;
        List<ListensRecord> page = rows.window(userId, fromMs, toMs, limit, 0, oldestFirst);
        if (page.isEmpty()) {
            return List.of();
        }
        Set<Long> trackIds = new LinkedHashSet<>();
        Set<Long> albumIds = new LinkedHashSet<>();
        for (ListensRecord r : page) {
            trackIds.add(r.getTrackId());
            if (r.getAlbumId() != null) {
                albumIds.add(r.getAlbumId());
            }
        }
        Map<Long, TrackView> tracks = catalog.tracks(trackIds);
        Map<Long, AlbumView> albums = albumIds.isEmpty() ? Map.of() : catalog.albums(albumIds);
        List<StoredListen> listens = new ArrayList<>(page.size());
        for (ListensRecord r : page) {
            listens.add(new StoredListen(r.getId(), r.getUserId(), r.getListenedAt(), tracks.get(r.getTrackId()),
                    r.getAlbumId() == null ? null : albums.get(r.getAlbumId()), r.getDurationPlayedMs(),
                    r.getTrackLengthMs(), Classification.valueOf(r.getClassification().toUpperCase(Locale.ROOT)),
                    org.tonearm.listens.Service.fromWire(r.getService()), Channel.fromWire(r.getChannel()),
                    r.getClient(), r.getExtra(), r.getCreatedAt()));
        }
        if (oldestFirst) {
            Collections.reverse(listens);
        }
        return listens;
    }

    @Override
    public List<Entry> page(long userId, Long fromMs, Long toMs, int limit, int offset) {
        return rows.namedPage(userId, fromMs, toMs, limit, offset);
    }

    @Override
    public long count(long userId, Long fromMs, Long toMs) {
        return rows.count(userId, fromMs, toMs);
    }

    @Override
    public Span span(long userId) {
        Record r = rows.span(userId);
        long count = r.get(0, Integer.class);
        return new Span(count, r.get(1, Long.class), r.get(2, Long.class));
    }

    @Override
    public boolean delete(long userId, long listenId) {
        // the native API's delete: one place that removes a listen with its absorbed sources
        return editor.delete(userId, listenId);
    }
}
