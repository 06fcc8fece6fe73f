package org.tonearm.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tonearm.TonearmApplication;
import org.tonearm.identity.Role;
import org.tonearm.identity.internal.account.AccountService;
import org.tonearm.identity.internal.persistence.UserRow;
import org.tonearm.identity.internal.token.AccessTokens;
import org.tonearm.identity.internal.token.ApiTokenService;

/**
 * Added latency of authentication + rate limiting per request (issue #3 item 11): the application's real security
 * filter chain ({@code springSecurityFilterChain}: token authentication, rate limit, body limit, headers,
 * authorization) run in-process on mock requests with a no-op endpoint behind it, so HTTP and JSON costs — equal
 * in all cases — do not drown the microseconds being measured. Scenarios:
 * <ol>
 *   <li>{@code baseline}: anonymous request to a public path, rate limiting off — the chain's fixed cost;</li>
 *   <li>{@code anonymous+ratelimit}: the same with the per-IP bucket;</li>
 *   <li>{@code jwt+ratelimit}: {@code Authorization: Bearer <JWT>} on {@code /api/v1/me} with the per-token bucket;</li>
 *   <li>{@code apitoken+ratelimit}: {@code Authorization: Token <t>} (one indexed SELECT per request).</li>
 * </ol>
 * Usage: {@code GatewayOverheadBenchmark [iterations=200000]}. Prints p50/p99/p999 in microseconds.
 */
public final class GatewayOverheadBenchmark {

    private GatewayOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (ConfigurableApplicationContext off = start(false); ConfigurableApplicationContext on = start(true)) {
            Filter chainOff = off.getBean("springSecurityFilterChain", Filter.class);
            Filter chainOn = on.getBean("springSecurityFilterChain", Filter.class);
            UserRow user = on.getBean(AccountService.class).create("bench", "bench password 1979", null, Role.USER);
            String jwt = on.getBean(AccessTokens.class).issue(user.id(), user.username(), Role.USER);
            String apiToken = on.getBean(ApiTokenService.class).create(user.id(), "bench", null).token();

            long[] base = measure(chainOff, "/api/v1/auth/login", null, iterations);
            report("baseline", base, null);
            report("anonymous+ratelimit", measure(chainOn, "/api/v1/auth/login", null, iterations), base);
            report("jwt+ratelimit", measure(chainOn, "/api/v1/me", "Bearer " + jwt, iterations), base);
            report("apitoken+ratelimit", measure(chainOn, "/api/v1/me", "Token " + apiToken, iterations), base);
        }
    }

    private static ConfigurableApplicationContext start(boolean rateLimits) throws Exception {
        String dir = Files.createTempDirectory("tonearm-gw-bench-").toString();
        Map<String, Object> props = Map.of("tonearm.data-dir", dir, "tonearm.registration", "open",
                "tonearm.rate-limit.enabled", Boolean.toString(rateLimits),
                // a budget the benchmark never exhausts: the cost of taking a token is measured, not of refusing
                "tonearm.rate-limit.per-token.capacity", "1000000000", "tonearm.rate-limit.per-ip.capacity", "1000000000",
                "logging.level.root", "warn", "server.port", "0");
        String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TonearmApplication.class).web(WebApplicationType.SERVLET).run(argv);
    }

    private static long[] measure(Filter chain, String path, String authorization, int iterations) throws Exception {
        FilterChain endpoint = (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200);
        long[] nanos = new long[iterations];
        int warmup = Math.max(20_000, iterations / 5);
        for (int i = -warmup; i < iterations; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            request.setServletPath(path);
            request.setRemoteAddr("10.0.0.1");
            if (authorization != null) {
                request.addHeader("Authorization", authorization);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            long start = System.nanoTime();
            chain.doFilter(request, response, endpoint);
            long took = System.nanoTime() - start;
            if (response.getStatus() != 200) {
                throw new IllegalStateException(path + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String name, long[] sorted, long[] base) {
        String line = String.format("RESULT scenario=%s n=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f", name, sorted.length,
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999));
        if (base != null) {
            line += String.format(" overhead_p50_us=%.1f overhead_p99_us=%.1f", pct(sorted, 0.50) - pct(base, 0.50),
                    pct(sorted, 0.99) - pct(base, 0.99));
        }
        System.out.println(line);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
    }
}
