package org.tonearm.listens;

import java.util.Map;
import org.tonearm.catalog.TrackCredit;

/**
 * One play as any path (native API, compatibility APIs, imports, sync, web form) hands it to the
 * one ingestion funnel, {@link ListenService}. Callers validate their own wire format first; the funnel
 * normalizes, classifies, resolves the catalog and deduplicates.
 *
 * @param listenedAtMs     epoch ms of the moment {@code stamp} says
 * @param stamp            START for most sources; END for Spotify {@code ts}/{@code played_at}, Apple end times
 * @param durationPlayedMs how long it was played, null when unknown
 * @param origin           refines the channel for deduplication: for imports the export format
 *                         (e.g. "spotify_extended"), else null (see package-info)
 * @param extra            open metadata (ListenBrainz additional_info is kept), may be null
 * @param raw              the raw submission (payload or import row) kept with the listen, may be null
 */
public record IncomingListen(long userId, TrackCredit credit, long listenedAtMs, TimeStamp stamp,
        Long durationPlayedMs, Service service, Channel channel, String origin, String client, String externalId,
        Map<String, Object> extra, String raw) {

    public IncomingListen {
        stamp = stamp == null ? TimeStamp.START : stamp;
        service = service == null ? Service.OTHER : service;
    }

    /** A listen stamped at its start with no extras: the common shape in tests and simple paths. */
    public static IncomingListen of(long userId, TrackCredit credit, long startedAtMs, Long durationPlayedMs,
            Service service, Channel channel) {
        return new IncomingListen(userId, credit, startedAtMs, TimeStamp.START, durationPlayedMs, service, channel,
                null, null, null, null, null);
    }
}
