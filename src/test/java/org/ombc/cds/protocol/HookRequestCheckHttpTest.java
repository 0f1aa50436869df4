package org.ombc.cds.protocol;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The one request check in front of every CDS service: the same problems are found for patient-view and
 * order-sign, all named together in one 400 {@code invalid-request} Problem Details body.
 */
@HttpTest
class HookRequestCheckHttpTest {

    private static final String NOT_A_FHIR_ID =
            "context.patientId must be a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-', '.')";

    @Autowired
    MockMvc mvc;

    private ResultActions call(String service, JsonNode body) throws Exception {
        return mvc.perform(post("/cds-services/" + service)
                .contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(body)));
    }

    private static ObjectNode example(String service) {
        return service.equals("ombc-patient-view")
                ? HookRequests.load("ombc-candidate")
                : HookRequests.load(HookRequests.ORDER_SIGN_DIR, "palliative-radiotherapy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ombc-patient-view", "ombc-order-sign"})
    void aPatientIdThatIsNotAFhirIdIs400BeforeItReachesAQueryUrl(String service) throws Exception {
        // Put into Condition?patient={{context.patientId}} of the FHIR fallback, it would ask for another search.
        ObjectNode request = example(service);
        ((ObjectNode) request.get("context")).put("patientId", "p1&_has:Condition:patient:code=x");
        call(service, request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.problems").value(hasItem(NOT_A_FHIR_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ombc-patient-view", "ombc-order-sign"})
    void aPrefetchValueThatIsNotAnObjectIsNamedWithTheOtherProblems(String service) throws Exception {
        ObjectNode request = example(service);
        ((ObjectNode) request.get("prefetch")).put("conditions", "Condition?patient=p1");
        request.put("hookInstance", "not-a-uuid");
        call(service, request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.problems")
                        .value(hasItems(
                                "hookInstance must be a UUID",
                                "prefetch.conditions must be a FHIR resource, a Bundle or null")));
    }

    @Test
    void theOrderSignContextIsCheckedWithTheCommonFieldsInOneAnswer() throws Exception {
        ObjectNode request = example("ombc-order-sign");
        ObjectNode context = (ObjectNode) request.get("context");
        context.remove("draftOrders");
        context.put("patientId", "no spaces allowed");
        call("ombc-order-sign", request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.problems")
                        .value(hasItems(
                                NOT_A_FHIR_ID,
                                "context.draftOrders is required: a FHIR Bundle of the orders being signed")));
    }

    @Test
    void aFhirIdOfTheLongestLengthIsAccepted() throws Exception {
        String id = "A-b.9".repeat(12) + "abcd";
        String body = HookRequests.text(example("ombc-patient-view")).replace("ombc-candidate-1", id);
        mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[0].indicator").value("warning"));
        String tooLong = HookRequests.text(example("ombc-patient-view")).replace("ombc-candidate-1", id + "x");
        mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tooLong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value(NOT_A_FHIR_ID));
    }
}
