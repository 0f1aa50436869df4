package org.ombc.cds.security;

import org.springframework.security.core.AuthenticationException;

/** A failed CDS Hooks JWT check, carried through Spring Security to the entry point that answers 401. */
final class JwtRejectedAuthenticationException extends AuthenticationException {

    private final transient JwtRejectedException rejection;

    JwtRejectedAuthenticationException(JwtRejectedException rejection) {
        super(rejection.getMessage());
        this.rejection = rejection;
    }

    RejectedCheck check() {
        return rejection.check();
    }

    JwtRejectedException rejection() {
        return rejection;
    }
}
