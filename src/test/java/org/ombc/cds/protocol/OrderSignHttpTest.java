package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.SandboxStore;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.support.CardConformance;
import org.ombc.cds.support.DraftOrders;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The order-sign service through HTTP: what an EHR sees when it signs orders, good and bad input. */
@HttpTest
class OrderSignHttpTest {

    private static final String SERVICE = "/cds-services/ombc-order-sign";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FhirJson fhir;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions call(JsonNode body) throws Exception {
        return mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content(HookRequests.text(body)));
    }

    private JsonNode answer(ObjectNode request) throws Exception {
        JsonNode response = json.readTree(call(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        CardConformance.assertConformant(response);
        return response;
    }

    private static ObjectNode palliativeExample() {
        ObjectNode request = HookRequests.load(HookRequests.ORDER_SIGN_DIR, "palliative-radiotherapy");
        request.put("hookInstance", UUID.randomUUID().toString());
        return request;
    }

    /** A request for {@code chart} with its full prefetch, as an EHR would send it. */
    private ObjectNode request(PatientBundle chart, DraftOrders drafts) throws Exception {
        ObjectNode request = json.createObjectNode();
        request.put("hookInstance", UUID.randomUUID().toString());
        request.put("hook", "order-sign");
        ObjectNode context = request.putObject("context");
        context.put("userId", "Practitioner/onc-1");
        context.put("patientId", chart.patientId());
        context.set("draftOrders", json.readTree(fhir.encode(drafts.bundle())));
        ObjectNode prefetch = request.putObject("prefetch");
        SandboxStore store = new SandboxStore(List.of(), Map.of("vignette", chart.bundle()));
        store.prefetch(chart.patientId()).forEach((key, resource) -> {
            try {
                prefetch.set(key, json.readTree(fhir.encode(resource)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return request;
    }

    @Test
    void anOligometastaticPatientsPalliativeRadiotherapyGetsTheWarningCard() throws Exception {
        JsonNode card = answer(palliativeExample()).at("/cards/0");
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        assertThat(card.get("summary").asText()).contains("before palliative RT");
        assertThat(card.at("/suggestions/0/actions/0/resource/subject/reference")
                        .asText())
                .isEqualTo("Patient/ombc-candidate-1");
        assertThat(card.at("/extension/ombc-order-sign/orders/0").asText()).isEqualTo("ServiceRequest/rt-1");
    }

    @Test
    void draftOrdersForAnotherPatientAre400() throws Exception {
        ObjectNode request = palliativeExample();
        ((ObjectNode) request.at("/context/draftOrders/entry/0/resource/subject"))
                .put("reference", "Patient/someone-else");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("invalid-draft-orders"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another patient")));
    }

    /** Clinical rules 8 and 9: one whose-data rule, the same reference forms as the prefetch. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patient/someone-else",
                "Patient/someone-else/_history/2",
                "http://other-ehr.example/fhir/Patient/ombc-candidate-1",
                "https://ehr.example/Patient/someone-else",
                "Patient/ombc-candidate-1/_history/1/../../Patient/someone-else"
            })
    void anOrderNamingAnotherPatientInAnyFormIs400(String reference) throws Exception {
        ObjectNode request = palliativeExample();
        ((ObjectNode) request.at("/context/draftOrders/entry/0/resource/subject")).put("reference", reference);
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-draft-orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/ombc-candidate-1", "Patient/ombc-candidate-1/_history/3"})
    void anOrderNamingThisPatientGetsTheWarning(String reference) throws Exception {
        ObjectNode request = palliativeExample();
        ((ObjectNode) request.at("/context/draftOrders/entry/0/resource/subject")).put("reference", reference);
        call(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[0].indicator").value("warning"));
    }

    @Test
    void anOrderThatNamesNoPatientIsLeftOutAndGetsNoCard() throws Exception {
        ObjectNode request = palliativeExample();
        ((ObjectNode) request.at("/context/draftOrders/entry/0/resource/subject")).put("reference", "Group/ward-7");
        call(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[?(@.indicator == 'warning')]").isEmpty());
    }

    @Test
    void missingDraftOrdersAre400NamingTheField() throws Exception {
        ObjectNode request = palliativeExample();
        ((ObjectNode) request.get("context")).remove("draftOrders");
        call(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-request"))
                .andExpect(jsonPath("$.problems[0]")
                        .value(org.hamcrest.Matchers.containsString("context.draftOrders is required")));
    }

    @Test
    void draftOrdersThatAreNotABundleAre400() throws Exception {
        ObjectNode notABundle = palliativeExample();
        ((ObjectNode) notABundle.get("context"))
                .set("draftOrders", notABundle.at("/context/draftOrders/entry/0/resource"));
        call(notABundle)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("must be a FHIR Bundle")));

        ObjectNode aString = palliativeExample();
        ((ObjectNode) aString.get("context")).put("draftOrders", "ServiceRequest/rt-1");
        call(aString)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("must be a FHIR Bundle")));

        ObjectNode broken = palliativeExample();
        ((ObjectNode) broken.at("/context/draftOrders")).put("entry", "not an array");
        call(broken)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid-draft-orders"))
                .andExpect(jsonPath("$.detail").value("context.draftOrders is not valid FHIR R4 JSON."));
    }

    @Test
    void orderSignIsRefusedOnThePatientViewServiceAndTheOtherWayRound() throws Exception {
        call(palliativeExample().put("hook", "patient-view"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("hook must be 'order-sign' for this service"));
        mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(palliativeExample())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void newlyOligometastaticWithSystemicTherapyAloneGetsTheInfoCard() throws Exception {
        String onset = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        PatientBundle chart = PatientBundle.patient("os-new-1")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(2, onset)
                .imaging(onset);
        JsonNode cards = answer(
                        request(chart, DraftOrders.forPatient("os-new-1").systemicTherapy("mr-1", "72965")))
                .get("cards");
        assertThat(cards).hasSize(1);
        assertThat(cards.at("/0/indicator").asText()).isEqualTo("info");
        assertThat(cards.at("/0/detail").asText()).contains("diagnosed 20 days ago", "letrozole");

        JsonNode withSabr = answer(request(
                        chart,
                        DraftOrders.forPatient("os-new-1")
                                .systemicTherapy("mr-1", "72965")
                                .curativeSabr("sabr-1")))
                .get("cards");
        assertThat(withSabr).isEmpty();
    }

    /**
     * A draft order is never treatment given: the same draft letrozole, also listed in the chart's
     * MedicationRequests (status draft), leaves the ESTRO-EORTC state "not on therapy at the OMD date".
     */
    @Test
    void aDraftOrderDoesNotCountAsTherapyGiven() throws Exception {
        String onset = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        DraftOrders drafts = DraftOrders.forPatient("os-new-2").systemicTherapy("mr-2", "72965");
        ((org.hl7.fhir.r4.model.MedicationRequest) drafts.resources().get(0))
                .setAuthoredOnElement(new org.hl7.fhir.r4.model.DateTimeType(onset));
        PatientBundle chart = PatientBundle.patient("os-new-2")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(2, onset)
                .imaging(onset);
        chart.add(drafts.resources().get(0).copy());
        JsonNode card = answer(request(chart, drafts)).at("/cards/0");
        assertThat(card.at("/extension/ombc-assessment/estroEortcState").asText())
                .isEqualTo("metachronous-oligorecurrence");
    }

    @Test
    void feedbackOnAnOrderSignCardIsTakenOnlyByTheOrderSignService() throws Exception {
        JsonNode card = answer(palliativeExample()).at("/cards/0");
        String uuid = card.get("uuid").asText();
        String item = "{\"feedback\":[{\"card\":\"" + uuid + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                + "\"2026-11-27T08:00:00Z\",\"overrideReason\":{\"reason\":{\"system\":"
                + "\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"urgent-palliation-needed\"}}}]}";
        mvc.perform(post("/cds-services/ombc-patient-view/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(item))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("not a card this service issued")));
        mvc.perform(post(SERVICE + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(item))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1));
        // The audit knows which service issued the card, also once the in-memory index has forgotten it.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForList(
                                        "select h.service_id from issued_card c"
                                                + " join hook_call h on h.id = c.hook_call_id where c.uuid = ?",
                                        String.class,
                                        uuid)
                                .size()
                        == 1);
        assertThat(jdbc.queryForObject(
                        "select h.service_id from issued_card c join hook_call h"
                                + " on h.id = c.hook_call_id where c.uuid = ?",
                        String.class,
                        uuid))
                .isEqualTo("ombc-order-sign");
    }

    @Test
    void aPatientViewOverrideReasonDoesNotFitTheOrderSignCard() throws Exception {
        String uuid = answer(palliativeExample()).at("/cards/0/uuid").asText();
        String item = "{\"feedback\":[{\"card\":\"" + uuid + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":"
                + "\"2026-11-27T08:00:00Z\",\"overrideReason\":{\"reason\":{\"system\":"
                + "\"http://ombc-cds.org/fhir/CodeSystem/ombc\",\"code\":\"local-therapy-planned\"}}}]}";
        mvc.perform(post(SERVICE + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(item))
                .andExpect(status().isBadRequest());
    }
}
