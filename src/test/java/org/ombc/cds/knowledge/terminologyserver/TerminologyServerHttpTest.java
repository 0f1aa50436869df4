package org.ombc.cds.knowledge.terminologyserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The patient-view hook with {@code ombc.terminology.server-url} set: a primary coded with a SNOMED descendant our
 * expansions do not hold gets the candidate card when the hospital's server places it, and only the data-quality
 * card naming the code when it does not; the lookups are published for Prometheus.
 */
@HttpTest
class TerminologyServerHttpTest {

    private static final FhirServerStub TERMINOLOGY = new FhirServerStub();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void terminologyServer(DynamicPropertyRegistry properties) {
        properties.add("ombc.terminology.server-url", TERMINOLOGY::baseUrl);
        properties.add("ombc.terminology.timeout", () -> "10s");
    }

    @BeforeEach
    void reset() {
        TERMINOLOGY.server().resetAll();
        TerminologyStubs.answerNoByDefault(TERMINOLOGY.server());
    }

    @AfterAll
    static void stop() {
        TERMINOLOGY.close();
    }

    private ResultActions candidateWithPrimaryCoded(String snomedCode) throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode coding = (ObjectNode) request.at("/prefetch/conditions/entry/0/resource/code/coding/0");
        assertThat(coding.path("code").asText()).as("the example's primary").isEqualTo("254837009");
        coding.put("code", snomedCode).put("display", "Carcinoma of breast, a concept our expansions do not list");
        return mvc.perform(MockMvcRequestBuilders.post("/cds-services/ombc-patient-view")
                .contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(request)));
    }

    @Test
    void aPrimaryTheServerPlacesGetsTheCandidateCard() throws Exception {
        String code = "999000000000456";
        TERMINOLOGY.server().stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, code));

        candidateWithPrimaryCoded(code)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[0].summary")
                        .value(org.hamcrest.Matchers.startsWith("Oligometastatic breast cancer")));

        String metrics = mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics)
                .contains(
                        "ombc_terminology_lookups_total{outcome=\"member\"}",
                        "ombc_terminology_requests_seconds_count{operation=\"subsumes\"}");
    }

    /** clinical-rules 10, "Nothing unknown is silent": the unplaced code is named on the data-quality card. */
    @Test
    void aPrimaryTheServerDoesNotPlaceIsNamedOnTheDataQualityCardOnly() throws Exception {
        candidateWithPrimaryCoded("999000000000789")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards.length()").value(1))
                .andExpect(jsonPath("$.cards[0].summary")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("Oligometastatic"))))
                .andExpect(jsonPath("$.cards[0].detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("with a code the service does not know"),
                                org.hamcrest.Matchers.containsString("999000000000789"))));
    }
}
