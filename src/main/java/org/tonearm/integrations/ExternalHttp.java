package org.tonearm.integrations;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The one way integrations code calls HTTP (docs/operations.md#external-services): every call goes through the
 * service's bulkhead, rate limiter, circuit breaker and retry, carries Tonearm's User-Agent and ends either with the
 * converted body or an {@link ExternalServiceException}.
 */
public interface ExternalHttp {

    /** Sends the request and converts a 2xx body to {@code type} ({@code null} for an empty body). */
    <T> T exchange(ExternalService service, ExternalRequest request, Class<T> type);

    <T> T exchange(ExternalService service, ExternalRequest request, ParameterizedTypeReference<T> type);
}
