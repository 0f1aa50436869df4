package org.ombc.cds.apps.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.HttpTest;
import org.ombc.cds.support.Vignettes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@HttpTest
class AssessmentApiHttpTest {

    private static final List<String> CONTRACT = List.of(
            "breastCancer",
            "metastatic",
            "lesionCount",
            "organCount",
            "sites",
            "oligometastatic",
            "estroEortcState",
            "subtype",
            "diseaseFreeIntervalMonths",
            "favorableFactors",
            "unfavorableFactors",
            "recommendations",
            "missingData",
            "trials",
            "knowledgeVersion");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aBundleInGivesTheAssessmentWithExactlyTheContractNames() throws Exception {
        String bundle = Vignettes.FHIR.encode(PatientBundle.patient("api-1")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .imaging("2022-06-01")
                .boneLesions(2, "2022-06-01")
                .bundle());
        String body = mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content(bundle))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.oligometastatic").value("yes"))
                .andExpect(jsonPath("$.estroEortcState").value("metachronous-oligorecurrence"))
                .andExpect(jsonPath("$.lesionCount").value(2))
                .andExpect(jsonPath("$.recommendations[0]").value("clinical-trial"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode node = json.readTree(body);
        assertThat(node.fieldNames()).toIterable().containsExactlyElementsOf(CONTRACT);
    }

    @Test
    void aPatientWithoutBreastCancerGetsFalseAndNulls() throws Exception {
        String bundle = Vignettes.FHIR.encode(PatientBundle.patient("api-2").bundle());
        mvc.perform(post("/ombc/assessment")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bundle))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.breastCancer").value(false))
                .andExpect(jsonPath("$.metastatic").value(false))
                .andExpect(jsonPath("$.lesionCount").isEmpty())
                .andExpect(jsonPath("$.oligometastatic").isEmpty())
                .andExpect(jsonPath("$.subtype").isEmpty())
                .andExpect(jsonPath("$.sites").isEmpty())
                .andExpect(jsonPath("$.recommendations").isEmpty());
    }

    @Test
    void invalidFhirOrNoPatientIs400() throws Exception {
        mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content("{\"resourceType\":\"Bundle\",\"entry\":7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body is not valid FHIR R4 JSON."));
        mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content("not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The Bundle holds no Patient."));
        mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content("{\"resourceType\":\"Patient\",\"id\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-request"));
    }
}
