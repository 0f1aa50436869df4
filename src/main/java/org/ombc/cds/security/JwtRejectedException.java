package org.ombc.cds.security;

/** A call whose JWT failed a check: answered 401. */
public class JwtRejectedException extends Exception {

    private final RejectedCheck check;

    public JwtRejectedException(RejectedCheck check) {
        super(check.detail());
        this.check = check;
    }

    public RejectedCheck check() {
        return check;
    }
}
