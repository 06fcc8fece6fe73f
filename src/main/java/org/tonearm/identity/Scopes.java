package org.tonearm.identity;

import java.util.Set;

/** API token scopes (docs/api.md#accounts-and-authentication). A login session (JWT) carries all of them. */
public final class Scopes {

    public static final String LISTENS_WRITE = "listens:write";
    public static final String LISTENS_READ = "listens:read";
    public static final String STATS_READ = "stats:read";
    public static final Set<String> ALL = Set.of(LISTENS_WRITE, LISTENS_READ, STATS_READ);

    private Scopes() {}
}
