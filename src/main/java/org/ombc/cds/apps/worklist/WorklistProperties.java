package org.ombc.cds.apps.worklist;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The worklist's Bulk Data export from an EHR ({@code POST /ombc/worklist}); the allow-list, the request deadline
 * and the size of kick-off and status answers are the FHIR fallback's ({@code ombc.fhir.*}).
 *
 * @param maxFileBytes  one NDJSON file of an export larger than this stops the run ({@code too-large})
 * @param exportTimeout the whole export, kick-off to the last file; a server still working after it is a
 *                      {@code timeout}
 * @param maxRetryAfter the longest wait between status polls, whatever {@code Retry-After} the server asks for
 * @param clientId      our client id at the EHR for SMART Backend Services; unset: exports are requested without
 *                      a token (open servers, the sandbox)
 * @param privateKeyFile the private JWK (RSA, or EC P-384) registered with that client id
 * @param scope         the scopes asked for
 */
@ConfigurationProperties("ombc.worklist")
public record WorklistProperties(
        @DefaultValue("1GB") DataSize maxFileBytes,
        @DefaultValue("30m") Duration exportTimeout,
        @DefaultValue("60s") Duration maxRetryAfter,
        @Nullable String clientId,
        @Nullable Path privateKeyFile,

        @DefaultValue("system/Patient.read system/Condition.read system/Observation.read "
                + "system/MedicationRequest.read system/MedicationStatement.read "
                + "system/Procedure.read system/DiagnosticReport.read")
        String scope) {}
