package org.tonearm.compat.audioscrobbler;

/** Ends a request with one of the protocol's plain-text replies: BADAUTH, BADTIME, BADSESSION, FAILED reason. */
final class AudioscrobblerException extends RuntimeException {

    AudioscrobblerException(String reply) {
        super(reply);
    }

    static AudioscrobblerException failed(String reason) {
        return new AudioscrobblerException("FAILED " + reason);
    }

    static AudioscrobblerException badSession() {
        return new AudioscrobblerException("BADSESSION");
    }

    static AudioscrobblerException badAuth() {
        return new AudioscrobblerException("BADAUTH");
    }
}
