package org.ombc.cds.outside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's Bundle as the patient-view prefetch an EHR's FHIR server would answer: one searchset per key, each
 * entry with the fullUrl its authors gave it (so {@code urn:uuid:} references still resolve), the Patient entry as
 * an {@code _include} of the conditions search and Medications as includes of the medication searches.
 * ImagingStudy has no prefetch key: the hook does not see it.
 */
final class HookPrefetch {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Where an entry without a fullUrl is said to come from. */
    static final String SERVER = "http://ehr.example.org/fhir";

    private static final Map<String, String> KEY_OF_TYPE = Map.of(
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
    private static final List<String> MEDICATION_KEYS = List.of("medicationRequests", "medicationStatements");

    private HookPrefetch() {}

    static Map<String, JsonNode> of(JsonNode bundle) {
        Map<String, ArrayNode> matches = new LinkedHashMap<>();
        Map<String, ArrayNode> includes = new LinkedHashMap<>();
        for (String key : List.of(
                "conditions",
                "observations",
                "medicationRequests",
                "medicationStatements",
                "procedures",
                "diagnosticReports")) {
            matches.put(key, JSON.createArrayNode());
            includes.put(key, JSON.createArrayNode());
        }
        Map<String, JsonNode> prefetch = new LinkedHashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asText();
            String fullUrl = entry.hasNonNull("fullUrl")
                    ? entry.get("fullUrl").asText()
                    : SERVER + "/" + type + "/" + resource.path("id").asText();
            if (type.equals("Patient")) {
                prefetch.put("patient", resource);
                includes.get("conditions").add(entry(fullUrl, resource, "include"));
            } else if (type.equals("Medication")) {
                MEDICATION_KEYS.forEach(key -> includes.get(key).add(entry(fullUrl, resource, "include")));
            } else if (KEY_OF_TYPE.containsKey(type)) {
                matches.get(KEY_OF_TYPE.get(type)).add(entry(fullUrl, resource, "match"));
            }
        }
        matches.forEach((key, found) -> {
            ObjectNode searchset = JSON.createObjectNode()
                    .put("resourceType", "Bundle")
                    .put("type", "searchset")
                    .put("total", found.size());
            ArrayNode entries = searchset.putArray("entry");
            entries.addAll(found);
            entries.addAll(includes.get(key));
            prefetch.put(key, searchset);
        });
        return prefetch;
    }

    /** The patient-view context: the patient is the one the prefetch's Patient names. */
    static ObjectNode context(Map<String, JsonNode> prefetch) {
        return JSON.createObjectNode()
                .put("userId", "Practitioner/outside-data")
                .put("patientId", prefetch.get("patient").path("id").asText());
    }

    /** The patient-view request carrying {@code prefetch}, as an EHR sends it. */
    static ObjectNode request(Map<String, JsonNode> prefetch, String hookInstance) {
        ObjectNode request = JSON.createObjectNode().put("hook", "patient-view").put("hookInstance", hookInstance);
        request.set("context", context(prefetch));
        ObjectNode keys = request.putObject("prefetch");
        prefetch.forEach(keys::set);
        return request;
    }

    private static ObjectNode entry(String fullUrl, JsonNode resource, String mode) {
        ObjectNode entry = JSON.createObjectNode().put("fullUrl", fullUrl);
        entry.set("resource", resource);
        entry.putObject("search").put("mode", mode);
        return entry;
    }
}
