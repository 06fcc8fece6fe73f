package org.tonearm.identity.internal.persistence;

import org.tonearm.identity.Role;

/** What checking an access token needs on every request: current role, disabled flag, revocation instant. */
public record UserState(long id, Role role, boolean disabled, Long sessionsValidAfter) {}
