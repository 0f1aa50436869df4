package org.ombc.cds.logic.ordersign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.cards.OrderSignCards;
import org.ombc.cds.chart.mapping.DraftOrderReader;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.ordersign.OrderSignAdvice.Kind;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.support.CardConformance;
import org.ombc.cds.support.DraftOrders;
import org.ombc.cds.support.Vignettes;

/**
 * clinical-rules 9 vignettes: the chart is assessed as patient-view assesses it, the draft orders are read as the
 * service reads them, and every answer is checked as a CDS Hooks response.
 */
class OrderSignVignettesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DraftOrderReader READER = new DraftOrderReader(Vignettes.TERMINOLOGY);
    private static final OrderSignCards CARDS = new OrderSignCards(
            new OmbcCards(Vignettes.FHIR, JSON, Vignettes.TERMINOLOGY, "ombc-cds test"), Vignettes.TERMINOLOGY);

    /** Luminal primary 2016, two bone lesions since 2021: oligometastatic, metachronous oligorecurrence. */
    private static PatientBundle oligometastatic(String id) {
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(2, "2021-03-01")
                .imaging("2021-03-01");
    }

    /** The same patient whose two bone lesions were found 30 days ago. */
    private static PatientBundle newlyOligometastatic(String id) {
        String onset = TODAY.minusDays(30).toString();
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(2, onset)
                .imaging(onset);
    }

    private static PatientBundle polymetastatic(String id) {
        return PatientBundle.patient(id)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .boneLesions(8, "2021-03-01")
                .imaging("2021-03-01");
    }

    private record Answer(OrderSignAdvice advice, List<CdsHooksModel.Card> cards) {
        CdsHooksModel.Card card() {
            assertThat(cards).hasSize(1);
            return cards.get(0);
        }
    }

    /** The JSON text the EHR receives, read back: suggestions carry HAPI's JSON as written (raw). */
    private static JsonNode asSent(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Answer sign(PatientBundle chart, DraftOrders drafts) {
        Assessment assessment = Vignettes.assess(chart);
        OrderSignAdvice advice = OrderSignRules.advise(assessment, READER.read(drafts.resources()), TODAY);
        List<CdsHooksModel.Card> cards = CARDS.cards(advice, assessment, chart.patientId(), List.of());
        JsonNode response = asSent(new CdsHooksModel.Response(cards, null));
        CardConformance.assertConformant(response);
        for (CdsHooksModel.Card card : cards) {
            assertThat(card.detail().length())
                    .as("detail short enough to read before signing")
                    .isLessThanOrEqualTo(1200);
        }
        return new Answer(advice, cards);
    }

    // -- the vignettes the issue names ---------------------------------------------------------------------------

    @Test
    void oligometastaticWithPalliativeRadiotherapyGetsAWarningToDiscussAtTumourBoardFirst() {
        Answer answer = sign(oligometastatic("o1"), DraftOrders.forPatient("o1").palliativeRadiotherapy("rt-1"));
        assertThat(answer.advice().kind()).isEqualTo(Kind.PALLIATIVE_RADIOTHERAPY);
        CdsHooksModel.Card card = answer.card();
        assertThat(card.indicator()).isEqualTo("warning");
        assertThat(card.summary()).contains("Oligometastatic", "SABR", "tumour board", "palliative RT");
        assertThat(card.detail())
                .contains(
                        "\"is often considered for palliative purposes rather than curative intent\"",
                        "5-y overall survival 42% with SABR vs 18%",
                        "NRG-BR002",
                        "radiotherapy ordered with palliative intent");
        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Refer to the multidisciplinary tumour board");
            // As the EHR reads it: the action's resource in the JSON answer.
            assertThat(asSent(s).at("/actions/0/resource/subject/reference").asText())
                    .isEqualTo("Patient/o1");
        });
        assertThat(card.overrideReasons())
                .extracting(CdsHooksModel.Coding::code)
                .contains("urgent-palliation-needed", "discussed-at-tumour-board")
                .doesNotContain("local-therapy-planned");
        assertThat(card.extension()).containsKey(OrderSignCards.EXTENSION_KEY);
        assertThat(answer.advice().orders()).containsExactly("ServiceRequest/rt-1");
    }

    @Test
    void radiotherapyWithCurativeIntentStatedGetsNoCard() {
        Answer answer = sign(oligometastatic("o2"), DraftOrders.forPatient("o2").curativeSabr("sabr-1"));
        assertThat(answer.advice().kind()).isEqualTo(Kind.NONE);
        assertThat(answer.cards()).isEmpty();
    }

    @Test
    void radiotherapyWithNoIntentStatedGetsTheWarning() {
        Answer answer = sign(oligometastatic("o3"), DraftOrders.forPatient("o3").radiotherapyWithoutIntent("rt-3"));
        assertThat(answer.card().indicator()).isEqualTo("warning");
        assertThat(answer.card().summary()).contains("RT intent not stated", "tumour board");
        assertThat(answer.advice().facts()).contains("radiotherapy ordered without a stated intent");
    }

    @Test
    void polymetastaticWithPalliativeRadiotherapyGetsNoCard() {
        Answer answer = sign(polymetastatic("p1"), DraftOrders.forPatient("p1").palliativeRadiotherapy("rt-p"));
        assertThat(answer.cards()).isEmpty();
    }

    @Test
    void newlyOligometastaticWithSystemicTherapyAloneGetsAnInfoCardSuggestingTheTumourBoard() {
        Answer answer =
                sign(newlyOligometastatic("n1"), DraftOrders.forPatient("n1").systemicTherapy("mr-1", "1601374"));
        assertThat(answer.advice().kind()).isEqualTo(Kind.SYSTEMIC_THERAPY_ALONE);
        CdsHooksModel.Card card = answer.card();
        assertThat(card.indicator()).isEqualTo("info");
        assertThat(card.summary()).contains("Newly oligometastatic", "systemic therapy alone", "tumour board");
        assertThat(card.detail())
                .contains("diagnosed 30 days ago", "palbociclib", "\"we cannot miss this opportunity\"")
                .doesNotContain("sender's own name");
        assertThat(card.suggestions()).singleElement().satisfies(s -> assertThat(s.label())
                .isEqualTo("Refer to the multidisciplinary tumour board"));
        assertThat(card.overrideReasons())
                .extracting(CdsHooksModel.Coding::code)
                .contains("local-therapy-planned")
                .doesNotContain("urgent-palliation-needed");
    }

    @Test
    void newlyOligometastaticWithSystemicTherapyAndSabrDraftedGetsNoCard() {
        Answer answer = sign(
                newlyOligometastatic("n2"),
                DraftOrders.forPatient("n2").systemicTherapy("mr-2", "72965").curativeSabr("sabr-2"));
        assertThat(answer.cards()).isEmpty();
    }

    // -- the edges next to them ----------------------------------------------------------------------------------

    @Test
    void systemicTherapyAloneForDiseaseFoundMoreThan90DaysAgoGetsNoCard() {
        Answer answer = sign(oligometastatic("o4"), DraftOrders.forPatient("o4").systemicTherapy("mr-4", "72965"));
        assertThat(answer.cards()).isEmpty();
    }

    @Test
    void theNinetyDayWindowIncludesItsLastDayOnly() {
        assertThat(OrderSignRules.newlyOligometastatic(TODAY.minusDays(90), TODAY))
                .isTrue();
        assertThat(OrderSignRules.newlyOligometastatic(TODAY.minusDays(91), TODAY))
                .isFalse();
        assertThat(OrderSignRules.newlyOligometastatic(null, TODAY)).isFalse();
    }

    @Test
    void systemicTherapyWithSurgeryOfTheMetastasisPlannedGetsNoCard() {
        org.hl7.fhir.r4.model.ServiceRequest surgery = new org.hl7.fhir.r4.model.ServiceRequest();
        surgery.setId("surg-1");
        surgery.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.DRAFT);
        surgery.setCode(PatientBundle.code("http://www.ama-assn.org/go/cpt", "47120"));
        Answer answer = sign(
                newlyOligometastatic("n3"),
                DraftOrders.forPatient("n3").systemicTherapy("mr-3", "72965").add(surgery));
        assertThat(answer.cards()).isEmpty();
    }

    @Test
    void aPalliativeIntentCodedAsCategoryCountsAsPalliative() {
        Answer answer = sign(
                oligometastatic("o5"),
                DraftOrders.forPatient("o5").radiotherapyWithCategory("rt-5", DraftOrders.PALLIATIVE));
        assertThat(answer.card().summary()).contains("before palliative RT");
    }

    @Test
    void aCurativeIntentCodedAsCategoryIsRespected() {
        Answer answer = sign(
                oligometastatic("o6"),
                DraftOrders.forPatient("o6").radiotherapyWithCategory("rt-6", DraftOrders.CURATIVE));
        assertThat(answer.cards()).isEmpty();
    }

    @Test
    void contradictoryIntentIsReadAsUnknownAndStillWarns() {
        org.hl7.fhir.r4.model.ServiceRequest rt = (org.hl7.fhir.r4.model.ServiceRequest) DraftOrders.forPatient("o7")
                .radiotherapyWithCategory("rt-7", DraftOrders.PALLIATIVE)
                .resources()
                .get(0);
        rt.addReasonCode(PatientBundle.sct(DraftOrders.CURATIVE));
        assertThat(READER.intent(rt)).isEqualTo(TreatmentIntent.UNKNOWN);
        Answer answer = sign(oligometastatic("o7"), DraftOrders.forPatient("o7").add(rt));
        assertThat(answer.card().indicator()).isEqualTo("warning");
    }

    @Test
    void aCurativeCategoryDoesNotSilenceAContradictoryExtension() {
        org.hl7.fhir.r4.model.ServiceRequest rt = (org.hl7.fhir.r4.model.ServiceRequest) DraftOrders.forPatient("o7b")
                .palliativeRadiotherapy("rt-7b")
                .resources()
                .get(0);
        rt.addExtension(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-intent",
                PatientBundle.sct(DraftOrders.CURATIVE));
        rt.addCategory(PatientBundle.sct(DraftOrders.CURATIVE));
        assertThat(READER.intent(rt)).isEqualTo(TreatmentIntent.UNKNOWN);
        assertThat(sign(oligometastatic("o7b"), DraftOrders.forPatient("o7b").add(rt))
                        .card()
                        .indicator())
                .isEqualTo("warning");
    }

    @Test
    void aCurativeExtensionWithAPalliativeReasonIsAContradictionThatStillWarns() {
        org.hl7.fhir.r4.model.ServiceRequest rt = (org.hl7.fhir.r4.model.ServiceRequest) DraftOrders.forPatient("o7c")
                .radiotherapyWithCategory("rt-7c", DraftOrders.PALLIATIVE)
                .resources()
                .get(0);
        rt.addExtension(
                "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-intent",
                PatientBundle.sct(DraftOrders.CURATIVE));
        assertThat(READER.intent(rt)).isEqualTo(TreatmentIntent.UNKNOWN);
    }

    @Test
    void ordersOfUnknownKindsAreIgnoredSilently() {
        DraftOrders drafts =
                DraftOrders.forPatient("o8").labOrder("lab-1").add(new org.hl7.fhir.r4.model.NutritionOrder());
        PlannedOrders planned = READER.read(drafts.resources());
        assertThat(planned.ignored()).isEqualTo(2);
        assertThat(sign(oligometastatic("o8"), drafts).cards()).isEmpty();
    }

    @Test
    void aCancelledRadiotherapyOrderIsNotBeingSigned() {
        DraftOrders drafts = DraftOrders.forPatient("o9").palliativeRadiotherapy("rt-9");
        ((org.hl7.fhir.r4.model.ServiceRequest) drafts.resources().get(0))
                .setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.REVOKED);
        assertThat(sign(oligometastatic("o9"), drafts).cards()).isEmpty();
    }

    @Test
    void noMetastasisOrNoBreastCancerGetsNoCard() {
        PatientBundle primaryOnly =
                PatientBundle.patient("m0").primary("2016-01-01").luminal("2016-01-10");
        assertThat(sign(primaryOnly, DraftOrders.forPatient("m0").palliativeRadiotherapy("rt-m"))
                        .cards())
                .isEmpty();
        assertThat(sign(
                                PatientBundle.patient("c0"),
                                DraftOrders.forPatient("c0").palliativeRadiotherapy("rt-c"))
                        .cards())
                .isEmpty();
    }

    @Test
    void indeterminateLesionCountGetsNoCard() {
        PatientBundle chart = PatientBundle.patient("i1")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .metastasis("m-1", PatientBundle.sct("94222008"), "2021-03-01")
                .imaging("2021-03-01");
        org.hl7.fhir.r4.model.Observation count =
                chart.observation(PatientBundle.code(PatientBundle.OMBC, "metastatic-lesion-count"), null);
        count.addFocus(new org.hl7.fhir.r4.model.Reference("Condition/m-1"));
        count.setValue(new org.hl7.fhir.r4.model.StringType("several"));
        chart.add(count);
        assertThat(Vignettes.assess(chart).oligometastatic().code()).isEqualTo("indeterminate");
        assertThat(sign(chart, DraftOrders.forPatient("i1").palliativeRadiotherapy("rt-i"))
                        .cards())
                .isEmpty();
    }

    @Test
    void withoutSabrAmongTheOptionsTheSummarySaysLocalTherapy() {
        PatientBundle brainOnly = PatientBundle.patient("b1")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .metastasis("brain-1", PatientBundle.sct("94225005"), "2021-03-01")
                .imaging("2021-03-01");
        Answer answer = sign(brainOnly, DraftOrders.forPatient("b1").radiotherapyWithoutIntent("rt-b"));
        assertThat(answer.card().summary())
                .contains("curative-intent local therapy")
                .doesNotContain("SABR")
                .hasSizeLessThan(140);
    }
}
