package org.ombc.cds.services;

import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.hookjson.CdsHooksModel;

/** The chart of the patient in a hook's context: her prefetch, the rest from the hook's FHIR server. */
final class HookCharts {

    private HookCharts() {
    }

    static ChartAssessment.Result assess(ChartAssessment pipeline, CdsHooksModel.Request request) {
        String patientId = request.context().get("patientId").asText();
        String token = request.fhirAuthorization() == null ? null : request.fhirAuthorization().access_token();
        return pipeline.assess(patientId, request.prefetch(), request.fhirServer(), token);
    }
}
