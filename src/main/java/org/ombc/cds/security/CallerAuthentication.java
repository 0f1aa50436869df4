package org.ombc.cds.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A CDS client whose JWT passed every check; its {@link CdsJwtVerifier.Caller} is the principal. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final CdsJwtVerifier.Caller caller;

    CallerAuthentication(CdsJwtVerifier.Caller caller) {
        super(List.of(new SimpleGrantedAuthority("CDS_CLIENT")));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CdsJwtVerifier.Caller getPrincipal() {
        return caller;
    }
}
