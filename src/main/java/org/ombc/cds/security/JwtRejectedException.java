package org.ombc.cds.security;

import java.util.List;
import java.util.Map;

/** A call whose JWT failed a check: answered 401, with what the caller should fix when we can say it. */
public class JwtRejectedException extends Exception {

    private final RejectedCheck check;
    private final Map<String, Object> facts;

    public JwtRejectedException(RejectedCheck check) {
        this(check, check.detail(), Map.of());
    }

    private JwtRejectedException(RejectedCheck check, String detail, Map<String, Object> facts) {
        super(detail);
        this.check = check;
        this.facts = Map.copyOf(facts);
    }

    /**
     * {@code wrong-audience} naming the audiences this call accepts and those the token carried, so an integrator
     * sees at once which URL to put in {@code aud} (or that {@code ombc.public-base-url} is missing).
     */
    static JwtRejectedException wrongAudience(List<String> expected, List<String> received) {
        String detail = expected.isEmpty()
                ? "'aud' cannot match: the service does not know its own URL for this request. Set "
                        + "ombc.public-base-url (or list this Host in ombc.security.allowed-hosts)."
                : "'aud' must be the URL of the service called: " + String.join(" or ", expected) + "; the token has "
                        + String.join(", ", received) + ".";
        return new JwtRejectedException(
                RejectedCheck.WRONG_AUDIENCE,
                detail,
                Map.of("expectedAudience", expected, "receivedAudience", received));
    }

    public RejectedCheck check() {
        return check;
    }

    /** Extra members of the 401 body (never the token). */
    public Map<String, Object> facts() {
        return facts;
    }
}
