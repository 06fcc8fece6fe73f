package org.tonearm.compat.listenbrainz;

import java.util.List;
import java.util.Map;

/**
 * The wire records of ListenBrainz's user statistics (listenbrainz-server webserver/views/stats_api.py and the
 * data/model records it serializes), named exactly like the protocol's fields (snake_case by the application's
 * JSON naming). Timestamps are UNIX seconds; {@code last_updated} is when Tonearm computed the answer, which is the
 * moment of the request (Tonearm's statistics are live, docs/api.md#statistics).
 */
final class ListenBrainzStatsWire {

    private ListenBrainzStatsWire() {}

    /** {@code artists}: user_artist_stat.py ArtistRecord ({@code artist_mbid}), plus the older list form. */
    record Artist(String artistName, String artistMbid, List<String> artistMbids, long listenCount) {}

    /** {@code releases}: user_release_stat.py. */
    record Release(String artistName, List<String> artistMbids, String releaseName, String releaseMbid,
            long listenCount) {}

    /** {@code release_groups}: user_release_group_stat.py. */
    record ReleaseGroup(String artistName, List<String> artistMbids, String releaseGroupName, String releaseGroupMbid,
            long listenCount) {}

    /** {@code recordings}: user_recording_stat.py. */
    record Recording(String artistName, List<String> artistMbids, String trackName, String recordingMbid,
            String releaseName, String releaseMbid, long listenCount) {}

    /** {@code user/{user}/artists}. */
    record ArtistsPayload(String userId, List<Artist> artists, int count, long totalArtistCount, int offset,
            String range, long fromTs, long toTs, long lastUpdated) {}

    /** {@code user/{user}/releases}. */
    record ReleasesPayload(String userId, List<Release> releases, int count, long totalReleaseCount, int offset,
            String range, long fromTs, long toTs, long lastUpdated) {}

    /** {@code user/{user}/release-groups}. */
    record ReleaseGroupsPayload(String userId, List<ReleaseGroup> releaseGroups, int count,
            long totalReleaseGroupCount, int offset, String range, long fromTs, long toTs, long lastUpdated) {}

    /** {@code user/{user}/recordings}. */
    record RecordingsPayload(String userId, List<Recording> recordings, int count, long totalRecordingCount,
            int offset, String range, long fromTs, long toTs, long lastUpdated) {}

    /** One bucket of {@code listening_activity}: user_listening_activity.py (to_ts is the bucket's last second). */
    record ListeningActivity(String timeRange, long fromTs, long toTs, long listenCount) {}

    record ListeningActivityPayload(String userId, List<ListeningActivity> listeningActivity, long fromTs, long toTs,
            String range, long lastUpdated) {}

    /** One hour of {@code daily_activity}. */
    record HourActivity(int hour, long listenCount) {}

    /** {@code daily_activity}: weekday name (Monday first, Python's calendar.day_name) → its 24 hours. */
    record DailyActivityPayload(String userId, Map<String, List<HourActivity>> dailyActivity, long fromTs, long toTs,
            String range, long lastUpdated) {}

    /** {@code user/{user}/year-in-music/{year}}: {@code data} is {@code {}} when the year has no listens. */
    record YearInMusicPayload(String userName, Map<String, Object> data) {}
}
