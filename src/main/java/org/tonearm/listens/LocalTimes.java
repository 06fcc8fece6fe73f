package org.tonearm.listens;

import java.time.ZoneId;

/**
 * The timezone a user's stored local days and hours are in. It is the user's timezone, except between a timezone
 * change and the end of the background job that moves the listens (and with them the statistics rollups) to the new
 * zone: until then everything stored stays in the previous zone, consistently, and readers that group by the stored
 * local days (the statistics) resolve their ranges in this zone to stay exact (org.tonearm.stats package
 * documentation).
 */
public interface LocalTimes {

    /** The zone of the user's stored local days and hours now (read from the database: never stale). */
    ZoneId storedZone(long userId);

    /** Whether the user's listens are still waiting to move to their new timezone. */
    boolean relocating(long userId);
}
