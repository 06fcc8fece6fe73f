package org.tonearm.identity.internal.config;

/** Who may create an account once the instance has its first (ADMIN) user (docs/api.md#accounts-and-authentication). */
public enum RegistrationMode {
    /** Default: only admins create users. */
    CLOSED,
    OPEN,
    /** Registration with an invite code. Invite codes are a later issue: until then INVITE behaves like CLOSED. */
    INVITE
}
