package org.ombc.cds.assessment;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.cdshooks.CdsHooksException;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.model.FhirToOmbc;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /ombc/assessment}: a patient's resources as a FHIR R4 Bundle in, the assessment out. A public
 * contract for screening and analytics (fhir-profiles/assessment.schema.json).
 */
@RestController
public class AssessmentController {

    private final FhirJson fhir;
    private final FhirToOmbc mapper;
    private final OmbcAssessor assessor;

    public AssessmentController(FhirJson fhir, FhirToOmbc mapper, OmbcAssessor assessor) {
        this.fhir = fhir;
        this.mapper = mapper;
        this.assessor = assessor;
    }

    @PostMapping(path = "/ombc/assessment", consumes = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public AssessmentJson assess(@RequestBody String body) {
        IBaseResource parsed;
        try {
            parsed = fhir.parse(body);
        } catch (FhirJson.NotFhirException e) {
            throw CdsHooksException.badRequest("The body is not valid FHIR R4 JSON.");
        }
        if (!(parsed instanceof Bundle)) {
            throw CdsHooksException.badRequest("The body must be a FHIR Bundle of the patient's resources, not a "
                    + parsed.fhirType() + ".");
        }
        List<Resource> resources = FhirJson.resourcesOf(parsed);
        if (resources.stream().noneMatch(Patient.class::isInstance)) {
            throw CdsHooksException.badRequest("The Bundle holds no Patient.");
        }
        return AssessmentJson.of(assessor.assess(mapper.map(resources)));
    }
}
