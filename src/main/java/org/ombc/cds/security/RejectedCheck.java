package org.ombc.cds.security;

/** The class of check a JWT failed: named in the 401 body and the log, never with the token. */
public enum RejectedCheck {
    MISSING_TOKEN("missing-token", "No 'Authorization: Bearer <JWT>' header."),
    MALFORMED_TOKEN("malformed-token", "The bearer token is not a signed JWT."),
    UNSUPPORTED_ALGORITHM(
            "unsupported-algorithm",
            "Only asymmetric signatures (ES256/384/512, RS256/384/512, PS256/384/512) are accepted."),
    UNTRUSTED_ISSUER("untrusted-issuer", "The issuer 'iss' is not registered."),
    UNTRUSTED_JKU("untrusted-jku", "The 'jku' header is not on the issuer's allow list."),
    UNKNOWN_KEY("unknown-key", "No key of the issuer matches the token's 'kid' and algorithm."),
    KEYS_UNAVAILABLE("keys-unavailable", "The issuer's keys could not be fetched."),
    BAD_SIGNATURE("bad-signature", "The signature does not verify."),
    WRONG_AUDIENCE("wrong-audience", "'aud' is not the URL of the service called."),
    EXPIRED("expired", "The token has expired ('exp' passed, or 'iat' older than the maximum token lifetime)."),
    LIFETIME_TOO_LONG("lifetime-too-long", "The token's lifetime ('exp' - 'iat') exceeds the maximum token lifetime."),
    NOT_YET_VALID("not-yet-valid", "'nbf' or 'iat' is in the future."),
    MISSING_CLAIM("missing-claim", "A required claim (iss, aud, exp, iat, jti) is missing."),
    REPLAYED("replayed", "This token's 'jti' was already used."),
    REPLAY_CHECK_UNAVAILABLE(
            "replay-check-unavailable", "The replay check cannot be made now (database unavailable); retry later.");

    private final String code;
    private final String detail;

    RejectedCheck(String code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
