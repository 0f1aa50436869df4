package org.ombc.cds.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.knowledge.Terminology;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine-readable description of the HTTP API at {@code /v3/api-docs} (every profile; Swagger UI in the
 * sandbox only). Paths are described here, by path, rather than with annotations on the controllers: the
 * controllers stay about behaviour, and a new endpoint under {@code /ombc/} or {@code /cds-services} without a
 * description here fails {@code OpenApiTest}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String CDS_HOOKS = "CDS Hooks 2.0";
    static final String ASSESSMENT = "Assessment";
    static final String GOVERNANCE = "Governance";
    static final String CARD_PAGES = "Card pages";
    static final String CDS_JWT = "cdsHooksJwt";
    static final String ADMIN_TOKEN = "adminToken";

    private record Doc(
            String tag,
            String summary,
            String description,
            @Nullable String security) {}

    /** Longest prefix first: the first match describes the path. */
    private static final List<Map.Entry<String, Doc>> DOCS = List.of(
            Map.entry(
                    "/cds-services/{id}/feedback",
                    new Doc(
                            CDS_HOOKS,
                            "CDS Hooks feedback",
                            "CDS Hooks 2.0 feedback (https://cds-hooks.hl7.org/2.0/#feedback): {\"feedback\": [{card, "
                                    + "outcome, acceptedSuggestions, overrideReason, outcomeTimestamp}]}. All items are "
                                    + "stored or none; 400 names each invalid item; 503 with Retry-After when the database "
                                    + "is down.",
                            CDS_JWT)),
            Map.entry(
                    "/cds-services/{id}",
                    new Doc(
                            CDS_HOOKS,
                            "Call a CDS service",
                            "A CDS Hooks 2.0 service call (https://cds-hooks.hl7.org/2.0/#calling-a-cds-service): the "
                                    + "hook request in, {\"cards\": [...]} out. The service is ombc-patient-view (hook "
                                    + "patient-view); see the discovery document for its prefetch templates. Errors: 400, "
                                    + "401, 412 (required data cannot be obtained), 413.",
                            CDS_JWT)),
            Map.entry(
                    "/cds-services",
                    new Doc(
                            CDS_HOOKS,
                            "Discovery",
                            "The CDS Hooks 2.0 discovery document (https://cds-hooks.hl7.org/2.0/#discovery): the services "
                                    + "and their prefetch templates.",
                            null)),
            Map.entry(
                    "/ombc/assessment",
                    new Doc(
                            ASSESSMENT,
                            "Assess one patient",
                            "A FHIR R4 Bundle of one patient's resources in (application/fhir+json or application/json), "
                                    + "the assessment JSON out (JSON Schema: fhir-profiles/assessment.schema.json). "
                                    + "Not part of CDS Hooks.",
                            CDS_JWT)),
            Map.entry(
                    "/ombc/worklist",
                    new Doc(
                            ASSESSMENT,
                            "Worklist of a FHIR server's population",
                            "{\"fhirServer\": URL} in: a FHIR Bulk Data export of that server (on ombc.fhir.allowed-servers), "
                                    + "then every patient assessed as /ombc/assessment assesses her; text/csv, one row per "
                                    + "patient, or text/html, the coordinator's page of candidates (docs/worklist.md). "
                                    + "Errors: 400 (no or a disallowed server), 401, 502 (the export was refused, failed, "
                                    + "too large or too slow).",
                            ADMIN_TOKEN)),
            Map.entry(
                    "/ombc/feedback/summary",
                    new Doc(
                            GOVERNANCE,
                            "Feedback per recommendation",
                            "Per recommendation: cards shown, accepted, overridden, and the override reasons given.",
                            ADMIN_TOKEN)),
            Map.entry(
                    "/ombc/feedback",
                    new Doc(
                            GOVERNANCE,
                            "Stored feedback",
                            "Feedback items received in [from, to) (ISO 8601 instants), oldest first.",
                            ADMIN_TOKEN)),
            Map.entry(
                    "/ombc/rules",
                    new Doc(
                            CARD_PAGES,
                            "The clinical rules applied",
                            "The clinical rules of this build (docs/clinical-rules.md) as an HTML page, linked from every "
                                    + "main card. Public: no token, no patient data.",
                            null)),
            Map.entry(
                    "/ombc/cards/",
                    new Doc(
                            CARD_PAGES,
                            "A card's full page",
                            "The full detail and evidence of an issued card, opened from the card's link. The signed URL is "
                                    + "the capability (no JWT: a browser opened from the EHR has none); unsigned, tampered "
                                    + "or expired links are 404.",
                            null)));

    @Bean
    OpenApiCustomizer ombcOpenApi(Terminology terminology, ObjectProvider<BuildProperties> build) {
        return api -> {
            BuildProperties properties = build.getIfAvailable();
            api.info(new Info()
                    .title("ombc-cds")
                    .version(properties == null ? "development" : properties.getVersion())
                    .description("CDS Hooks 2.0 service for oligometastatic breast cancer, knowledge version "
                            + terminology.knowledgeVersion() + ". The CDS Hooks endpoints follow the CDS Hooks 2.0 "
                            + "specification, which is their normative description; the others are this "
                            + "service's own.")
                    .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
            api.tags(List.of(
                    new Tag()
                            .name(CDS_HOOKS)
                            .description("Endpoints of the CDS Hooks 2.0 specification "
                                    + "(https://cds-hooks.hl7.org/2.0/): discovery, the service call, feedback."),
                    new Tag().name(ASSESSMENT).description("The assessment of a FHIR Bundle, outside CDS Hooks."),
                    new Tag().name(GOVERNANCE).description("What clinicians did with the cards (admin token)."),
                    new Tag().name(CARD_PAGES).description("Pages linked from cards.")));
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes(
                    CDS_JWT,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("A CDS Hooks client JWT signed by a "
                                    + "registered issuer (https://cds-hooks.hl7.org/2.0/#trusting-cds-clients); not needed "
                                    + "in the sandbox profile."));
            components.addSecuritySchemes(
                    ADMIN_TOKEN,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("ombc.audit.admin-token"));
            api.components(components);
            if (api.getPaths() != null) {
                api.getPaths().forEach(OpenApiConfiguration::describe);
            }
        };
    }

    private static void describe(String path, PathItem item) {
        Doc doc = DOCS.stream()
                .filter(d -> d.getKey().endsWith("/") ? path.startsWith(d.getKey()) : path.equals(d.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (doc == null) {
            return;
        }
        item.readOperationsMap().forEach((method, operation) -> {
            describe(
                    operation,
                    doc,
                    path.startsWith("/cds-services/") && method == PathItem.HttpMethod.GET ? null : doc.security());
            if (path.equals("/cds-services/{id}") && method == PathItem.HttpMethod.POST) {
                hookBodies(operation);
            }
        });
    }

    /**
     * The hook endpoint reads and writes raw JSON bytes (parsed once, written once), which springdoc would describe
     * as base64 strings: the bodies are JSON objects of the CDS Hooks 2.0 specification, its normative schema.
     */
    private static void hookBodies(Operation operation) {
        operation.setRequestBody(
                new RequestBody()
                        .required(true)
                        .content(
                                new Content()
                                        .addMediaType(
                                                "application/json",
                                                new MediaType()
                                                        .schema(
                                                                new ObjectSchema()
                                                                        .description(
                                                                                "A CDS Hooks 2.0 request: hook, hookInstance (UUID), context, prefetch, fhirServer, "
                                                                                        + "fhirAuthorization (https://cds-hooks.hl7.org/2.0/#http-request)")))));
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("{\"cards\": [...]} (https://cds-hooks.hl7.org/2.0/#cds-service-response)")
                                .content(new Content()
                                        .addMediaType("application/json", new MediaType().schema(new ObjectSchema()))));
        for (var error : Map.of(
                        "400",
                        "the request is not a valid CDS Hooks 2.0 call: problems names each fault",
                        "401",
                        "no or an invalid JWT: check names the class",
                        "412",
                        "required data could not be obtained: keys names each prefetch key and why",
                        "413",
                        "the body is larger than ombc.max-request-bytes")
                .entrySet()) {
            responses.addApiResponse(
                    error.getKey(),
                    new ApiResponse()
                            .description("RFC 9457 problem details: " + error.getValue())
                            .content(new Content()
                                    .addMediaType(
                                            "application/problem+json", new MediaType().schema(new ObjectSchema()))));
        }
        operation.setResponses(responses);
    }

    private static void describe(Operation operation, Doc doc, @Nullable String security) {
        operation.setTags(List.of(doc.tag()));
        operation.setSummary(doc.summary());
        operation.setDescription(doc.description());
        if (security != null) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(security)));
        }
    }
}
