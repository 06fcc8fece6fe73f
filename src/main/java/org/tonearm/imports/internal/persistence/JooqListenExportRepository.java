package org.tonearm.imports.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.LISTENS;
import static org.tonearm.schema.Tables.TRACKS;

import java.util.function.Consumer;
import org.springframework.stereotype.Repository;
import org.tonearm.shared.Database;

/**
 * Streams a user's listens oldest first for the exports, with a cursor (fetch size), so memory stays constant.
 * Reads the listens and catalog tables directly: the listens module has no streaming read façade yet (the lead may
 * move this query there; it is the only SQL of the imports module on another module's tables).
 */
@Repository
public class JooqListenExportRepository {

    private static final int FETCH_SIZE = 1_000;

    private final Database database;

    public JooqListenExportRepository(Database database) {
        this.database = database;
    }

    public void forEach(long userId, long fromMs, long toMs, Consumer<ExportedListen> sink) {
        database.read(() -> {
            try (var cursor = database.dsl()
                    .select(LISTENS.LISTENED_AT, ARTISTS.NAME, TRACKS.TITLE, ALBUMS.TITLE, LISTENS.DURATION_PLAYED_MS,
                            LISTENS.TRACK_LENGTH_MS, LISTENS.SERVICE, LISTENS.CLIENT, LISTENS.EXTERNAL_ID, LISTENS.EXTRA)
                    .from(LISTENS).join(TRACKS).on(TRACKS.ID.eq(LISTENS.TRACK_ID))
                    .join(ARTISTS).on(ARTISTS.ID.eq(TRACKS.ARTIST_ID))
                    .leftJoin(ALBUMS).on(ALBUMS.ID.eq(LISTENS.ALBUM_ID))
                    .where(LISTENS.USER_ID.eq(userId)).and(LISTENS.LISTENED_AT.ge(fromMs)).and(LISTENS.LISTENED_AT.lt(toMs))
                    .orderBy(LISTENS.LISTENED_AT, LISTENS.ID).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (var r : cursor) {
                    sink.accept(new ExportedListen(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
                }
            }
            return null;
        });
    }
}
