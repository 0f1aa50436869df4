package org.ombc.cds.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.chart.fetch.FhirFetcher;
import org.ombc.cds.chart.fetch.PatientData;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.protocol.json.CdsHooksModel;

/** A chart as an EHR sends it in prefetch, and the hook's pipeline (gather, map, assess, cards) without Spring. */
public final class Charts {

    public static final String SERVER = "http://ehr.example.org/fhir";
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final FhirToOmbc MAPPER = new FhirToOmbc(Vignettes.TERMINOLOGY);
    public static final OmbcAssessor ASSESSOR =
            new OmbcAssessor(Vignettes.TERMINOLOGY.knowledgeVersion(), Vignettes.PROFILES.trials());
    public static final OmbcCards CARDS = new OmbcCards(Vignettes.FHIR, JSON, Vignettes.TERMINOLOGY, "ombc-cds");

    /** The prefetch key that carries a resource type. */
    public static final Map<String, String> KEY_OF_TYPE = Map.of(
            "Condition",
            "conditions",
            "Observation",
            "observations",
            "MedicationRequest",
            "medicationRequests",
            "MedicationStatement",
            "medicationStatements",
            "Procedure",
            "procedures",
            "DiagnosticReport",
            "diagnosticReports");

    private Charts() {}

    /** Every key present: the Patient alone, the rest as searchset Bundles (empty when the chart has none). */
    public static Map<String, JsonNode> prefetch(List<? extends Resource> resources) {
        Map<String, List<Resource>> byKey = searchResults(resources);
        Map<String, JsonNode> prefetch = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (r instanceof Patient) {
                prefetch.put("patient", node(Vignettes.FHIR.encode(r)));
            }
        }
        byKey.forEach((key, list) -> prefetch.put(key, node(Vignettes.FHIR.encode(searchset(list, list.size())))));
        return prefetch;
    }

    /** The search results of each key (every key, possibly empty), in chart order. */
    public static Map<String, List<Resource>> searchResults(List<? extends Resource> resources) {
        Map<String, List<Resource>> byKey = new LinkedHashMap<>();
        for (String key : List.of(
                "conditions",
                "observations",
                "medicationRequests",
                "medicationStatements",
                "procedures",
                "diagnosticReports")) {
            byKey.put(key, new ArrayList<>());
        }
        for (Resource r : resources) {
            String key = KEY_OF_TYPE.get(r.fhirType());
            if (key != null) {
                byKey.get(key).add(r);
            }
        }
        return byKey;
    }

    /** A searchset page holding {@code resources}, with {@code total}. */
    public static Bundle searchset(List<Resource> resources, int total) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(total);
        for (Resource r : resources) {
            bundle.addEntry()
                    .setFullUrl(
                            SERVER + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
                    .setResource(r)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    public static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one hook call concludes and shows. */
    public record Hook(PatientData data, Assessment assessment, List<CdsHooksModel.Card> cards) {}

    public static Hook hook(FhirFetcher fetcher, String patientId, Map<String, JsonNode> prefetch, String fhirServer) {
        PatientData data = new PatientDataService(Vignettes.FHIR, fetcher, null)
                .gather(patientId, new HashMap<>(prefetch), fhirServer, null);
        Assessment assessment = ASSESSOR.assess(MAPPER.map(data.resources()));
        return new Hook(data, assessment, CARDS.cards(assessment, patientId, data.problems()));
    }
}
