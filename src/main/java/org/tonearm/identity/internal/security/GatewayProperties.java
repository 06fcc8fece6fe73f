package org.tonearm.identity.internal.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code tonearm.gateway.*}.
 *
 * @param corsAllowedOrigins origins (e.g. {@code https://app.example.org}) whose browser scripts may call the API;
 *                           empty (default): no cross-origin access ({@code TONEARM_GATEWAY_CORS_ALLOWED_ORIGINS},
 *                           comma-separated)
 * @param maxBodySize        largest non-multipart request body (JSON, forms); uploads have the multipart limits
 */
@ConfigurationProperties("tonearm.gateway")
public record GatewayProperties(List<String> corsAllowedOrigins, DataSize maxBodySize) {

    public GatewayProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (maxBodySize == null) {
            // above the native listens API's own 10 MB limit, so that endpoint answers its field-specific 413
            maxBodySize = DataSize.ofMegabytes(11);
        }
    }
}
