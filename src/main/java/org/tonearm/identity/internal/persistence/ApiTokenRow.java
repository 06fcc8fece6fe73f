package org.tonearm.identity.internal.persistence;

import java.util.List;

/** One personal API token, without its secret (only its hashes are stored: SPEC §2). */
public record ApiTokenRow(long id, long userId, String name, List<String> scopes, long createdAt, Long lastUsedAt) {}
