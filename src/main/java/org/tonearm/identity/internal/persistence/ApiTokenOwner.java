package org.tonearm.identity.internal.persistence;

import java.util.List;
import org.tonearm.identity.Role;

/** What authenticating an API token needs: the token's id and scopes and its owner. */
public record ApiTokenOwner(long tokenId, List<String> scopes, Long lastUsedAt, long userId, String username, Role role,
        boolean disabled) {}
