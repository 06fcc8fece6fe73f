package org.tonearm.listens.internal.web;

import java.util.List;
import org.tonearm.listens.Service;
import tools.jackson.databind.JsonNode;

/**
 * One listen of a native API request that passed validation; values are typed.
 *
 * @param extra the submitted {@code extra} object, or null
 * @param raw   the item's JSON text, kept with the listen (docs/architecture.md: keep the raw submission)
 */
record ValidatedListen(String artist, List<String> artists, String track, String album, long listenedAtMs,
        Long durationPlayedMs, Long trackLengthMs, Service service, String client, String externalId,
        JsonNode extra, String raw) {}
