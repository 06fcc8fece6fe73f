package org.tonearm.integrations.internal.http;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.tonearm.integrations.ExternalService;
import org.tonearm.integrations.ExternalServiceException;
import org.tonearm.integrations.ExternalServiceException.Reason;

/** One service's client and its four guards, plus the counters and the "since" that /health/external shows. */
final class ServiceGuard {

    private static final Logger log = LoggerFactory.getLogger(ServiceGuard.class);

    final ExternalService service;
    final RestClient client;
    final CircuitBreaker breaker;
    final Retry retry;
    final RateLimiter rateLimiter;
    final Bulkhead bulkhead;
    final RetryAfterGate gate;
    final LongAdder successful = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder notPermitted = new LongAdder();
    private volatile Instant stateSince;

    ServiceGuard(ExternalService service, RestClient client, CircuitBreaker breaker, Retry retry,
            RateLimiter rateLimiter, Bulkhead bulkhead, RetryAfterGate gate, Clock clock) {
        this.service = service;
        this.client = client;
        this.breaker = breaker;
        this.retry = retry;
        this.rateLimiter = rateLimiter;
        this.bulkhead = bulkhead;
        this.gate = gate;
        this.stateSince = clock.instant();
        breaker.getEventPublisher()
                .onStateTransition(e -> {
                    stateSince = clock.instant();
                    // one line per transition: the operator's trace of an outage (docs/operations.md#external-services)
                    log.warn("External service {}: circuit breaker {}", service.key(), e.getStateTransition());
                })
                .onSuccess(e -> successful.increment())
                .onError(e -> failed.increment())
                .onCallNotPermitted(e -> notPermitted.increment());
    }

    Instant stateSince() {
        return stateSince;
    }

    /** One attempt: Retry-After gate, steady rate, bulkhead slot, then the HTTP exchange itself. */
    <T> T attempt(Supplier<T> exchange) {
        gate.await();
        if (!rateLimiter.acquirePermission()) {
            throw new ExternalServiceException(service, Reason.RATE_LIMITED, 0, null,
                    "Too many calls to " + service.key() + " queued behind its rate limit", null);
        }
        try {
            return bulkhead.executeSupplier(exchange);
        } catch (BulkheadFullException e) {
            throw new ExternalServiceException(service, Reason.BUSY, 0, null,
                    "Already " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls to " + service.key()
                            + " in flight (tonearm.integrations.max-concurrent-calls)", e);
        }
    }
}
