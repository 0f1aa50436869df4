package org.ombc.cds.chart.fetch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;

/**
 * The prefetch templates of our discovery document, also the queries of the FHIR fallback. Observation and
 * DiagnosticReport queries name the codes we read, taken from our ValueSets, so an EHR never sends a chart's
 * thousands of vital signs.
 */
public final class PrefetchTemplates {

    public static final String PATIENT_ID = "{{context.patientId}}";

    private final Map<PrefetchKey, String> templates;

    public PrefetchTemplates(Terminology terminology) {
        List<String> observationCodes = new ArrayList<>();
        for (ValueSetId vs : ValueSetId.OBSERVATION_QUESTIONS) {
            observationCodes.addAll(terminology.listedTokens(vs));
        }
        Map<PrefetchKey, String> t = new EnumMap<>(PrefetchKey.class);
        t.put(PrefetchKey.PATIENT, "Patient/" + PATIENT_ID);
        t.put(PrefetchKey.CONDITIONS, "Condition?patient=" + PATIENT_ID);
        t.put(
                PrefetchKey.OBSERVATIONS,
                "Observation?patient=" + PATIENT_ID + "&code=" + String.join(",", observationCodes));
        t.put(PrefetchKey.MEDICATION_REQUESTS, "MedicationRequest?patient=" + PATIENT_ID);
        t.put(PrefetchKey.MEDICATION_STATEMENTS, "MedicationStatement?patient=" + PATIENT_ID);
        t.put(PrefetchKey.PROCEDURES, "Procedure?patient=" + PATIENT_ID);
        t.put(
                PrefetchKey.DIAGNOSTIC_REPORTS,
                "DiagnosticReport?patient=" + PATIENT_ID + "&category="
                        + String.join(",", terminology.listedTokens(ValueSetId.IMAGING_CATEGORY)));
        this.templates = t;
    }

    /** The templates as the discovery document lists them, in key order. */
    public Map<String, String> asDiscoveryMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (PrefetchKey key : PrefetchKey.values()) {
            map.put(key.key(), templates.get(key));
        }
        return map;
    }

    /** The query for one patient: the template with the id filled in. */
    public String query(PrefetchKey key, String patientId) {
        return Objects.requireNonNull(templates.get(key), "a template per key").replace(PATIENT_ID, patientId);
    }
}
