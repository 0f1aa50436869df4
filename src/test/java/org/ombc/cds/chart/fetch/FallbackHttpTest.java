package org.ombc.cds.chart.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What an EHR sees when its FHIR server fails the fallback: 412 for required data, a note for optional data. */
@HttpTest
class FallbackHttpTest {

    private static final FhirServerStub FHIR = new FhirServerStub();

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void serveCandidate() {
        FHIR.server().resetAll();
        ObjectNode candidate = HookRequests.load("ombc-candidate");
        FHIR.servePrefetch("ombc-candidate-1", candidate.get("prefetch"));
    }

    @AfterAll
    static void stop() {
        FHIR.close();
    }

    private ResultActions callWithoutPrefetch(String fhirServer) throws Exception {
        ObjectNode request = HookRequests.load("no-prefetch-fhir-server");
        request.put("fhirServer", fhirServer);
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        // A fresh token per call: the query cache is keyed by token, and each test stubs its own failures.
        ((ObjectNode) request.get("fhirAuthorization")).put("access_token", "token-" + java.util.UUID.randomUUID());
        return mvc.perform(MockMvcRequestBuilders.post("/cds-services/ombc-patient-view")
                .contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(request)));
    }

    @Test
    void requiredDataRefusedByTheServerIs412NamingKeyAndReasonButNoToken() throws Exception {
        FHIR.server()
                .stubFor(get(urlPathEqualTo("/fhir/Condition"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(401)));
        callWithoutPrefetch(FHIR.baseUrl())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.error").value("data-unavailable"))
                .andExpect(jsonPath("$.keys.conditions").value("unauthorized"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("token-"))));
    }

    @Test
    void optionalDataThatFailsIsAssessedWithoutAndNamedOnTheDataQualityCard() throws Exception {
        FHIR.server()
                .stubFor(get(urlPathEqualTo("/fhir/MedicationStatement"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        String body = callWithoutPrefetch(FHIR.baseUrl())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("medicationStatements could not be read (server-error)");
    }

    /** The server's mistake, not the client's: 412 for the patient key, never a 400 about "the prefetch". */
    @Test
    void aServerAnsweringAnotherPatientIs412NamingThePatientKey() throws Exception {
        FHIR.server()
                .stubFor(get(urlPathEqualTo("/fhir/Patient/ombc-candidate-1"))
                        .atPriority(1)
                        .willReturn(FhirServerStub.fhir("{\"resourceType\":\"Patient\",\"id\":\"someone-else\"}")));
        callWithoutPrefetch(FHIR.baseUrl())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.keys.patient").value("wrong-patient"));
    }

    @Test
    void aServerOffTheAllowListIs412SayingSo() throws Exception {
        callWithoutPrefetch("http://127.0.0.10:9/fhir")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.keys.patient").value("not-allowed"));
    }

    @Test
    void cacheAndFetchMetricsArePublishedForPrometheus() throws Exception {
        callWithoutPrefetch(FHIR.baseUrl()).andExpect(status().isOk());
        String metrics = mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics)
                .contains(
                        "ombc_fhir_fetch_seconds_count{key=\"conditions\"",
                        "cache_gets_total{cache=\"ombc.fhir.queries\"");
    }
}
