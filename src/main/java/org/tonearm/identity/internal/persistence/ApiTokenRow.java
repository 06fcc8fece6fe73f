package org.tonearm.identity.internal.persistence;

import java.util.List;

/** One personal API token, without its secret (only its hashes are stored: docs/api.md#accounts-and-authentication). */
public record ApiTokenRow(long id, long userId, String name, List<String> scopes, long createdAt, Long lastUsedAt) {}
