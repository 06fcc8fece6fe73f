package org.tonearm.identity.internal.persistence;

/** One invite code (its SHA-256 only). {@code usedBy} is set once: invites are single-use. */
public record InviteRow(long id, String note, long createdBy, long createdAt, long expiresAt, Long usedBy, Long usedAt) {}
