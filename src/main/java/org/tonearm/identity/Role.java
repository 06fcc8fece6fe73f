package org.tonearm.identity;

/** docs/api.md#accounts-and-authentication: the first account of an empty instance is ADMIN, everyone else USER unless promoted. */
public enum Role {
    USER,
    ADMIN
}
