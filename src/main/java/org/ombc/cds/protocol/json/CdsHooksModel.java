package org.ombc.cds.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The CDS Hooks 2.0 JSON model (https://cds-hooks.hl7.org/2.0/). Records serialise exactly per the spec; null
 * members are omitted, so optional members never appear as {@code null}. {@code @Nullable} marks what the spec makes
 * optional; in what a client sends ({@link Request}, {@link FhirAuthorization}) every member may be missing until
 * the request check has looked.
 */
public final class CdsHooksModel {

    private CdsHooksModel() {}

    /** The discovery document: {@code GET /cds-services}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discovery(List<Service> services) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(
            String hook,
            @Nullable String title,
            String description,
            String id,
            @Nullable Map<String, String> prefetch,
            @Nullable String usageRequirements,
            @Nullable Map<String, Object> extension) {}

    /** A hook call. {@code context} and {@code prefetch} stay JSON: their shape depends on the hook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            @Nullable String hook,
            @Nullable String hookInstance,
            @Nullable String fhirServer,
            @Nullable FhirAuthorization fhirAuthorization,
            @Nullable JsonNode context,
            @Nullable Map<String, JsonNode> prefetch,
            @Nullable Map<String, Object> extension) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FhirAuthorization(
            @Nullable String access_token,
            @Nullable String token_type,
            @Nullable Long expires_in,
            @Nullable String scope,
            @Nullable String subject,
            @Nullable String patient) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(List<Card> cards, @Nullable List<Action> systemActions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(
            @Nullable String uuid,
            String summary,
            @Nullable String detail,
            String indicator,
            Source source,
            @Nullable List<Suggestion> suggestions,
            @Nullable String selectionBehavior,
            @Nullable List<Coding> overrideReasons,
            @Nullable List<Link> links,
            @Nullable Map<String, Object> extension) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(
            String label,
            @Nullable String url,
            @Nullable String icon,
            @Nullable Coding topic) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(
            String system, String code, @Nullable String display) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(
            String label,
            @Nullable String uuid,
            @Nullable Boolean isRecommended,
            @Nullable List<Action> actions) {}

    /** {@code resource} is a FHIR resource as JSON; {@code resourceId} names one for a delete. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            String type,
            String description,
            @Nullable JsonNode resource,
            @Nullable String resourceId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(
            String label,
            String url,
            String type,
            @Nullable String appContext,
            @Nullable Boolean autolaunchable) {}
}
