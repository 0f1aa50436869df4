package org.ombc.cds.audit;

import java.time.Instant;
import java.util.List;

/** One audited hook call: codes and hashes only, never the patient's id, name or dates. */
public record HookCallRow(Instant calledAt, String serviceId, String hookInstance, String patientHash,
                          String callerIss, String knowledgeVersion, String oligometastatic, String estroEortcState,
                          String subtype, List<String> recommendations, List<String> missingData, long latencyMicros,
                          List<IssuedCard> cards) {
}
