package org.tonearm.listens;

/** Which moment of the play a source's timestamp marks; END stamps are converted to the start (docs/api.md#time-stamps). */
public enum TimeStamp {
    START,
    END
}
