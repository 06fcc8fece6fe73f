package org.tonearm.identity;

/**
 * Published after an account and its database rows are gone (the user-owned tables cascade). Listeners remove
 * what the database does not hold (files, caches); they must be idempotent.
 */
public record AccountDeleted(long userId) {}
