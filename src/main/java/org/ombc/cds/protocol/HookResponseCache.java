package org.ombc.cds.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Answers kept for a short time so that a client retrying a {@code hookInstance} with the same body gets the same
 * cards (same uuids, so its feedback matches) and the call is not assessed and audited twice. Behind a load
 * balancer the retry may reach another replica: the implementation shares the answers through the database. An
 * answer is kept as the exact bytes that were sent: a retry gets them byte for byte, nothing is written twice, and
 * memory is bounded by bytes rather than by a count of answers of any size.
 */
public interface HookResponseCache {

    /**
     * The answer (the JSON body that was sent) kept under {@code retryKey}, or null; the key names the service, the
     * caller, the hookInstance and the body's hash, so that only the same call retried gets it.
     */
    byte @Nullable [] getIfPresent(String retryKey);

    void put(String retryKey, byte[] answer);
}
