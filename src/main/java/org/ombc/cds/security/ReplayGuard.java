package org.ombc.cds.security;

import java.time.Instant;

/** Accepts each (issuer, jti) once until {@code expires}; the store is shared by every replica. */
public interface ReplayGuard {

    /**
     * Records the token's (issuer, jti) unless it was seen before.
     *
     * @return true the first time, false for a replay
     * @throws JwtRejectedException {@link RejectedCheck#REPLAY_CHECK_UNAVAILABLE} when the store cannot answer
     */
    boolean firstUse(String iss, String jti, Instant expires) throws JwtRejectedException;
}
