package org.tonearm.compat.lastfm;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.LastfmResponses.Playing;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.NowPlayingService;
import org.tonearm.listens.ListenHistory;
import org.tonearm.stats.StatsService;

/**
 * user.getInfo and user.getRecentTracks. Privacy (issue #5 item 4, docs/api.md#accounts-and-authentication, {@link LastfmProfiles}): a PRIVATE
 * profile answers only to its own session (holding listens:read); to anyone else exactly as if the user did not
 * exist (error 6 "User not found"). A PUBLIC profile answers to anyone.
 */
@Component
class LastfmUserMethods {

    private final LastfmProfiles profiles;
    private final StatsService stats;
    private final ListenHistory history;
    private final NowPlayingService nowPlaying;

    LastfmUserMethods(LastfmProfiles profiles, StatsService stats, ListenHistory history,
            NowPlayingService nowPlaying) {
        this.profiles = profiles;
        this.stats = stats;
        this.history = history;
        this.nowPlaying = nowPlaying;
    }

    Lfm getInfo(LastfmCall call) {
        UserProfile user = profiles.visible(call);
        // playcount: all-time plays (docs/api.md#statistics Definitions), the figure the native overview shows for all_time
        return LastfmResponses.userInfo(user.username(), user.displayName(), "", stats.allTimePlays(user.id()),
                user.createdAt());
    }

    Lfm getRecentTracks(LastfmCall call) {
        LastfmParams p = call.params();
        int limit = LastfmValidator.limit(p.text("limit"));
        int page = LastfmValidator.page(p.text("page"));
        Long from = LastfmValidator.optionalSeconds(p.text("from"), "from");
        Long to = LastfmValidator.optionalSeconds(p.text("to"), "to");
        UserProfile user = profiles.visible(call);
        Long fromMs = from == null ? null : from * 1000;
        // "to": listens up to and including that second, so the half-open window ends at the next one
        Long toMs = to == null ? null : (to + 1) * 1000;
        long total = history.count(user.id(), fromMs, toMs);
        long offset = (long) (page - 1) * limit;
        List<ListenHistory.Entry> entries = offset >= total ? List.of()
                : history.page(user.id(), fromMs, toMs, limit, (int) offset);
        // the track playing now heads the first page of an open-ended listing, as on Last.fm
        Playing playing = page == 1 && to == null ? playing(user.id()) : null;
        return LastfmResponses.recentTracks(user.username(), page, limit, total, playing, entries);
    }

    private Playing playing(long userId) {
        return nowPlaying.current(userId)
                .map(np -> new Playing(np.credit().artist(), np.credit().title(), np.credit().album()))
                .orElse(null);
    }
}
