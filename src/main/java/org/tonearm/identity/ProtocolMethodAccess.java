package org.tonearm.identity;

import java.util.Map;

/**
 * A protocol endpoint that dispatches on a method name (Last.fm's {@code method=}) rather than on its path: its
 * route table holds one {@link AccessRule} per method, which it enforces before the method runs, and lists here
 * for the scope table of docs/api.md#who-may-call-what.
 */
public interface ProtocolMethodAccess {

    /** The endpoint's path, as shown in the scope table. */
    String endpoint();

    /** Each method name's rule. */
    Map<String, AccessRule> rules();
}
