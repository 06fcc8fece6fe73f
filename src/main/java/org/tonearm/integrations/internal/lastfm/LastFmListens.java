package org.tonearm.integrations.internal.lastfm;

import java.util.List;
import org.tonearm.listens.ArchivedListen;
import org.tonearm.catalog.Identifiers;
import org.tonearm.catalog.TrackCredit;
import org.tonearm.integrations.internal.lastfm.RecentTracksPage.LastFmScrobble;
import org.tonearm.integrations.internal.scrobbling.PulledText;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.Service;
import org.tonearm.listens.TimeStamp;

/**
 * How a pulled Last.fm scrobble becomes a listen (docs/formats.md#pulled-from-lastfm): channel {@code sync}, origin
 * {@code lastfm} (so a re-pulled scrobble is the same source and lands as a duplicate, and the outbox never echoes it
 * back to Last.fm), service {@code other} (Last.fm does not say which player played it), {@code date.uts} as the
 * START of the play (track.scrobble's timestamp is "the time the track started playing"), played duration unknown,
 * external id {@code uts|artist|track} like the {@code lastfm_json} import (docs/formats.md), so a page read twice
 * changes nothing.
 */
public final class LastFmListens {

    /** The origin of listens pulled from Last.fm (docs/api.md#connections). */
    public static final String ORIGIN = "lastfm";

    private LastFmListens() {}

    public static IncomingListen toIncoming(long userId, LastFmScrobble s) {
        TrackCredit credit = new TrackCredit(s.artist(), List.of(), s.track(), s.album(), null,
                new Identifiers(s.trackMbid(), s.artistMbid() == null ? List.of() : List.of(s.artistMbid()),
                        s.albumMbid(), null, null));
        return new IncomingListen(userId, credit, s.uts() * 1000, TimeStamp.START, null, Service.OTHER, Channel.SYNC,
                ORIGIN, "last.fm",
                PulledText.externalId(Long.toString(s.uts()), s.artist() + "|" + s.track()), null, s.raw());
    }

    /**
     * A stored listen as a Last.fm scrobble (track.scrobble): the primary artist (Last.fm keys tracks by it), the
     * title, the album, the start in epoch seconds, the track length in seconds when known, the recording MBID.
     */
    public static LastFmClient.Scrobble toScrobble(ArchivedListen l) {
        ArchivedListen.Artist primary = l.track().primary();
        return new LastFmClient.Scrobble(primary == null ? "" : primary.name(), l.track().title(),
                l.album() == null ? null : l.album().title(), l.listenedAt() / 1000,
                l.trackLengthMs() == null ? null : l.trackLengthMs() / 1000, l.track().mbid());
    }
}
