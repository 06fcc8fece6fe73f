package org.tonearm.listens.internal.dedup;

import org.tonearm.listens.Channel;
import org.tonearm.listens.Service;

/**
 * One source's report of a play: the kept listen's own fields form its primary stamp, every absorbed
 * duplicate is another stamp (a {@code listen_sources} row). Deduplication compares stamps.
 */
public record SourceStamp(long listenedAt, Long durationPlayedMs, Service service, Channel channel, String origin,
        String client, String externalId, String raw) {

    /** Same channel and service, and for imports the same export format (see package-info). */
    public String sourceKey() {
        return sourceKey(channel, service, origin);
    }

    /** {@code sourceKey().equals(other.sourceKey())} without building the strings (the deduplicator's hot loop). */
    public boolean sameSource(SourceStamp other) {
        return channel == other.channel && service == other.service && java.util.Objects.equals(origin, other.origin);
    }

    public static String sourceKey(Channel channel, Service service, String origin) {
        String key = channel.wire() + "/" + service.wire();
        return origin == null ? key : key + "/" + origin;
    }

    /** docs/api.md#deduplication merge priority: spotify > apple_music > youtube_music > other services > manual entry. */
    public int priority() {
        return service.priorityVia(channel);
    }
}
