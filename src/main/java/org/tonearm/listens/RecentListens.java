package org.tonearm.listens;

import java.util.List;

/**
 * A user's stored listens, newest first, as the compatibility protocols' history reads need them
 * (Last.fm {@code user.getRecentTracks}, {@code user.getInfo} play count). Page by offset, as those protocols do.
 */
public interface RecentListens {

    /** One stored listen with its catalog names; {@code album} and the mbids may be null. */
    record Entry(long listenId, long listenedAtMs, String track, String artist, String album, String trackMbid,
            String artistMbid, String albumMbid) {}

    /** Listens with {@code fromMs <= listened_at <= toMs} (either bound may be null), newest first. */
    List<Entry> recent(long userId, Long fromMs, Long toMs, int limit, int offset);

    long count(long userId, Long fromMs, Long toMs);
}
