package org.tonearm.integrations.internal.listenbrainz;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tonearm.integrations.listenbrainz.*} (docs/operations.md#external-services).
 *
 * @param apiBaseUrl the API's host (https://api.listenbrainz.org; tests and the benchmark use a fake); the same as
 *        {@code tonearm.integrations.services.listenbrainz.base-url}, which it overrides when set
 */
@ConfigurationProperties("tonearm.integrations.listenbrainz")
public record ListenBrainzProperties(URI apiBaseUrl) {}
