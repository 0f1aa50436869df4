package org.ombc.cds.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** A single-process replay guard, for tests of the verifier alone. */
public final class MemoryReplayGuard implements ReplayGuard {

    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryReplayGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String iss, String jti, Instant expires) {
        Instant now = clock.instant();
        seen.values().removeIf(e -> e.isBefore(now));
        return seen.putIfAbsent(iss + "\n" + jti, expires) == null;
    }
}
