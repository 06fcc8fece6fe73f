package org.tonearm.identity;

import java.time.ZoneId;

/**
 * Published synchronously inside the write transaction of a profile change that moved the user to another timezone,
 * so that what is stored in local time (the listens' local day and hour, the statistics rollups) follows in the same
 * transaction.
 */
public record TimezoneChanged(long userId, ZoneId previous, ZoneId current) {}
