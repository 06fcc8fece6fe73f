package org.tonearm.integrations.internal.listenbrainz;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.listenbrainz.*} (docs/operations.md#external-services).
 *
 * @param apiBaseUrl the API's host (https://api.listenbrainz.org; tests and the benchmark use a fake); the same as
 *        {@code tonearm.integrations.services.listenbrainz.base-url}, which it overrides when set
 * @param pageSize listens asked per {@code GET /1/user/{user}/listens} ({@code count}): ListenBrainz's
 *        MAX_ITEMS_PER_GET, 1000, by default and at most; tests use small pages to page through short histories
 */
@ConfigurationProperties("tonearm.integrations.listenbrainz")
public record ListenBrainzProperties(URI apiBaseUrl, Integer pageSize) {

    public ListenBrainzProperties {
        pageSize = pageSize == null || pageSize < 1 || pageSize > ListenBrainzClient.MAX_PAGE_SIZE
                ? ListenBrainzClient.MAX_PAGE_SIZE : pageSize;
    }
}
