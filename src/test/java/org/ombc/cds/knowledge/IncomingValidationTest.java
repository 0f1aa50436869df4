package org.ombc.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.chart.fetch.PatientData;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.support.Fetchers;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.Vignettes;

/** With ombc.validation.enabled, what breaks our profiles is named on the data-quality card. */
class IncomingValidationTest {

    @Test
    void profileErrorsOfIncomingResourcesAreListedOnTheDataQualityCard() {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ObjectNode count = (ObjectNode) request.at("/prefetch/observations/entry/0/resource");
        assertThat(count.get("id").asText()).isEqualTo("count-1");
        count.remove("valueInteger");
        count.put("valueString", "two");
        Map<String, JsonNode> prefetch = new HashMap<>();
        request.get("prefetch").fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));

        PatientDataService service = new PatientDataService(
                Vignettes.FHIR,
                Fetchers.offline(),
                new FhirProfileValidator(Vignettes.FHIR.context(), Vignettes.PROFILES));
        PatientData data = service.gather("ombc-candidate-1", prefetch, null, null);
        assertThat(data.problems()).anyMatch(p -> p.startsWith("Observation/count-1 is not valid:"));

        var assessment = new org.ombc.cds.logic.OmbcAssessor(
                        Vignettes.TERMINOLOGY.knowledgeVersion(), Vignettes.PROFILES.trials())
                .assess(new org.ombc.cds.chart.mapping.FhirToOmbc(Vignettes.TERMINOLOGY).map(data.resources()));
        var cards = new OmbcCards(Vignettes.FHIR, new ObjectMapper(), Vignettes.TERMINOLOGY, "ombc-cds")
                .cards(assessment, "ombc-candidate-1", data.problems());
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).detail()).contains("Observation/count-1 is not valid");
        assertThat(cards.get(1).detail()).contains("lesion-count");
    }

    @Test
    void withoutValidationNothingIsListed() {
        ObjectNode request = HookRequests.load("ombc-candidate");
        Map<String, JsonNode> prefetch = new HashMap<>();
        request.get("prefetch").fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));
        PatientDataService service = new PatientDataService(Vignettes.FHIR, null, null);
        assertThat(service.gather("ombc-candidate-1", prefetch, null, null).problems())
                .isEmpty();
    }
}
