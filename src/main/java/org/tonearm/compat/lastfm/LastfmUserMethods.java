package org.tonearm.compat.lastfm;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tonearm.compat.lastfm.LastfmResponses.Playing;
import org.tonearm.compat.lastfm.ProtocolSessions.SessionUser;
import org.tonearm.identity.Scopes;
import org.tonearm.identity.UserDirectory;
import org.tonearm.identity.UserProfile;
import org.tonearm.listens.RecentListens;
import org.tonearm.listens.NowPlayingService;

/**
 * user.getInfo and user.getRecentTracks. Privacy (issue #5 item 4, SPEC §2): a PRIVATE profile answers only to its
 * own session (holding listens:read); to anyone else exactly as if the user did not exist (error 6 "User not
 * found"). A PUBLIC profile answers to anyone.
 */
@Component
class LastfmUserMethods {

    private final LastfmGate gate;
    private final UserDirectory users;
    private final RecentListens history;
    private final NowPlayingService nowPlaying;

    LastfmUserMethods(LastfmGate gate, UserDirectory users, RecentListens history,
            NowPlayingService nowPlaying) {
        this.gate = gate;
        this.users = users;
        this.history = history;
        this.nowPlaying = nowPlaying;
    }

    Lfm getInfo(LastfmCall call) {
        UserProfile user = visibleUser(call);
        return LastfmResponses.userInfo(user.username(), user.displayName(), "", history.count(user.id(), null, null),
                user.createdAt());
    }

    Lfm getRecentTracks(LastfmCall call) {
        LastfmParams p = call.params();
        int limit = LastfmValidator.limit(p.text("limit"));
        int page = LastfmValidator.page(p.text("page"));
        Long from = LastfmValidator.optionalSeconds(p.text("from"), "from");
        Long to = LastfmValidator.optionalSeconds(p.text("to"), "to");
        UserProfile user = visibleUser(call);
        Long fromMs = from == null ? null : from * 1000;
        // "to": listens up to and including that second
        Long toMs = to == null ? null : to * 1000 + 999;
        long total = history.count(user.id(), fromMs, toMs);
        long offset = (long) (page - 1) * limit;
        List<RecentListens.Entry> entries = offset >= total ? List.of()
                : history.recent(user.id(), fromMs, toMs, limit, (int) offset);
        // the track playing now heads the first page of an open-ended listing, as on Last.fm
        Playing playing = page == 1 && to == null ? playing(user.id()) : null;
        return LastfmResponses.recentTracks(user.username(), page, limit, total, playing, entries);
    }

    private Playing playing(long userId) {
        return nowPlaying.current(userId)
                .map(np -> new Playing(np.credit().artist(), np.credit().title(), np.credit().album()))
                .orElse(null);
    }

    /** The {@code user} parameter's profile (default: the session's user) if the caller may see it. */
    private UserProfile visibleUser(LastfmCall call) {
        Optional<SessionUser> caller = gate.optionalSession(call);
        String name = call.params().text("user");
        if (name == null) {
            name = caller.map(SessionUser::username).orElseThrow(() -> LastfmException.missing("user"));
        }
        UserProfile target = users.findByUsername(name.trim()).orElseThrow(LastfmException::userNotFound);
        boolean own = caller.filter(c -> c.userId() == target.id() && c.has(Scopes.LISTENS_READ)).isPresent();
        if (!own && !"PUBLIC".equals(target.profileVisibility())) {
            throw LastfmException.userNotFound();
        }
        return target;
    }
}
