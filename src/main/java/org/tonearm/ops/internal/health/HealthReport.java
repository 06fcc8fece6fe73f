package org.tonearm.ops.internal.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The public health JSON (docs/api.md#health): a component is {@code {status, details?}}, a composite is
 * {@code {status, components:{name: component}}}. Statuses on the wire are only "UP" and "DOWN"
 * (Boot's OUT_OF_SERVICE and UNKNOWN count as DOWN), and anything but UP is served as HTTP 503.
 */
public final class HealthReport {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    private HealthReport() {}

    public static String status(Health health) {
        return Status.UP.equals(health.getStatus()) ? UP : DOWN;
    }

    public static Map<String, Object> component(Health health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(health));
        if (!health.getDetails().isEmpty()) {
            body.put("details", health.getDetails());
        }
        return body;
    }

    /** UP only when every component is UP. {@code components} keeps its iteration order. */
    public static Map<String, Object> composite(Map<String, Health> components) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, Health> e : components.entrySet()) {
            rendered.put(e.getKey(), component(e.getValue()));
            allUp &= UP.equals(status(e.getValue()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? UP : DOWN);
        body.put("components", rendered);
        return body;
    }

    public static int httpStatus(Map<String, Object> body) {
        return UP.equals(body.get("status")) ? 200 : 503;
    }
}
