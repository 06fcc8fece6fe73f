package org.tonearm.listens;

/**
 * Published synchronously inside the background job's transaction that recomputed a user's stored local days and
 * hours (after a timezone change, {@link LocalTimes}): everything derived from them must be recomputed for this user
 * in the same transaction, so that readers never see the listens in one zone and derived data in another.
 */
public record ListensRelocated(long userId, int listensMoved) {}
