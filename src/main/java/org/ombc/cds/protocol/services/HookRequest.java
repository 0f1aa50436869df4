package org.ombc.cds.protocol.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CDS Hooks request that passed the one request check of the endpoint: the services read the patient, the FHIR
 * server and its token from here and never from the raw JSON again.
 *
 * @param patientId   {@code context.patientId}, a FHIR id (R4 {@code id}: 1 to 64 of {@code A-Za-z0-9-.})
 * @param context     the whole context object, for the fields particular to one hook ({@code draftOrders})
 * @param prefetch    each value a JSON object or JSON null ("no such data"); null when the client sent none
 * @param fhirServer  an absolute http(s) base URL, or null
 * @param accessToken the bearer token for {@code fhirServer}, or null
 */
public record HookRequest(
        String hook,
        String hookInstance,
        String patientId,
        JsonNode context,
        @Nullable Map<String, JsonNode> prefetch,
        @Nullable String fhirServer,
        @Nullable String accessToken) {}
