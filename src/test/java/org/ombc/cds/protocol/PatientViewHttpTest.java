package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.CardConformance;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The patient-view service through HTTP: the answers an EHR sees, good and bad. */
@HttpTest
class PatientViewHttpTest {

    private static final String SERVICE = "/cds-services/ombc-patient-view";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ResultActions call(JsonNode body) throws Exception {
        return call(HookRequests.text(body));
    }

    private ResultActions call(String body) throws Exception {
        return mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode cardsOf(ObjectNode request) throws Exception {
        JsonNode response = json.readTree(call(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        CardConformance.assertConformant(response);
        return response.get("cards");
    }

    @Test
    void anOmbcCandidateGetsOneWarningCardWithItsBasisAndTheAssessment() throws Exception {
        JsonNode cards = cardsOf(HookRequests.load("ombc-candidate"));
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        assertThat(card.get("summary").asText())
                .contains("Oligometastatic", "2 lesions", "metachronous oligorecurrence");
        assertThat(card.get("detail").asText())
                .contains(
                        "metachronous oligorecurrence",
                        "2 bone lesions since May 2023",
                        "disease-free interval 50 months",
                        "5-y OS 42%",
                        "NRG-BR002",
                        "OLIGOMA",
                        "https://clinicaltrials.gov/study/NCT04495309")
                .doesNotContain("Condition/", "clinical-rules");
        assertThat(card.at("/source/label").asText()).contains("ombc-cds", "2026.12.0");
        assertThat(card.at("/extension/ombc-assessment/estroEortcState").asText())
                .isEqualTo("metachronous-oligorecurrence");
        assertThat(card.at("/suggestions/0/actions/0/resource/resourceType").asText())
                .isEqualTo("ServiceRequest");
        assertThat(card.at("/suggestions/0/actions/0/resource/subject/reference")
                        .asText())
                .isEqualTo("Patient/ombc-candidate-1");
        assertThat(card.get("overrideReasons")).hasSize(4);
        JsonNode smart = card.at("/links/1");
        assertThat(smart.get("type").asText()).isEqualTo("smart");
        assertThat(smart.get("label").asText()).isEqualTo("Open tumour-board view");
        assertThat(smart.get("url").asText()).endsWith("/smart/launch").startsWith("http");
    }

    @Test
    void aPolymetastaticPatientGetsAnInfoCardWithoutMetastasisDirectedOptions() throws Exception {
        JsonNode card = cardsOf(HookRequests.load("polymetastatic")).get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("info");
        assertThat(card.get("summary").asText()).startsWith("Polymetastatic breast cancer (8 lesions)");
        assertThat(card.at("/extension/ombc-assessment/recommendations")).isEmpty();
        assertThat(card.has("suggestions")).isFalse();
        assertThat(card.get("overrideReasons"))
                .extracting(r -> r.get("code").asText())
                .containsExactly("disagree-with-classification");
    }

    @Test
    void aPatientWithoutBreastCancerGetsSilence() throws Exception {
        assertThat(cardsOf(HookRequests.load("no-breast-cancer"))).isEmpty();
    }

    @Test
    void nullPrefetchMeansNoDataAndIsNotFetched() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ObjectNode prefetch = (ObjectNode) request.get("prefetch");
        prefetch.putNull("medicationRequests");
        prefetch.putNull("diagnosticReports");
        JsonNode card = cardsOf(request).get(0);
        assertThat(card.at("/extension/ombc-assessment/recommendations").toString())
                .contains("staging-imaging");
    }

    @Test
    void missingMedicationDataIsNamedOnTheDataQualityCard() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.get("prefetch")).remove("medicationStatements");
        JsonNode cards = cardsOf(request);
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).get("indicator").asText()).isEqualTo("info");
        assertThat(cards.get(1).get("detail").asText())
                .contains("medicationStatements could not be read (no-fhir-server)");
    }

    @Test
    void aMissingRequiredKeyWithoutFhirServerIs412NamingTheKeys() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.get("prefetch")).remove("conditions");
        ((ObjectNode) request.get("prefetch"))
                .put(
                        "observations",
                        json.readTree(
                                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}"));
        call(request)
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("data-unavailable"))
                .andExpect(jsonPath("$.keys.conditions").value("no-fhir-server"))
                .andExpect(jsonPath("$.keys.observations").value("no-fhir-server"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        call("{\"hook\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-request"))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at org."))));
    }

    @Test
    void missingRequiredFieldsAreEachNamed() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.remove("hookInstance");
        ((ObjectNode) request.get("context")).remove("userId");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.problems[0]").value("hookInstance is required"))
                .andExpect(jsonPath("$.problems[1]").value("context.userId is required and must be a string"));
    }

    @Test
    void aWrongHookIs400() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hook", "order-select");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("hook must be 'patient-view' for this service"));
    }

    @Test
    void anAccessTokenThatCannotTravelInAnAuthorizationHeaderIs400NotA500() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("fhirServer", "http://127.0.0.1:1/fhir");
        request.set(
                "fhirAuthorization",
                json.readTree("{\"access_token\":\"\u7920\u7e75 x\\n\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"patient/*.read\",\"subject\":\"x\"}"));
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RFC 6750 bearer token")));
    }

    @Test
    void fhirAuthorizationWithoutFhirServerIs400() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.set(
                "fhirAuthorization",
                json.readTree(
                        "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"x\"}"));
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("fhirAuthorization is only allowed with fhirServer"));
    }

    @Test
    void aMemberOfTheWrongTypeIs400() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.putArray("fhirServer");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request member 'fhirServer' has the wrong type."))
                .andExpect(jsonPath("$.problems[0]").value("fhirServer has the wrong JSON type"));
        request = HookRequests.load("ombc-candidate");
        request.putArray("prefetch");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("prefetch has the wrong JSON type"));
        // A number is not a token: never turned into the text "123".
        request = HookRequests.load("ombc-candidate");
        request.put("fhirServer", "http://localhost:8080/fhir");
        request.putObject("fhirAuthorization")
                .put("access_token", 123)
                .put("token_type", "Bearer")
                .put("scope", "patient/*.read")
                .put("subject", "ombc-cds");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("fhirAuthorization has the wrong JSON type"));
    }

    @Test
    void prefetchThatIsNotFhirIs400() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.get("prefetch")).set("conditions", json.readTree("{\"resourceType\":\"Nonsense\"}"));
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-prefetch"))
                .andExpect(jsonPath("$.detail").value("prefetch.conditions is not valid FHIR R4 JSON."));
    }

    @Test
    void aPrefetchPatientOtherThanTheContextPatientIsRefused() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.get("context")).put("patientId", "someone-else");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("prefetch Patient is not the patient of context.patientId."));
    }

    @Test
    void anUnknownServiceIs404() throws Exception {
        mvc.perform(post("/cds-services/other")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown-service"));
        mvc.perform(get("/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        mvc.perform(put(SERVICE).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("method-not-allowed"));
    }

    @Test
    void aWrongMediaTypeIs415() throws Exception {
        mvc.perform(post(SERVICE).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported-media-type"));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"hook\":\"patient-view\",\"pad\":\"" + "x".repeat(250_000) + "\"}";
        call(big)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("payload-too-large"));
    }

    @Test
    void theMinimalRequestOfTheDataContractReadmeWorksAsWritten() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("fhir-profiles", "README.md"));
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String request = readme.substring(start, readme.indexOf("```", start));
        JsonNode cards = cardsOf((ObjectNode) json.readTree(request));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).at("/extension/ombc-assessment/oligometastatic").asText())
                .isEqualTo("yes");
        assertThat(cards.get(1).get("detail").asText()).contains("PR status", "HER2 status");
    }

    @Test
    void aRetriedHookInstanceGetsTheSameCards() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        String first = call(request).andReturn().getResponse().getContentAsString();
        String second = call(request).andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        // The embedded database is this process's alone: answers are kept in memory, none written to the table
        // that replicas on a shared database use (each would cost a write per call and a read per call).
        assertThat(jdbc.queryForObject("select count(*) from hook_response", Integer.class))
                .isZero();
    }
}
