package org.tonearm.identity.internal.web;

import org.tonearm.identity.AuthenticatedUser;
import org.tonearm.identity.CurrentUser;
import org.tonearm.shared.TonearmException;

/**
 * Account management needs a login session (JWT), not a personal API token: a token handed to a scrobbling
 * client must not be able to mint more tokens or change the account (least privilege).
 */
final class SessionOnly {

    private SessionOnly() {}

    static AuthenticatedUser require() {
        AuthenticatedUser user = CurrentUser.get();
        if (user.viaApiToken()) {
            throw TonearmException.permissionDenied("This needs a login session; API tokens cannot manage the account");
        }
        return user;
    }
}
