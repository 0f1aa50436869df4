package org.ombc.cds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.ordersign.OrderSignAdvice;
import org.ombc.cds.protocol.json.CdsHooksModel.Card;
import org.ombc.cds.protocol.json.CdsHooksModel.Suggestion;
import org.ombc.cds.support.Vignettes;

/**
 * The draft ServiceRequests a clinician accepts from a card: they point only at records by their FHIR ids, and the
 * tumour-board referral names the disease as the card's summary does.
 */
class SuggestionResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OmbcCards CARDS = new OmbcCards(
            Vignettes.FHIR,
            JSON,
            Vignettes.TERMINOLOGY,
            "ombc-cds",
            uuid -> Optional.of("https://cds.example/ombc/cards/" + uuid + "?sig=x"));
    private static final OrderSignCards ORDER_SIGN = new OrderSignCards(CARDS, Vignettes.TERMINOLOGY);
    private static final OrderSignAdvice PALLIATIVE_RT = new OrderSignAdvice(
            OrderSignAdvice.Kind.PALLIATIVE_RADIOTHERAPY,
            List.of("ServiceRequest/rt-1"),
            List.of("radiotherapy ordered with palliative intent"));
    private static final String NOT_AN_ID = "<script>alert(1)</script>";

    /** Two bone lesions since 2021 after a luminal primary: oligometastatic, referral and staging suggested. */
    private static PatientBundle oligometastatic(String patientId, String lesionId) {
        return PatientBundle.patient(patientId)
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .metastasis(lesionId, sct("94222008"), "2021-03-01")
                .metastasis("bone-b", sct("94222008"), "2021-03-01");
    }

    @Test
    void aConditionWhoseIdIsNotAFhirIdIsNotReferencedButTheSuggestionStays() {
        Assessment a = Vignettes.assess(oligometastatic("pat-1", NOT_AN_ID));
        Card main = CARDS.cards(a, "pat-1", List.of()).get(0);
        assertThat(main.suggestions()).as("referral and staging").hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode request : requests(main)) {
            assertThat(request.toString()).doesNotContain("script");
            assertThat(request.at("/subject/reference").asText()).isEqualTo("Patient/pat-1");
            assertThat(request.get("reasonReference"))
                    .extracting(r -> r.get("reference").asText())
                    .containsExactly("Condition/bone-b");
        }
    }

    @Test
    void aPatientIdThatIsNotAFhirIdLeavesTheSuggestionsOutButNotTheCard() {
        Assessment a = Vignettes.assess(oligometastatic("pat-2", "bone-a"));
        List<Card> cards = CARDS.cards(a, NOT_AN_ID, List.of());
        assertThat(cards).isNotEmpty();
        assertThat(cards.get(0).summary()).startsWith("Oligometastatic");
        assertThat(cards.get(0).suggestions()).isNull();
        assertThat(cards.get(0).selectionBehavior()).isNull();
        assertThat(CARDS.cards(a, "x".repeat(65), List.of()).get(0).suggestions())
                .as("longer than 64")
                .isNull();
    }

    @Test
    void theOrderSignReferralFollowsTheSameRule() {
        Assessment a = Vignettes.assess(oligometastatic("pat-3", NOT_AN_ID));
        Card card = ORDER_SIGN.cards(PALLIATIVE_RT, a, "pat-3", List.of()).get(0);
        assertThat(requests(card)).singleElement().satisfies(request -> {
            assertThat(request.toString()).doesNotContain("script");
            assertThat(request.get("reasonReference"))
                    .extracting(r -> r.get("reference").asText())
                    .containsExactly("Condition/bone-b");
        });
        Card unidentified =
                ORDER_SIGN.cards(PALLIATIVE_RT, a, NOT_AN_ID, List.of()).get(0);
        assertThat(unidentified.suggestions()).isNull();
        assertThat(unidentified.selectionBehavior()).isNull();
    }

    /** Clinical-rules 6: sternal-only or contralateral axillary disease is regional, and the referral says so. */
    @Test
    void theReferralOfRegionalDiseaseCallsItRegionalAsTheSummaryDoes() {
        Assessment sternum = Vignettes.assess(PatientBundle.patient("sternum")
                .primary("2019-06-01")
                .luminal("2019-06-03")
                .imaging("2022-06-01")
                .metastasis("sternum-a", icd("C79.51"), sct("56873002"), "2022-06-01"));
        Card main = CARDS.cards(sternum, "sternum", List.of()).get(0);
        assertThat(main.summary()).contains("regional disease");
        Suggestion referral = main.suggestions().get(0);
        String text = referral.label() + "\n" + referral.actions().get(0).description() + "\n"
                + requests(main).get(0).at("/code/text").asText();
        assertThat(text)
                .contains("regional")
                .containsIgnoringCase("sternal")
                .doesNotContainIgnoringCase("oligometastatic");
        Card orderSign =
                ORDER_SIGN.cards(PALLIATIVE_RT, sternum, "sternum", List.of()).get(0);
        assertThat(requests(orderSign).get(0).at("/code/text").asText())
                .contains("regional")
                .doesNotContainIgnoringCase("oligometastatic");
    }

    @Test
    void theReferralOfOligometastaticDiseaseStillSaysOligometastatic() {
        Card main = CARDS.cards(Vignettes.assess(oligometastatic("pat-4", "bone-a")), "pat-4", List.of())
                .get(0);
        assertThat(requests(main).get(0).at("/code/text").asText())
                .contains("oligometastatic")
                .doesNotContain("regional");
    }

    /** The ServiceRequests as the EHR receives them (HAPI's JSON, written raw into the answer). */
    private static List<JsonNode> requests(Card card) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonNode sent = JSON.readTree(JSON.writeValueAsString(card));
            for (JsonNode suggestion : sent.path("suggestions")) {
                out.add(suggestion.at("/actions/0/resource"));
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
