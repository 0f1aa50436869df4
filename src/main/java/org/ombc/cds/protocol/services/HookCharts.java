package org.ombc.cds.protocol.services;

import org.ombc.cds.chart.ChartAssessment;

/** The chart of the patient in a hook's context: her prefetch, the rest from the hook's FHIR server. */
final class HookCharts {

    private HookCharts() {}

    static ChartAssessment.Result assess(ChartAssessment pipeline, HookRequest request) {
        return pipeline.assess(request.patientId(), request.prefetch(), request.fhirServer(), request.accessToken());
    }
}
