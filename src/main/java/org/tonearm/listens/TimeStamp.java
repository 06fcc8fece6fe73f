package org.tonearm.listens;

/** Which moment of the play a source's timestamp marks; END stamps are converted to the start (SPEC §3). */
public enum TimeStamp {
    START,
    END
}
