package org.tonearm.identity;

/** SPEC §2: the first account of an empty instance is ADMIN, everyone else USER unless promoted. */
public enum Role {
    USER,
    ADMIN
}
