package org.tonearm.integrations.internal.http;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.tonearm.integrations.ExternalHttp;
import org.tonearm.integrations.ExternalRequest;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.ExternalServiceException.Reason;
import org.tonearm.integrations.ExternalServiceStatus;
import org.tonearm.integrations.ExternalServices;
import org.tonearm.integrations.internal.IntegrationsProperties;

/**
 * The one outbound HTTP client (see the package documentation of {@code org.tonearm.integrations} for the flow of
 * a call). Spring's {@link RestClient} on the JDK HttpClient, guarded per service by Resilience4j.
 */
public final class ResilientHttpClient implements ExternalHttp, ExternalServices {

    private final Map<ExternalService, ServiceGuard> guards = new EnumMap<>(ExternalService.class);
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;
    private final IntegrationsProperties properties;
    private final Clock clock;

    public ResilientHttpClient(IntegrationsProperties properties, String version, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(breakerConfig(properties));
        this.retries = RetryRegistry.of(retryConfig(properties));
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls()).maxWaitDuration(properties.bulkheadWait()).build());
        this.rateLimiters = RateLimiterRegistry.ofDefaults();
        String userAgent = "Tonearm/" + version + " (+" + properties.contact() + ")";
        // one JDK HttpClient (one connection pool) per scheme for all services; timeouts per
        // docs/operations.md#external-services. HTTPS negotiates HTTP/2 by ALPN; plain HTTP (local fakes, a proxy)
        // stays on HTTP/1.1, because the JDK's cleartext "Upgrade: h2c" attempt confuses servers that answer it
        // with an error status (seen with WireMock: the retried request got the wrong answer)
        JdkClientHttpRequestFactory https = requestFactory(HttpClient.Version.HTTP_2, properties);
        JdkClientHttpRequestFactory plain = requestFactory(HttpClient.Version.HTTP_1_1, properties);
        for (ExternalService service : ExternalService.values()) {
            URI base = properties.baseUrl(service);
            RestClient client = RestClient.builder().requestFactory("https".equals(base.getScheme()) ? https : plain)
                    .baseUrl(base.toString())
                    .defaultHeader(HttpHeaders.USER_AGENT, userAgent).build();
            guards.put(service, new ServiceGuard(service, client, breakers.circuitBreaker(service.key()),
                    retries.retry(service.key()),
                    rateLimiters.rateLimiter(service.key(), RateLimiterConfig.custom()
                            .limitForPeriod(properties.requestsPerSecond(service))
                            .limitRefreshPeriod(Duration.ofSeconds(1))
                            .timeoutDuration(properties.rateLimitWait()).build()),
                    bulkheads.bulkhead(service.key()),
                    new RetryAfterGate(service, properties.maxRetryAfter(), clock), clock));
        }
    }

    private static JdkClientHttpRequestFactory requestFactory(HttpClient.Version version, IntegrationsProperties p) {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(p.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(p.readTimeout());
        return requests;
    }

    /**
     * "Opens after N consecutive failures": a count-based window of N calls that opens at a 100 % failure rate is
     * exactly that. Only the service's own failures count (5xx, timeouts, refused connections); a 4xx is the service
     * answering and counts as a success; BUSY, RATE_LIMITED and BAD_RESPONSE are ignored (they never reached the
     * service, or it answered and the fault is in the content).
     */
    private static CircuitBreakerConfig breakerConfig(IntegrationsProperties p) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.breakerFailures()).minimumNumberOfCalls(p.breakerFailures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(p.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // HALF_OPEN shows on /health/external when the wait is over, not only once a call happens to come
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ResilientHttpClient::serviceFault)
                .ignoreException(e -> e instanceof ExternalServiceException x && (x.reason() == Reason.BUSY
                        || x.reason() == Reason.RATE_LIMITED || x.reason() == Reason.BAD_RESPONSE))
                .build();
    }

    /**
     * At most N attempts, exponential backoff with ±50 % jitter (so many pollers don't retry in lockstep). A 429
     * whose Retry-After is within the bound is retried too: the next attempt waits at the service's gate.
     */
    private static RetryConfig retryConfig(IntegrationsProperties p) {
        return RetryConfig.custom().maxAttempts(p.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(p.retryBackoff().toMillis(), 2.0, 0.5))
                .retryOnException(e -> serviceFault(e) || e instanceof ExternalServiceException x
                        && x.reason() == Reason.RATE_LIMITED && x.upstreamStatus() == 429 && x.retryAfter() != null
                        && x.retryAfter().compareTo(p.maxRetryAfter()) <= 0)
                .build();
    }

    private static boolean serviceFault(Throwable e) {
        return e instanceof ExternalServiceException x
                && (x.reason() == Reason.UNAVAILABLE || x.reason() == Reason.TIMEOUT);
    }

    /** Binds breaker, retry, rate-limiter and bulkhead meters ({@code resilience4j.*}, tagged by service). */
    public void bindMetrics(MeterRegistry registry) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
    }

    @Override
    public <T> T exchange(ExternalService service, ExternalRequest request, Class<T> type) {
        return call(service, request, response -> response.toEntity(type));
    }

    @Override
    public <T> T exchange(ExternalService service, ExternalRequest request, ParameterizedTypeReference<T> type) {
        return call(service, request, response -> response.toEntity(type));
    }

    private <T> T call(ExternalService service, ExternalRequest request,
            Function<RestClient.ResponseSpec, ResponseEntity<T>> read) {
        ServiceGuard guard = guards.get(service);
        Supplier<T> guarded = guard.breaker.decorateSupplier(
                () -> guard.attempt(() -> send(guard, request, read)));
        if (request.retryable()) {
            guarded = Retry.decorateSupplier(guard.retry, guarded);
        }
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            Duration left = Duration.between(clock.instant(), guard.stateSince().plus(properties.breakerOpenFor()));
            throw new ExternalServiceException(service, Reason.CIRCUIT_OPEN, 0, left.isNegative() ? Duration.ZERO : left,
                    service.key() + " failed " + properties.breakerFailures() + " times in a row; calls are paused until "
                            + guard.stateSince().plus(properties.breakerOpenFor()) + " (circuit breaker open)", e);
        }
    }

    private <T> T send(ServiceGuard guard, ExternalRequest request,
            Function<RestClient.ResponseSpec, ResponseEntity<T>> read) {
        RestClient.RequestBodySpec spec = guard.client.method(request.method())
                .uri(request.uriTemplate(), request.uriVariables().toArray());
        request.headers().forEach(spec::header);
        if (request.body() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        ResponseEntity<T> response;
        try {
            response = read.apply(spec.retrieve());
        } catch (RuntimeException e) {
            throw ResponseFailures.map(guard.service, e, guard.gate, clock);
        }
        guard.gate.windowSpent(response.getHeaders()); // the last call of the service's window: pause the next
        return response.getBody();
    }

    /** The service's breaker, for operations tooling and tests that drive its state; callers use exchange(). */
    public CircuitBreaker circuitBreaker(ExternalService service) {
        return guards.get(service).breaker;
    }

    @Override
    public List<ExternalServiceStatus> statuses() {
        List<ExternalServiceStatus> all = new ArrayList<>();
        for (ServiceGuard g : guards.values()) {
            CircuitBreaker.State state = g.breaker.getState();
            all.add(new ExternalServiceStatus(g.service, state.name(), g.stateSince(),
                    state == CircuitBreaker.State.OPEN ? g.stateSince().plus(properties.breakerOpenFor()) : null,
                    g.gate.blockedUntil(), g.successful.sum(), g.failed.sum(), g.notPermitted.sum()));
        }
        return all;
    }
}
