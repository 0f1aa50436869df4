package org.ombc.cds.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One audited hook call: codes and hashes only, never the patient's id or name.
 *
 * @param assessment the call's assessment, encoded, from which its main card's page is rendered; null when no card
 *                   links a page
 */
public record HookCallRow(
        Instant calledAt,
        String serviceId,
        String hookInstance,
        String patientHash,
        @Nullable String callerIss,
        String knowledgeVersion,
        @Nullable String oligometastatic,
        @Nullable String estroEortcState,
        @Nullable String subtype,
        List<String> recommendations,
        List<String> missingData,
        long latencyMicros,
        List<IssuedCard> cards,
        AssessmentSnapshot.@Nullable Encoded assessment) {

    /** A call whose cards link no full-evidence page. */
    public HookCallRow(
            Instant calledAt,
            String serviceId,
            String hookInstance,
            String patientHash,
            @Nullable String callerIss,
            String knowledgeVersion,
            @Nullable String oligometastatic,
            @Nullable String estroEortcState,
            @Nullable String subtype,
            List<String> recommendations,
            List<String> missingData,
            long latencyMicros,
            List<IssuedCard> cards) {
        this(
                calledAt,
                serviceId,
                hookInstance,
                patientHash,
                callerIss,
                knowledgeVersion,
                oligometastatic,
                estroEortcState,
                subtype,
                recommendations,
                missingData,
                latencyMicros,
                cards,
                null);
    }
}
