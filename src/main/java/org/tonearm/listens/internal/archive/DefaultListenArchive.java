package org.tonearm.listens.internal.archive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.listens.Channel;
import org.tonearm.listens.Classification;
import org.tonearm.listens.ListenArchive;
import org.tonearm.listens.internal.persistence.ListenArchiveRepository;
import org.tonearm.schema.tables.records.ListenSourcesRecord;
import org.tonearm.schema.tables.records.ListensRecord;
import org.tonearm.shared.Database;

/**
 * {@link ListenArchive}: one keyset page at a time, each page with its sources and catalog text fetched set-wise
 * (three more queries per page, never one per listen).
 */
@Service
class DefaultListenArchive implements ListenArchive {

    /** Listens held in memory at once. */
    static final int PAGE_SIZE = 500;

    private final Database database;
    private final ListenArchiveRepository rows;

    DefaultListenArchive(Database database, ListenArchiveRepository rows) {
        this.database = database;
        this.rows = rows;
    }

    @Override
    public void forEach(long userId, Long fromMs, Long toMs, Consumer<ArchivedListen> sink) {
        Long afterAt = null;
        Long afterId = null;
        while (true) {
            Long at = afterAt;
            Long id = afterId;
            List<ArchivedListen> page = database.read(() -> page(userId, fromMs, toMs, at, id));
            page.forEach(sink);
            if (page.size() < PAGE_SIZE) {
                return;
            }
            ArchivedListen last = page.get(page.size() - 1);
            afterAt = last.listenedAt();
            afterId = last.id();
        }
    }

    private List<ArchivedListen> page(long userId, Long fromMs, Long toMs, Long afterAt, Long afterId) {
        List<ListensRecord> page = rows.page(userId, fromMs, toMs, afterAt, afterId, PAGE_SIZE);
        if (page.isEmpty()) {
            return List.of();
        }
        Set<Long> trackIds = new LinkedHashSet<>();
        Set<Long> albumIds = new LinkedHashSet<>();
        List<Long> merged = new ArrayList<>();
        for (ListensRecord r : page) {
            trackIds.add(r.getTrackId());
            if (r.getAlbumId() != null) {
                albumIds.add(r.getAlbumId());
            }
            if (r.getMergeCount() != null && r.getMergeCount() > 0) {
                merged.add(r.getId());
            }
        }
        Map<Long, ArchivedListen.Track> tracks = rows.tracks(trackIds);
        Map<Long, ArchivedListen.Album> albums = rows.albums(albumIds);
        Map<Long, List<ListenSourcesRecord>> sources = rows.sources(userId, merged);
        List<ArchivedListen> listens = new ArrayList<>(page.size());
        for (ListensRecord r : page) {
            listens.add(new ArchivedListen(r.getId(), r.getListenedAt(), tracks.get(r.getTrackId()),
                    r.getAlbumId() == null ? null : albums.get(r.getAlbumId()), r.getDurationPlayedMs(),
                    r.getTrackLengthMs(), Classification.valueOf(r.getClassification().toUpperCase(Locale.ROOT)),
                    r.getWeight() == null ? 0 : r.getWeight(),
                    org.tonearm.listens.Service.fromWire(r.getService()), Channel.fromWire(r.getChannel()),
                    origin(r.getOrigin(), r.getChannel()), r.getClient(), r.getExternalId(), r.getExtra(), r.getRaw(),
                    r.getMergeCount() == null ? 0 : r.getMergeCount(),
                    sources.getOrDefault(r.getId(), List.of()).stream().map(DefaultListenArchive::source).toList()));
        }
        return listens;
    }

    private static ArchivedListen.Source source(ListenSourcesRecord s) {
        return new ArchivedListen.Source(s.getListenedAt(), s.getDurationPlayedMs(),
                org.tonearm.listens.Service.fromWire(s.getService()), Channel.fromWire(s.getChannel()),
                origin(s.getOrigin(), s.getChannel()), s.getClient(), s.getExternalId(), s.getRaw());
    }

    /** The origin column always holds a value; "the channel itself" is stored as the channel's name. */
    private static String origin(String stored, String channel) {
        return stored == null || stored.equals(channel) ? null : stored;
    }
}
