package org.tonearm.listens;

/**
 * Published after a user's now playing was replaced or cleared (any protocol), so that live views (the web
 * dashboard's server-sent events) can refresh without polling. Carries the user id only; readers ask
 * {@link NowPlayingService#current} for the value. In process: each node publishes its own updates.
 */
public record NowPlayingChanged(long userId) {}
