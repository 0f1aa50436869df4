package org.ombc.cds.outside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.ombc.cds.assessment.AssessmentController;
import org.ombc.cds.assessment.AssessmentJson;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.fhir.PatientDataService;
import org.ombc.cds.fhir.PrefetchTemplates;
import org.ombc.cds.hookjson.CdsHooksModel;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.mapping.FhirToOmbc;
import org.ombc.cds.services.PatientViewService;
import org.ombc.cds.support.Charts;
import org.ombc.cds.support.Fetchers;
import org.ombc.cds.support.Vignettes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * FHIR data written outside this project, run the two ways an EHR reaches the service: as the Bundle of
 * {@code POST /ombc/assessment}, and as the prefetch of the patient-view hook. Both use the vignettes' fixed
 * "today" ({@link Vignettes#CLOCK}), so that a record dated after it is an error in the record, as in production.
 */
final class OutsideCharts {

    static final Path ROOT = Path.of("src", "test", "resources", "outside-data");

    private static final FhirToOmbc MAPPER = new FhirToOmbc(Vignettes.TERMINOLOGY, Vignettes.CLOCK);
    private static final OmbcAssessor ASSESSOR = new OmbcAssessor(Vignettes.TERMINOLOGY.knowledgeVersion(),
            Vignettes.PROFILES.trials());
    private static final AssessmentController API = new AssessmentController(Vignettes.FHIR,
            new ChartAssessment(null, MAPPER, ASSESSOR));
    private static final PatientViewService HOOK = new PatientViewService(
            new PrefetchTemplates(Vignettes.TERMINOLOGY),
            new ChartAssessment(new PatientDataService(Vignettes.FHIR, Fetchers.offline(), null), MAPPER, ASSESSOR),
            Charts.CARDS);
    /** Referenced by MedicationRequest/MedicationStatement.medicationReference: sent as search includes. */
    private static final List<String> MEDICATION_KEYS = List.of("medicationRequests", "medicationStatements");

    private OutsideCharts() {
    }

    /** Every patient Bundle under {@code dir} (each source folder's JSON files), by path relative to it. */
    static List<String> bundles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString()
                            .equals("readings.json"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Bundle as the body of {@code POST /ombc/assessment}. */
    static AssessmentJson viaApi(String bundleJson) {
        return API.assess(bundleJson);
    }

    /** The Bundle's resources as the patient-view prefetch of the EHR's FHIR server, then the hook's answer. */
    static PatientViewService.Outcome viaHook(String bundleJson) {
        JsonNode bundle = Charts.node(bundleJson);
        Map<String, JsonNode> prefetch = prefetch(bundle);
        ObjectNode context = Charts.JSON.createObjectNode().put("userId", "Practitioner/outside-data")
                .put("patientId", prefetch.get("patient").path("id").asText());
        return HOOK.evaluate(new CdsHooksModel.Request(PatientViewService.HOOK, UUID.randomUUID().toString(), null,
                null, context, prefetch, null));
    }

    /**
     * One searchset per prefetch key, each entry with the fullUrl its authors gave it (so {@code urn:uuid:}
     * references still resolve); the Patient entry comes as an {@code _include} of the conditions search, and
     * Medications as includes of the medication searches, as a FHIR server answers {@code _include}.
     * ImagingStudy has no prefetch key: the hook does not see it.
     */
    static Map<String, JsonNode> prefetch(JsonNode bundle) {
        Map<String, ArrayNode> matches = new LinkedHashMap<>();
        Map<String, ArrayNode> includes = new LinkedHashMap<>();
        for (String key : Charts.KEY_OF_TYPE.values()) {
            matches.put(key, Charts.JSON.createArrayNode());
            includes.put(key, Charts.JSON.createArrayNode());
        }
        Map<String, JsonNode> prefetch = new LinkedHashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asText();
            String fullUrl = entry.hasNonNull("fullUrl") ? entry.get("fullUrl").asText()
                    : Charts.SERVER + "/" + type + "/" + resource.path("id").asText();
            if (type.equals("Patient")) {
                prefetch.put("patient", resource);
                includes.get("conditions").add(entry(fullUrl, resource, "include"));
            } else if (type.equals("Medication")) {
                MEDICATION_KEYS.forEach(key -> includes.get(key).add(entry(fullUrl, resource, "include")));
            } else if (Charts.KEY_OF_TYPE.containsKey(type)) {
                matches.get(Charts.KEY_OF_TYPE.get(type)).add(entry(fullUrl, resource, "match"));
            }
        }
        matches.forEach((key, found) -> {
            ObjectNode searchset = Charts.JSON.createObjectNode().put("resourceType", "Bundle")
                    .put("type", "searchset").put("total", found.size());
            ArrayNode entries = searchset.putArray("entry");
            entries.addAll(found);
            entries.addAll(includes.get(key));
            prefetch.put(key, searchset);
        });
        return prefetch;
    }

    private static ObjectNode entry(String fullUrl, JsonNode resource, String mode) {
        ObjectNode entry = Charts.JSON.createObjectNode().put("fullUrl", fullUrl);
        entry.set("resource", resource);
        entry.putObject("search").put("mode", mode);
        return entry;
    }

    /** The data-quality card of a hook answer (its detail opens with the incomplete-assessment sentence), or null. */
    static CdsHooksModel.Card dataQualityCard(List<CdsHooksModel.Card> cards) {
        return cards.stream().filter(c -> c.detail() != null && c.detail().startsWith("The assessment is incomplete"))
                .findFirst().orElse(null);
    }
}
