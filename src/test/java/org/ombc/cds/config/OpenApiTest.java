package org.ombc.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An integrator reads the API from /v3/api-docs: every endpoint of ours is there, described and tagged. */
@HttpTest
class OpenApiTest {

    private static final Set<String> TAGS = Set.of(
            OpenApiConfiguration.CDS_HOOKS,
            OpenApiConfiguration.ASSESSMENT,
            OpenApiConfiguration.GOVERNANCE,
            OpenApiConfiguration.CARD_PAGES);

    @Autowired
    MockMvc mvc;

    private JsonNode docs() throws Exception {
        return new ObjectMapper()
                .readTree(mvc.perform(get("/v3/api-docs"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    @Test
    void theApiDescriptionListsTheCdsHooksEndpointsAndOurOwn() throws Exception {
        JsonNode paths = docs().get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .contains(
                        "/cds-services",
                        "/cds-services/{id}",
                        "/cds-services/{id}/feedback",
                        "/ombc/assessment",
                        "/ombc/feedback",
                        "/ombc/feedback/summary");
        assertThat(names)
                .as("sandbox and FHIR endpoints are not part of the API")
                .allMatch(p -> p.startsWith("/cds-services") || p.startsWith("/ombc/"));
        assertThat(paths.at("/~1cds-services~1{id}/post/tags/0").asText()).isEqualTo(OpenApiConfiguration.CDS_HOOKS);
        assertThat(paths.at("/~1cds-services~1{id}~1feedback/post/tags/0").asText())
                .isEqualTo(OpenApiConfiguration.CDS_HOOKS);
        assertThat(paths.at("/~1cds-services/get/tags/0").asText()).isEqualTo(OpenApiConfiguration.CDS_HOOKS);
        assertThat(paths.at("/~1ombc~1assessment/post/tags/0").asText()).isEqualTo(OpenApiConfiguration.ASSESSMENT);
        assertThat(paths.at("/~1ombc~1feedback/get/tags/0").asText()).isEqualTo(OpenApiConfiguration.GOVERNANCE);
    }

    @Test
    void everyOperationIsTaggedAndDescribed() throws Exception {
        docs().get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String at = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    assertThat(op.getValue().path("tags").path(0).asText())
                            .as(at + " tag")
                            .isIn(TAGS);
                    assertThat(op.getValue().path("description").asText())
                            .as(at + " description")
                            .isNotBlank();
                }));
    }

    /** The hook reads and writes raw bytes: a generated client must still send JSON, not base64. */
    @Test
    void theHookBodiesAreJsonObjectsAndItsErrorsProblemDetails() throws Exception {
        JsonNode hook = docs().at("/paths/~1cds-services~1{id}/post");
        assertThat(hook.at("/requestBody/content/application~1json/schema/type").asText())
                .isEqualTo("object");
        assertThat(hook.at("/responses/200/content/application~1json/schema/type")
                        .asText())
                .isEqualTo("object");
        assertThat(hook.toString()).doesNotContain("\"format\":\"byte\"");
        for (String status : List.of("400", "401", "412", "413")) {
            assertThat(hook.at("/responses/" + status + "/content").has("application/problem+json"))
                    .as(status)
                    .isTrue();
        }
    }

    @Test
    void callsThatCarryPatientDataNameTheJwtAndTheSpecification() throws Exception {
        JsonNode api = docs();
        assertThat(api.at("/paths/~1cds-services~1{id}/post/security/0").has(OpenApiConfiguration.CDS_JWT))
                .isTrue();
        assertThat(api.at("/paths/~1ombc~1assessment/post/security/0").has(OpenApiConfiguration.CDS_JWT))
                .isTrue();
        assertThat(api.at("/paths/~1ombc~1feedback/get/security/0").has(OpenApiConfiguration.ADMIN_TOKEN))
                .isTrue();
        assertThat(api.at("/components/securitySchemes/" + OpenApiConfiguration.CDS_JWT + "/bearerFormat")
                        .asText())
                .isEqualTo("JWT");
        assertThat(api.at("/tags").toString()).contains("https://cds-hooks.hl7.org/2.0/");
        assertThat(api.at("/info/license/name").asText()).isEqualTo("Apache-2.0");
    }

    @Test
    void theSandboxServesSwaggerUi() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
