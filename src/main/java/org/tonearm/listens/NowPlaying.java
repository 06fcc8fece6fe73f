package org.tonearm.listens;

import java.util.Map;
import org.tonearm.catalog.TrackCredit;

/**
 * What a user is playing right now, as any protocol reported it last (docs/api.md#listens: per user, expiring at the
 * track's length or after 10 minutes). Never a stored listen.
 */
public record NowPlaying(long userId, TrackCredit credit, Service service, Channel channel, String client,
        long startedAtMs, long expiresAtMs, Map<String, Object> extra) {}
