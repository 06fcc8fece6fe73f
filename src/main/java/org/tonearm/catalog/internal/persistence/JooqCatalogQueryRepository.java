package org.tonearm.catalog.internal.persistence;

import static org.tonearm.schema.Tables.ALBUMS;
import static org.tonearm.schema.Tables.ARTISTS;
import static org.tonearm.schema.Tables.TRACKS;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tonearm.catalog.ArtistRef;
import org.tonearm.catalog.CatalogCandidates;
import org.tonearm.catalog.CatalogEntry;
import org.tonearm.catalog.CatalogKind;
import org.tonearm.catalog.NameKeys;
import org.tonearm.shared.Database;

/**
 * Search candidates and entries by id for the catalog read API. The catalog is shared by all users; who may see
 * an entry is decided above this module (docs/api.md#accounts-and-authentication), which filters the candidate queries built here in SQL. Nothing
 * here reads the listens tables.
 */
@Repository
public class JooqCatalogQueryRepository {

    private static final char LIKE_ESCAPE = '!';

    private final Database database;
    private final JooqCatalogViewRepository views;

    JooqCatalogQueryRepository(Database database, JooqCatalogViewRepository views) {
        this.database = database;
        this.views = views;
    }

    private DSLContext dsl() {
        return database.dsl();
    }

    /**
     * Artists by a substring of their name key; albums and tracks by a substring of the title part of their key
     * (the key is artist key + separator + title key, NameKeys.compose), so "Beatles" finds the band, not its
     * songs. A LIKE '%…%' reads the whole table's keys: there is no index for substrings on either database.
     */
    public CatalogCandidates matching(CatalogKind kind, String key) {
        return switch (kind) {
            case ARTIST -> candidates(kind, ARTISTS.ID, DSL.length(ARTISTS.NAME_KEY),
                    ARTISTS.NAME_KEY.like("%" + escapeLike(key) + "%", LIKE_ESCAPE));
            case ALBUM -> candidates(kind, ALBUMS.ID, DSL.length(ALBUMS.TITLE),
                    ALBUMS.ALBUM_KEY.like(inTitlePart(key), LIKE_ESCAPE));
            case TRACK -> candidates(kind, TRACKS.ID, DSL.length(TRACKS.TITLE),
                    TRACKS.TRACK_KEY.like(inTitlePart(key), LIKE_ESCAPE));
        };
    }

    public CatalogCandidates withId(CatalogKind kind, long id) {
        Field<Integer> exact = DSL.inline(0);
        return switch (kind) {
            case ARTIST -> candidates(kind, ARTISTS.ID, exact, ARTISTS.ID.eq(id));
            case ALBUM -> candidates(kind, ALBUMS.ID, exact, ALBUMS.ID.eq(id));
            case TRACK -> candidates(kind, TRACKS.ID, exact, TRACKS.ID.eq(id));
        };
    }

    private CatalogCandidates candidates(CatalogKind kind, TableField<?, Long> id, Field<Integer> closeness,
            Condition where) {
        Select<Record2<Long, Integer>> query = dsl()
                .select(id.as(CatalogCandidates.ID), closeness.as(CatalogCandidates.CLOSENESS))
                .from(id.getTable()).where(where);
        return new CatalogCandidates(kind, query);
    }

    public Map<Long, CatalogEntry.Artist> artists(Collection<Long> ids) {
        Map<Long, CatalogEntry.Artist> out = new HashMap<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            dsl().select(ARTISTS.ID, ARTISTS.NAME, ARTISTS.MBID).from(ARTISTS).where(ARTISTS.ID.in(chunk))
                    .forEach(r -> out.put(r.value1(), new CatalogEntry.Artist(r.value1(), r.value2(), r.value3())));
        }
        return out;
    }

    public Map<Long, CatalogEntry.Album> albums(Collection<Long> ids) {
        Map<Long, CatalogEntry.Album> out = new HashMap<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            dsl().select(ALBUMS.ID, ALBUMS.TITLE, ARTISTS.ID, ARTISTS.NAME, ALBUMS.MBID)
                    .from(ALBUMS).leftJoin(ARTISTS).on(ARTISTS.ID.eq(ALBUMS.ARTIST_ID))
                    .where(ALBUMS.ID.in(chunk))
                    .forEach(r -> out.put(r.value1(),
                            new CatalogEntry.Album(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return out;
    }

    public Map<Long, CatalogEntry.Track> tracks(Collection<Long> ids) {
        Map<Long, CatalogEntry.Track> out = new HashMap<>();
        for (List<Long> chunk : Chunks.of(new LinkedHashSet<>(ids), Chunks.IN_LIST)) {
            Map<Long, List<ArtistRef>> credits = views.artistsOf(chunk);
            dsl().select(TRACKS.ID, TRACKS.TITLE, TRACKS.LENGTH_MS, TRACKS.MBID, TRACKS.ISRC).from(TRACKS)
                    .where(TRACKS.ID.in(chunk))
                    .forEach(r -> out.put(r.value1(), new CatalogEntry.Track(r.value1(), r.value2(),
                            List.copyOf(credits.getOrDefault(r.value1(), List.of())), r.value3(), r.value4(),
                            r.value5())));
        }
        return out;
    }

    private static String inTitlePart(String key) {
        return "%" + NameKeys.SEPARATOR + "%" + escapeLike(key) + "%";
    }

    static String escapeLike(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
