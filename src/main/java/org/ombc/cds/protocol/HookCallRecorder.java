package org.ombc.cds.protocol;

import org.jspecify.annotations.Nullable;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.protocol.services.HookRequest;

/**
 * Where a finished hook call goes after it is answered (the decision audit). Must not throw and must not block
 * the answer for long.
 */
@FunctionalInterface
public interface HookCallRecorder {

    /**
     * Records one answered hook call.
     *
     * @param callerIss the verified issuer of the call's JWT, null in the sandbox
     */
    void record(
            String serviceId, HookRequest request, HookOutcome outcome, long latencyNanos, @Nullable String callerIss);
}
