package org.tonearm.listens;

/**
 * Published synchronously inside the transaction that recomputed a user's stored local days and hours (after a
 * timezone change): everything derived from them must be recomputed for this user in the same transaction.
 */
public record ListensRelocated(long userId, int listensMoved) {}
