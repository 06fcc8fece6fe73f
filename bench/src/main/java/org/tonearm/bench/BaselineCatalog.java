package org.tonearm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.tonearm.listens.IncomingListen;

/**
 * Writes synthetic catalogs straight into the catalog tables of the baseline database (not timed), so the
 * timed baseline inserts only listens, and maps each incoming listen to its row.
 */
final class BaselineCatalog {

    /** artist name + U+0001 + title -> {trackId, albumId, lengthMs} */
    private final Map<String, long[]> byCredit = new HashMap<>();
    private long artistOffset;
    private long albumOffset;
    private long trackOffset;

    void seed(DataSource dataSource, SyntheticCatalog catalog) throws SQLException {
        long now = System.currentTimeMillis();
        Map<String, Long> artistIds = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "insert into artists (id, name, name_key, created_at) values (?, ?, ?, ?)")) {
                for (SyntheticCatalog.Artist a : catalog.artists) {
                    long id = artistOffset + a.index() + 1;
                    artistIds.put(a.name(), id);
                    s.setLong(1, id);
                    s.setString(2, a.name());
                    s.setString(3, a.name().toLowerCase(Locale.ROOT));
                    s.setLong(4, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into albums (id, title, artist_id, album_key, created_at) values (?, ?, ?, ?, ?)")) {
                for (SyntheticCatalog.Album a : catalog.albums) {
                    s.setLong(1, albumOffset + a.index() + 1);
                    s.setString(2, a.title());
                    s.setLong(3, artistOffset + a.artistIndex() + 1);
                    s.setString(4, (artistOffset + a.artistIndex() + 1) + ":" + a.index());
                    s.setLong(5, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            insertTracks(c, catalog, artistIds, now);
            c.commit();
        }
        artistOffset += catalog.artists.size();
        albumOffset += catalog.albums.size();
        trackOffset += catalog.tracks.size();
    }

    private void insertTracks(Connection c, SyntheticCatalog catalog, Map<String, Long> artistIds, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into tracks (id, title, artist_id, track_key, length_ms,"
                + " spotify_id, created_at) values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement credit = c.prepareStatement(
                        "insert into track_artists (track_id, position, artist_id, role) values (?, ?, ?, ?)")) {
            for (SyntheticCatalog.Track t : catalog.tracks) {
                long id = trackOffset + t.index() + 1;
                long artistId = artistOffset + t.artistIndex() + 1;
                s.setLong(1, id);
                s.setString(2, t.title());
                s.setLong(3, artistId);
                s.setString(4, artistId + ":" + t.title().toLowerCase(Locale.ROOT));
                s.setLong(5, t.lengthMs());
                s.setString(6, t.spotifyId());
                s.setLong(7, now);
                s.addBatch();
                addCredit(credit, id, 0, artistId, "PRIMARY");
                if (t.featured() != null && artistIds.get(t.featured()) != artistId) {
                    addCredit(credit, id, 1, artistIds.get(t.featured()), "FEATURED");
                }
                String artist = catalog.artists.get(t.artistIndex()).name();
                byCredit.put(artist + '\u0001' + t.title(),
                        new long[] {id, albumOffset + t.albumIndex() + 1, t.lengthMs()});
            }
            s.executeBatch();
            credit.executeBatch();
        }
    }

    private static void addCredit(PreparedStatement s, long trackId, int position, long artistId, String role)
            throws SQLException {
        s.setLong(1, trackId);
        s.setInt(2, position);
        s.setLong(3, artistId);
        s.setString(4, role);
        s.addBatch();
    }

    ListenRow row(IncomingListen in) {
        long[] t = byCredit.get(in.credit().artist() + '\u0001' + in.credit().title());
        if (t == null) {
            throw new IllegalStateException("not in the seeded catalog: " + in.credit());
        }
        return ListenRow.of(in, t[0], t[1], t[2]);
    }
}
