package org.tonearm.compat.lastfm;

import org.tonearm.compat.lastfm.internal.persistence.JooqLastfmAppRepository.AppRow;

/** One Last.fm API call after the api_key/api_sig gate: its parameters and the registered app, if any. */
record LastfmCall(LastfmParams params, AppRow app) {

    /** The client name stored with listens: the registered app's name, else unknown. */
    String client() {
        return app == null ? null : app.name();
    }
}
