package org.tonearm.compat.lastfm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings of the Last.fm-compatible API ({@code TONEARM_COMPAT_LASTFM_REQUIRE_SIGNATURES=true}).
 *
 * @param requireSignatures when true every request must carry the api_key of an app registered in Tonearm and a
 *                          valid api_sig; by default clients' built-in api_keys (which Tonearm cannot know) are
 *                          accepted on their session key alone, as ListenBrainz accepts any client
 */
@ConfigurationProperties("tonearm.compat.lastfm")
public record LastfmProperties(boolean requireSignatures) {}
