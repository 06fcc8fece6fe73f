package org.tonearm.integrations.internal.connection;

import java.time.Duration;

/**
 * What one {@link ConnectionProvider#sync} step reached; the scheduler stores it after the step returned, i.e. after
 * the step's listens were committed.
 *
 * @param cursor   the cursor to store (the old one when nothing new came)
 * @param backfill the backfill progress to store (provider-defined JSON; null when there is none or it is finished)
 * @param received plays the service returned in this step
 * @param stored   of those, how many the funnel stored as new or merged (the rest were duplicates or refused)
 * @param nextIn   when to run the next step: zero for "more pages waiting", else the poll interval
 */
public record SyncStep(String cursor, String backfill, int received, int stored, Duration nextIn) {}
