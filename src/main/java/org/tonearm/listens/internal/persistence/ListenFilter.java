package org.tonearm.listens.internal.persistence;

/**
 * What {@code GET /api/v1/listens} asks for (docs/api.md#listens, #listen-shapes). Null members do not filter.
 *
 * @param fromMs      inclusive lower bound on listened_at
 * @param toMs        exclusive upper bound on listened_at
 * @param after       keyset position: only rows strictly older than it (listened_at, id), or null for page one
 * @param artistKey   an artist's normalized name key (catalog NameKeys), matched against the track's credits
 * @param albumTitleKey an album title's normalized key, whoever the album artist
 * @param trackTitleKey a track title's normalized key, whoever the artist
 * @param service     the service's wire name
 * @param q           a substring of the track title, a credited artist's name or the album title
 */
public record ListenFilter(long userId, Long fromMs, Long toMs, Position after, Long artistId, String artistKey,
        Long albumId, String albumTitleKey, Long trackId, String trackTitleKey, String service, String q, int limit) {

    /** A keyset position: the (listened_at, id) of the last row of the previous page. */
    public record Position(long listenedAt, long id) {}
}
