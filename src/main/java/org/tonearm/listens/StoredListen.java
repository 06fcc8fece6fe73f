package org.tonearm.listens;

import org.tonearm.catalog.AlbumView;
import org.tonearm.catalog.TrackView;

/**
 * A stored listen as other modules read it, with its catalog entries resolved.
 *
 * @param extra     the open metadata as JSON text (ListenBrainz additional_info), or null
 * @param createdAt epoch ms the row was first stored
 */
public record StoredListen(long id, long userId, long listenedAt, TrackView track, AlbumView album,
        Long durationPlayedMs, Long trackLengthMs, Classification classification, Service service, Channel channel,
        String client, String extra, long createdAt) {}
