package org.tonearm.compat.listenbrainz;

/** The {@code listen_type} values of {@code POST /1/submit-listens} (ListenBrainz JSON docs). */
enum ListenType {
    SINGLE("single"),
    IMPORT("import"),
    PLAYING_NOW("playing_now");

    private final String wire;

    ListenType(String wire) {
        this.wire = wire;
    }

    static ListenType fromWire(String value) {
        for (ListenType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        return null;
    }

    /** single and playing_now carry exactly one listen (ListenBrainz api.py submit_listen). */
    boolean singleListen() {
        return this != IMPORT;
    }
}
