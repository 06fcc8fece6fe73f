package org.tonearm.identity.internal.persistence;

/** One stored refresh token (its SHA-256 only). A login starts a family; rotations stay in it. */
public record RefreshTokenRow(long id, long userId, String familyId, long expiresAt, Long rotatedAt, Long revokedAt) {}
