package org.ombc.cds.services;

import java.util.List;

import org.ombc.cds.fhir.PatientData;
import org.ombc.cds.fhir.PatientDataService;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.mapping.FhirToOmbc;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.hookjson.CdsHooksModel;

/**
 * The OMBC assessment of the patient in a hook's context, the same for every hook: gather the chart (prefetch,
 * else the FHIR server; whose data and incomplete data as {@link PatientDataService} rules), map it, assess it.
 */
public final class ChartAssessment {

    private final PatientDataService data;
    private final FhirToOmbc mapper;
    private final OmbcAssessor assessor;

    public ChartAssessment(PatientDataService data, FhirToOmbc mapper, OmbcAssessor assessor) {
        this.data = data;
        this.mapper = mapper;
        this.assessor = assessor;
    }

    /** @param problems what could not be read (optional keys, foreign resources, validation issues) */
    public record Result(String patientId, Assessment assessment, List<String> problems) {
    }

    public Result assess(CdsHooksModel.Request request) {
        String patientId = request.context().get("patientId").asText();
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().access_token();
        PatientData patientData = data.gather(patientId, request.prefetch(), request.fhirServer(), token);
        OmbcRecord record = mapper.map(patientData.resources());
        return new Result(patientId, assessor.assess(record), problems(patientData, record));
    }

    /**
     * What the data-quality card names: what could not be obtained, then what the mapper dropped or could not
     * read (clinical-rules 8), each once.
     */
    static List<String> problems(PatientData patientData, OmbcRecord record) {
        java.util.LinkedHashSet<String> problems = new java.util.LinkedHashSet<>(patientData.problems());
        problems.addAll(record.notes());
        return List.copyOf(problems);
    }
}
