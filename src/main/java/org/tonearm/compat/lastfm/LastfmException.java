package org.tonearm.compat.lastfm;

/** A request that ends in a Last.fm error document; {@code message} replaces the generic text when more precise. */
final class LastfmException extends RuntimeException {

    final LastfmError error;

    LastfmException(LastfmError error) {
        this(error, error.message);
    }

    LastfmException(LastfmError error, String message) {
        super(message);
        this.error = error;
    }

    /** Last.fm answers an unknown user with code 6 and this text (e.g. user.getInfo?user=nobody). */
    static LastfmException userNotFound() {
        return new LastfmException(LastfmError.INVALID_PARAMETERS, "User not found");
    }

    static LastfmException missing(String parameter) {
        return new LastfmException(LastfmError.INVALID_PARAMETERS,
                "Invalid parameters - Your request is missing a required parameter: " + parameter);
    }
}
