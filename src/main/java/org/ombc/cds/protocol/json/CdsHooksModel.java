package org.ombc.cds.protocol.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CDS Hooks 2.0 JSON model (https://cds-hooks.hl7.org/2.0/). Records serialise exactly per the spec; null
 * members are omitted, so optional members never appear as {@code null}.
 */
public final class CdsHooksModel {

    private CdsHooksModel() {
    }

    /** The discovery document: {@code GET /cds-services}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discovery(List<Service> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String hook, String title, String description, String id, Map<String, String> prefetch,
                          String usageRequirements, Map<String, Object> extension) {
    }

    /** A hook call. {@code context} and {@code prefetch} stay JSON: their shape depends on the hook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                          JsonNode context, Map<String, JsonNode> prefetch, Map<String, Object> extension) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirAuthorization(String access_token, String token_type, Long expires_in, String scope,
                                    String subject, String patient) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(List<Card> cards, List<Action> systemActions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String uuid, String summary, String detail, String indicator, Source source,
                       List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons,
                       List<Link> links, Map<String, Object> extension) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url, String icon, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
    }

    /** {@code resource} is a FHIR resource as JSON; {@code resourceId} names one for a delete. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String description, JsonNode resource, String resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String label, String url, String type, String appContext, Boolean autolaunchable) {
    }
}
