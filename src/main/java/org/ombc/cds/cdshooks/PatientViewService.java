package org.ombc.cds.cdshooks;

import java.util.List;

import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.cdshooks.CdsHooksModel.Card;
import org.ombc.cds.fhir.PatientData;
import org.ombc.cds.fhir.PatientDataService;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.model.FhirToOmbc;
import org.ombc.cds.model.OmbcRecord;

/** One patient-view call: gather the data, map it, assess it, and answer with cards. */
public final class PatientViewService {

    private final PatientDataService data;
    private final FhirToOmbc mapper;
    private final OmbcAssessor assessor;
    private final OmbcCards cards;

    public PatientViewService(PatientDataService data, FhirToOmbc mapper, OmbcAssessor assessor, OmbcCards cards) {
        this.data = data;
        this.mapper = mapper;
        this.assessor = assessor;
        this.cards = cards;
    }

    /** The outcome of one call: what was concluded and what is shown. */
    public record Outcome(Assessment assessment, List<Card> cards) {
    }

    public Outcome evaluate(CdsHooksModel.Request request) {
        String patientId = request.context().get("patientId").asText();
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().access_token();
        PatientData patientData = data.gather(patientId, request.prefetch(), request.fhirServer(), token);
        OmbcRecord record = mapper.map(patientData.resources());
        Assessment assessment = assessor.assess(record);
        return new Outcome(assessment, cards.cards(assessment, patientId, patientData.problems()));
    }
}
