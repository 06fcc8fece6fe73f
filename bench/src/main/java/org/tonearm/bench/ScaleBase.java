package org.tonearm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * The big database of issue #19 item 2, loaded fast: the catalog is created once through the funnel (one listen
 * per catalog track for a catalog user, so its rows and keys are the application's own), then the base histories
 * are written as plain batched JDBC inserts of listens rows ({@link RawJdbcBaseline}, 5,000 rows per commit) with
 * ids far above the application's, so the running application allocates its own ids undisturbed. Rows written this
 * way have no statistics rollups and no per-source rows — the base is there to be large, not to be read.
 */
final class ScaleBase {

    /** Listen ids of the raw base start here (the application's sequence / max(id)+1 stays far below, or above). */
    static final long FIRST_RAW_ID = 1_000_000_000_000L;
    private static final long SEED_START_MS = 1_041_379_200_000L; // 2003-01-01, before every measured history

    /** artist + U+0001 + title → {trackId, albumId, lengthMs} */
    private final Map<String, long[]> tracks = new HashMap<>();
    private final DataSource dataSource;
    private long nextId = FIRST_RAW_ID;

    ScaleBase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every catalog track through {@code ingestBatch} once for {@code seedUser}; remembers the resulting ids. */
    void seedCatalog(ListenService listens, SyntheticCatalog catalog, long seedUser) throws SQLException {
        List<IncomingListen> batch = new ArrayList<>();
        for (SyntheticCatalog.Track t : catalog.tracks) {
            String artist = catalog.artists.get(t.artistIndex()).name();
            TrackCredit credit = new TrackCredit(artist, List.of(), t.title(), catalog.albums.get(t.albumIndex()).title(),
                    t.lengthMs(), Identifiers.NONE);
            batch.add(new IncomingListen(seedUser, credit, SEED_START_MS + t.index() * 600_000L, TimeStamp.START,
                    t.lengthMs(), Service.OTHER, Channel.NATIVE_API, null, "catalog seed", null, null, null));
            if (batch.size() == 1_000) {
                listens.ingestBatch(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            listens.ingestBatch(batch);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select listened_at, track_id, album_id, track_length_ms from listens where user_id = ?")) {
            s.setLong(1, seedUser);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int index = (int) ((r.getLong(1) - SEED_START_MS) / 600_000L);
                    SyntheticCatalog.Track t = catalog.tracks.get(index);
                    long album = r.getLong(3);
                    tracks.put(catalog.artists.get(t.artistIndex()).name() + '\u0001' + t.title(),
                            new long[] {r.getLong(2), r.wasNull() ? 0 : album, r.getLong(4)});
                }
            }
        }
        if (tracks.size() != catalog.tracks.size()) {
            throw new IllegalStateException("catalog seed stored " + tracks.size() + " of " + catalog.tracks.size());
        }
    }

    /** {@code count} listens of {@code stream} inserted raw, 5,000 per commit; returns the seconds it took. */
    double load(ListenerStream stream, long count) throws SQLException {
        // on SQLite the application allocates max(id) + 1, so once it has written after a raw load its ids follow ours
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(max(id), 0) + 1 from listens"); ResultSet r = s.executeQuery()) {
            r.next();
            nextId = Math.max(nextId, r.getLong(1));
        }
        RawJdbcBaseline baseline = new RawJdbcBaseline(dataSource, nextId);
        long start = System.nanoTime();
        try (RawJdbcBaseline.Session session = baseline.open()) {
            List<ListenRow> rows = new ArrayList<>(5_000);
            for (long i = 0; i < count; i++) {
                rows.add(row(stream.next()));
                if (rows.size() == 5_000 || i == count - 1) {
                    session.insert(rows);
                    rows.clear();
                }
            }
        }
        nextId += count;
        return (System.nanoTime() - start) / 1e9;
    }

    /** Fresh planner statistics (PostgreSQL ANALYZE; SQLite ANALYZE writes sqlite_stat1). */
    void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    private ListenRow row(IncomingListen in) {
        long[] t = tracks.get(in.credit().artist() + '\u0001' + in.credit().title());
        if (t == null) {
            throw new IllegalStateException("not in the seeded catalog: " + in.credit());
        }
        return ListenRow.of(in, t[0], t[1] == 0 ? null : t[1], t[2]);
    }
}
