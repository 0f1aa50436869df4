package org.ombc.cds.apps.assessment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientCompartment;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.fhir.UnreadableDates;
import org.ombc.cds.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ombc/assessment}: a patient's resources as a FHIR R4 Bundle in, the assessment out. A public
 * contract for screening and analytics (fhir-profiles/assessment.schema.json).
 */
@RestController
public class AssessmentController {

    private final FhirJson fhir;
    private final ChartAssessment pipeline;

    public AssessmentController(FhirJson fhir, ChartAssessment pipeline) {
        this.fhir = fhir;
        this.pipeline = pipeline;
    }

    @PostMapping(
            path = "/ombc/assessment",
            consumes = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public AssessmentJson assess(@RequestBody String body) {
        IBaseResource parsed;
        try {
            parsed = fhir.parse(body);
        } catch (FhirJson.NotFhirException e) {
            throw ApiProblem.badRequest("The body is not valid FHIR R4 JSON.");
        }
        if (!(parsed instanceof Bundle)) {
            throw ApiProblem.badRequest(
                    "The body must be a FHIR Bundle of the patient's resources, not a " + parsed.fhirType() + ".");
        }
        List<FhirEntry> entries = FhirJson.entriesOf(parsed);
        // Whose data (clinical-rules 8): one Patient per Bundle, and only resources that name it are read.
        Set<String> patients = new TreeSet<>();
        Set<String> fullUrls = new LinkedHashSet<>();
        String patientId = null;
        for (FhirEntry entry : entries) {
            if (entry.resource() instanceof Patient patient) {
                String id = patient.getIdElement().getIdPart();
                patients.add(id != null ? "id:" + id : "fullUrl:" + entry.fullUrl());
                patientId = id;
                if (entry.fullUrl() != null) {
                    fullUrls.add(entry.fullUrl());
                }
            }
        }
        if (patients.isEmpty()) {
            throw ApiProblem.badRequest("The Bundle holds no Patient.");
        }
        if (patients.size() > 1) {
            throw ApiProblem.badRequest("The Bundle holds " + patients.size() + " different Patients; send "
                    + "one patient's resources per Bundle.");
        }
        List<Resource> resources = new PatientCompartment(patientId, null, fullUrls)
                .select(entries)
                .kept();
        UnreadableDates.clear(resources);
        return AssessmentJson.of(
                pipeline.assess(patientId, resources, List.of()).assessment());
    }
}
