package org.tonearm.integrations;

import java.util.List;

/** The state of every external service's circuit breaker, for ops' {@code /health/external}. */
public interface ExternalServices {

    /** One entry per {@link ExternalService}, in declaration order. */
    List<ExternalServiceStatus> statuses();
}
