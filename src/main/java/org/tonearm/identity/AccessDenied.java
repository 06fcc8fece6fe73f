package org.tonearm.identity;

import org.tonearm.shared.ErrorCode;
import org.tonearm.shared.TonearmException;

/**
 * A caller refused by the route's {@link AccessRule}: problem+json on the native API (401 or 403); a compatibility
 * adapter's error advice words it in its protocol's terms from {@link #denial()} and {@link #rule()}.
 */
public class AccessDenied extends TonearmException {

    private final AccessRule.Denial denial;
    private final transient AccessRule rule;

    public AccessDenied(AccessRule.Denial denial, AccessRule rule, ErrorCode code, String detail) {
        super(code, detail);
        this.denial = denial;
        this.rule = rule;
    }

    public AccessRule.Denial denial() {
        return denial;
    }

    public AccessRule rule() {
        return rule;
    }
}
