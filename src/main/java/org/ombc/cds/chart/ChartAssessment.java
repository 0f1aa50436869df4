package org.ombc.cds.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.chart.fetch.PatientData;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.knowledge.TerminologyExtension;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.model.OmbcRecord;

/**
 * The one chart pipeline every entry point uses (hooks, the assessment API, the tumour-board view, the worklist):
 * gather the chart (prefetch, else the FHIR server; whose data and incomplete data as {@link PatientDataService}
 * rules), widen the terminology for it where a site's terminology server is configured, map it, assess it, and
 * keep what could not be read for the data-quality card.
 */
public final class ChartAssessment {

    private final PatientDataService data;
    private final FhirToOmbc mapper;
    private final OmbcAssessor assessor;
    private final TerminologyExtension terminologyExtension;

    public ChartAssessment(PatientDataService data, FhirToOmbc mapper, OmbcAssessor assessor) {
        this(data, mapper, assessor, TerminologyExtension.NONE);
    }

    public ChartAssessment(
            PatientDataService data,
            FhirToOmbc mapper,
            OmbcAssessor assessor,
            TerminologyExtension terminologyExtension) {
        this.data = data;
        this.mapper = mapper;
        this.assessor = assessor;
        this.terminologyExtension = terminologyExtension;
    }

    /**
     * One chart assessed, with what could not be read.
     *
     * @param patientId the patient in context; null only where the resources alone name her (the assessment API)
     * @param problems  what could not be read (optional keys, foreign resources, validation issues), then what the
     *                  mapper dropped or could not read, each once: the data-quality card shows them
     */
    public record Result(@Nullable String patientId, Assessment assessment, List<String> problems) {}

    /**
     * A patient's chart from what the caller sent (a hook's prefetch), the rest from the EHR's FHIR server.
     *
     * @param prefetch    the hook's prefetch by key; empty where nothing was sent (the tumour-board view), null when
     *                    the hook client sent no prefetch member
     * @param fhirServer  where missing keys are read from; null when the caller gave none
     * @param accessToken the bearer token for {@code fhirServer}
     * @throws org.ombc.cds.chart.fetch.DataUnavailableException when a required part of the chart cannot be obtained
     */
    public Result assess(
            String patientId,
            @Nullable Map<String, JsonNode> prefetch,
            @Nullable String fhirServer,
            @Nullable String accessToken) {
        long started = System.nanoTime();
        PatientData chart = data.gather(patientId, prefetch, fhirServer, accessToken);
        return assess(patientId, chart.resources(), chart.problems(), started);
    }

    /**
     * Resources already narrowed to one patient (the assessment API's Bundle, a worklist's group).
     *
     * @param problems what the caller could not read before mapping
     */
    public Result assess(@Nullable String patientId, List<? extends IBaseResource> resources, List<String> problems) {
        return assess(patientId, resources, problems, System.nanoTime());
    }

    private Result assess(
            @Nullable String patientId, List<? extends IBaseResource> resources, List<String> problems, long started) {
        OmbcRecord record = mapper.using(terminologyExtension.extend(mapper.terminology(), resources, started))
                .map(resources);
        return new Result(patientId, assessor.assess(record), problems(problems, record));
    }

    /** What could not be obtained, then what the mapper dropped or could not read (clinical-rules 8), each once. */
    public static List<String> problems(List<String> obtained, OmbcRecord record) {
        LinkedHashSet<String> named = new LinkedHashSet<>(obtained);
        named.addAll(record.notes());
        return List.copyOf(named);
    }

    public static List<String> problems(PatientData chart, OmbcRecord record) {
        return problems(chart.problems(), record);
    }
}
