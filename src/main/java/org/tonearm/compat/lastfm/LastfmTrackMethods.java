package org.tonearm.compat.lastfm;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.LastfmResponses.ScrobbleResult;
import org.tonearm.compat.lastfm.LastfmWire.Love;
import org.tonearm.compat.lastfm.LastfmWire.NowPlaying;
import org.tonearm.compat.lastfm.LastfmWire.Scrobble;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmLoveRepository;
import org.tonearm.listens.Channel;
import org.tonearm.listens.IncomingListen;
import org.tonearm.listens.IngestResult;
import org.tonearm.listens.ListenService;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.Service;

/** track.scrobble, track.updateNowPlaying, track.love, track.unlove: validate, map, hand to the funnel. */
@Component
class LastfmTrackMethods {

    private final LastfmGate gate;
    private final ListenService listens;
    private final NowPlayingService nowPlaying;
    private final JooqLastfmLoveRepository loves;

    LastfmTrackMethods(LastfmGate gate, ListenService listens, NowPlayingService nowPlaying,
            JooqLastfmLoveRepository loves) {
        this.gate = gate;
        this.listens = listens;
        this.nowPlaying = nowPlaying;
        this.loves = loves;
    }

    Lfm scrobble(LastfmCall call) {
        SessionUser user = call.user();
        List<Scrobble> scrobbles = LastfmWire.scrobbles(call.params());
        LastfmValidator.checkBatchSize(scrobbles);
        long now = System.currentTimeMillis();
        List<ScrobbleResult> results = new ArrayList<>(scrobbles.size());
        List<IncomingListen> accepted = new ArrayList<>();
        List<Integer> acceptedIndexes = new ArrayList<>();
        for (Scrobble s : scrobbles) {
            LastfmValidator.checkRequired(s);
            String suffix = s.index() < 0 ? "" : "[" + s.index() + "]";
            long seconds = LastfmValidator.timestampSeconds(s.timestamp(), "timestamp" + suffix);
            Long duration = LastfmValidator.durationSeconds(s.duration(), "duration" + suffix);
            int ignored = LastfmValidator.ignoredCode(s, seconds, now);
            if (ignored == LastfmValidator.IGNORED_NONE) {
                accepted.add(LastfmListenMapper.toIncoming(user.userId(), s, seconds, duration, call.client()));
                acceptedIndexes.add(results.size());
            }
            results.add(new ScrobbleResult(s.track(), s.artist(), s.album(), s.albumArtist(), String.valueOf(seconds),
                    ignored));
        }
        // every well-formed scrobble in one set-wise funnel call; a resent one is a DUPLICATE, still "accepted"
        // (Last.fm also accepts repeats silently, and a client must not retry them)
        List<IngestResult> ingested = listens.ingestBatch(accepted);
        for (int k = 0; k < ingested.size(); k++) {
            if (ingested.get(k).isRefused()) {
                // the funnel's sanity gate refused it: ignored, with the code that says why (docs/clients.md)
                int i = acceptedIndexes.get(k);
                ScrobbleResult r = results.get(i);
                results.set(i, new ScrobbleResult(r.track(), r.artist(), r.album(), r.albumArtist(), r.timestamp(),
                        LastfmValidator.ignoredCode(ingested.get(k).refusal())));
            }
        }
        return LastfmResponses.scrobbles(results);
    }

    Lfm updateNowPlaying(LastfmCall call) {
        SessionUser user = call.user();
        NowPlaying np = LastfmWire.nowPlaying(call.params());
        LastfmValidator.required(np.artist(), "artist");
        LastfmValidator.required(np.track(), "track");
        Long duration = LastfmValidator.durationSeconds(np.duration(), "duration");
        // a protocol's now playing is never a stored listen (issue #5): it only goes to the shared NowPlayingService
        nowPlaying.update(user.userId(),
                LastfmListenMapper.credit(np.artist(), np.track(), np.album(), duration, np.mbid()), Service.OTHER,
                Channel.LASTFM_API, call.client(),
                LastfmListenMapper.extra(np.album(), np.albumArtist(), np.mbid(), null, np.trackNumber()));
        return LastfmResponses.nowPlaying(np.track(), np.artist(), np.album(), np.albumArtist(),
                LastfmValidator.IGNORED_NONE);
    }

    Lfm love(LastfmCall call) {
        SessionUser user = call.user();
        Love love = checkedLove(call);
        loves.love(user.userId(), love.artist().strip(), love.track().strip(), System.currentTimeMillis());
        return null;
    }

    Lfm unlove(LastfmCall call) {
        SessionUser user = call.user();
        Love love = checkedLove(call);
        loves.unlove(user.userId(), love.artist().strip(), love.track().strip());
        return null;
    }

    private static Love checkedLove(LastfmCall call) {
        Love love = LastfmWire.love(call.params());
        LastfmValidator.required(love.artist(), "artist");
        LastfmValidator.required(love.track(), "track");
        return love;
    }
}
