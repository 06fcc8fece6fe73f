/**
 * Last.fm 2.0 compatibility (issue #5, docs/api.md#compatibility-apis): a translator to the funnel, nothing else.
 *
 * <h2>Request flow ({@link org.tonearm.compat.lastfm.LastfmController})</h2>
 * <ol>
 *   <li>parameters from the GET query or the POST form; {@code method} case-insensitive, looked up in the route
 *       table (unknown: error 3);</li>
 *   <li>{@code LastfmGate}: api_key required (error 10); a key registered in Tonearm has its api_sig verified
 *       (error 13); any other key is accepted on the session key alone unless
 *       {@code tonearm.compat.lastfm.require-signatures};</li>
 *   <li>the session key ({@code sk}, SHA-256 stored in {@code lastfm_sessions}) names the user and the scopes of the
 *       credential that opened it; a session from a deleted API token or disabled user is gone (error 9);</li>
 *   <li>{@code LastfmWire} reads the protocol's records, {@code LastfmValidator} applies one rule per method
 *       (a broken request: error 6; a well-formed scrobble Last.fm would not record: its ignoredMessage code);</li>
 *   <li>{@code LastfmListenMapper} builds {@code IncomingListen}s, one {@code ListenService.ingestBatch} per request;
 *       now playing goes to {@code NowPlayingService} only;</li>
 *   <li>{@code LastfmResponses} builds the documented shape, {@code LfmWriter} renders XML or JSON;
 *       {@code LastfmErrorAdvice} renders every failure as a Last.fm error document.</li>
 * </ol>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>The API is answered at {@code /apis/lastfm/2.0/} and, for host-only clients, at {@code /2.0/}; the approval
 *       page at {@code /api/auth/} (Last.fm's and GNU FM's path) and {@code /apis/lastfm/auth}. The HTML approval page
 *       and the native {@code /api/v1/me/lastfm-apps} endpoint are separate controllers: they are not the protocol.</li>
 *   <li>Duplicates of an earlier scrobble are answered "accepted" (the funnel stores them once).</li>
 *   <li>Recent tracks list every stored listen, skips included, as the native listing does; {@code user.getInfo}'s
 *       playcount is all-time <em>plays</em> from the stats module (docs/api.md#statistics Definitions: skips excluded).</li>
 *   <li>Charts (user.getTopArtists|TopTracks|TopAlbums, user.getWeeklyChartList, user.getWeeklyArtistChart, issue #11
 *       item 3) come from the stats façade (LastfmChartMethods); {@code period} maps onto rolling native ranges
 *       (LastfmPeriod); an unknown period is error 6. Private data of another user is error 6 "User not found", the
 *       answer for a user that does not exist (LastfmProfiles), never 17, which would reveal the account.</li>
 *   <li>Loves are kept in {@code lastfm_loves} by normalized artist and title keys until a loved-tracks feature
 *       exists elsewhere.</li>
 * </ul>
 */
package org.tonearm.compat.lastfm;
