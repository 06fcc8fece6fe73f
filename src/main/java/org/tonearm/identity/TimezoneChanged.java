package org.tonearm.identity;

import java.time.ZoneId;

/**
 * Published synchronously inside the write transaction of a profile change that moved the user to another timezone,
 * so that the move of what is stored in local time (the listens' local day and hour, the statistics rollups) is
 * requested in the same transaction; a background job then moves it (org.tonearm.listens.LocalTimes).
 */
public record TimezoneChanged(long userId, ZoneId previous, ZoneId current) {}
