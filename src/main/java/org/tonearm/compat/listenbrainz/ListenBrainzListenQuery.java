package org.tonearm.compat.listenbrainz;

import static org.tonearm.compat.listenbrainz.ListenBrainzApiException.badRequest;

import java.math.BigInteger;
import java.util.function.Function;
import org.tonearm.listens.ListenHistory;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The parameters of {@code user/{user}/listens}: {@code min_ts}, {@code max_ts} (both exclusive, epoch seconds)
 * and {@code count}, checked in ListenBrainz's order with its messages (api_tools.py
 * {@code _validate_get_endpoint_params}, api.py {@code get_listens}). With {@code min_ts} the listens right after
 * it are returned, else the newest before {@code max_ts}; always newest first. A 0 timestamp counts as absent
 * (Python truthiness).
 */
record ListenBrainzListenQuery(Long fromMs, Long toMs, int count, ListenHistory.Start start) {

    static ListenBrainzListenQuery parse(Function<String, String> parameters) {
        Long maxTs = intArg(parameters, "max_ts");
        Long minTs = intArg(parameters, "min_ts");
        maxTs = maxTs != null && maxTs == 0 ? null : maxTs;
        minTs = minTs != null && minTs == 0 ? null : minTs;
        if (maxTs != null && minTs != null && maxTs < minTs) {
            throw badRequest("max_ts should be greater than min_ts");
        }
        Long requested = intArg(parameters, "count");
        long count = Math.min(requested == null ? ListenBrainzController.DEFAULT_ITEMS_PER_GET : requested,
                ListenBrainzController.MAX_ITEMS_PER_GET);
        if (count < 0) {
            throw badRequest("Number of items requested should be positive");
        }
        if (minTs != null && maxTs != null && minTs >= maxTs) {
            throw badRequest("min_ts should be less than max_ts");
        }
        // whole seconds, as ListenBrainz shows them: listened_at > min_ts and listened_at < max_ts
        Long fromMs = minTs == null ? null : millis(minTs + 1);
        Long toMs = maxTs == null ? null : millis(maxTs);
        return new ListenBrainzListenQuery(fromMs, toMs, (int) count,
                minTs != null ? ListenHistory.Start.OLDEST : ListenHistory.Start.NEWEST);
    }

    /** api_tools.py _parse_int_arg: an empty value is the default, else Python int() or a 400. */
    private static Long intArg(Function<String, String> parameters, String name) {
        String value = parameters.apply(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        BigInteger parsed = PythonInts.of(JsonNodeFactory.instance.stringNode(value));
        if (parsed == null) {
            throw badRequest("Invalid " + name + " argument: " + value);
        }
        // far beyond any listen either way; clamped so the arithmetic below cannot overflow
        return Math.max(Math.min(PythonInts.clamp(parsed), Long.MAX_VALUE / 2000), Long.MIN_VALUE / 2000);
    }

    private static long millis(long seconds) {
        return seconds * 1000;
    }
}
