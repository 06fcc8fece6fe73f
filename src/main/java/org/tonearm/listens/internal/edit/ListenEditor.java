package org.tonearm.listens.internal.edit;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.CatalogService;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.ResolvedTrack;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.catalog.TrackView;
import org.tonearm.listens.Classifier;
import org.tonearm.listens.ListensChanged;
import org.tonearm.listens.ListensChanged.Fact;
import org.tonearm.listens.internal.persistence.ListenEditRepository;
import org.tonearm.listens.internal.persistence.ListenFactsRepository;
import org.tonearm.listens.internal.persistence.ListenQueryRepository;
import org.tonearm.listens.internal.persistence.ListenRow;
import org.tonearm.shared.Database;
import org.tonearm.shared.TonearmException;

/** Corrections and deletions of stored listens by their owner (docs/api.md#listens, #listen-shapes). */
@Service
public class ListenEditor {

    private final Database database;
    private final CatalogService catalog;
    private final ListenQueryRepository rows;
    private final ListenEditRepository edits;
    private final Classifier classifier;
    private final Clock clock = Clock.systemUTC();
    private final ListenFactsRepository facts;
    private final ApplicationEventPublisher events;

    public ListenEditor(Database database, CatalogService catalog, ListenQueryRepository rows,
            ListenEditRepository edits, Classifier classifier, ListenFactsRepository facts,
            ApplicationEventPublisher events) {
        this.facts = facts;
        this.events = events;
        this.database = database;
        this.catalog = catalog;
        this.rows = rows;
        this.edits = edits;
        this.classifier = classifier;
    }

    /**
     * Re-resolves the catalog from the corrected text (fields not named keep their current value) and
     * points the listen at the result, in one write transaction.
     */
    public ListenRow correct(long userId, long listenId, ListenCorrection correction) {
        return database.write(() -> {
            database.lockUser(userId);
            ListenRow row = rows.find(userId, listenId).orElseThrow(() -> TonearmException.notFound("Listen " + listenId));
            Long length = correction.trackLengthGiven() ? correction.trackLengthMs() : row.trackLengthMs();
            long trackId = row.trackId();
            Long albumId = row.albumId();
            if (correction.changesCatalog()) {
                ResolvedTrack resolved = catalog.resolveAll(List.of(credit(row, correction, length))).get(0);
                trackId = resolved.trackId();
                albumId = resolved.albumId();
                length = length != null ? length : resolved.trackLengthMs();
            }
            // docs/api.md#classification: the classification depends on the track length, so a corrected length re-classifies
            // exactly like the funnel does at ingest
            Classifier.Verdict verdict = classifier.classify(row.durationPlayedMs(), length);
            List<Fact> before = facts.byIds(userId, List.of(listenId));
            edits.updateMetadata(userId, listenId, trackId, albumId, length, verdict, clock.millis());
            events.publishEvent(new ListensChanged(userId, before, facts.byIds(userId, List.of(listenId))));
            return rows.find(userId, listenId).orElseThrow();
        });
    }

    public boolean delete(long userId, long listenId) {
        return database.write(() -> {
            database.lockUser(userId); // serialized with ingests and the timezone job of the same user (their facts)
            List<Fact> before = facts.byIds(userId, List.of(listenId));
            boolean deleted = edits.delete(userId, listenId);
            if (deleted) {
                events.publishEvent(new ListensChanged(userId, before, List.of()));
            }
            return deleted;
        });
    }

    public int deleteRange(long userId, long fromMs, long toMs) {
        return database.write(() -> {
            database.lockUser(userId);
            List<Fact> before = facts.inRange(userId, fromMs, toMs);
            int deleted = edits.deleteRange(userId, fromMs, toMs).size();
            if (deleted > 0) {
                events.publishEvent(new ListensChanged(userId, before, List.of()));
            }
            return deleted;
        });
    }

    /** The listen's current catalog text with the correction applied. */
    private TrackCredit credit(ListenRow row, ListenCorrection c, Long length) {
        TrackView track = catalog.tracks(List.of(row.trackId())).get(row.trackId());
        String album = c.albumGiven() ? c.album() : currentAlbum(row);
        String title = c.track() != null ? c.track() : track.title();
        List<String> artists;
        String artist;
        if (c.artist() != null || c.artists() != null) {
            // a new credit replaces the old one entirely; the structured list only when given
            artists = c.artists() != null ? c.artists() : List.of();
            artist = c.artist() != null ? c.artist() : artists.get(0);
        } else {
            artists = track.artists().stream().map(ArtistRef::name).toList();
            artist = artists.isEmpty() ? null : artists.get(0);
        }
        return new TrackCredit(artist, artists, title, album, length, Identifiers.NONE);
    }

    private String currentAlbum(ListenRow row) {
        if (row.albumId() == null) {
            return null;
        }
        AlbumView album = catalog.albums(List.of(row.albumId())).get(row.albumId());
        return album == null ? null : album.title();
    }
}
