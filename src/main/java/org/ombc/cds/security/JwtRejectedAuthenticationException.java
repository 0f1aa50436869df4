package org.ombc.cds.security;

import org.springframework.security.core.AuthenticationException;

/** A failed CDS Hooks JWT check, carried through Spring Security to the entry point that answers 401. */
final class JwtRejectedAuthenticationException extends AuthenticationException {

    private final RejectedCheck check;

    JwtRejectedAuthenticationException(RejectedCheck check) {
        super(check.detail());
        this.check = check;
    }

    RejectedCheck check() {
        return check;
    }
}
