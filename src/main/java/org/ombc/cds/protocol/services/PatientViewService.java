package org.ombc.cds.protocol.services;

import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PrefetchTemplates;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.springframework.core.annotation.Order;

/** One patient-view call: gather the data, map it, assess it, and answer with cards. First in discovery. */
@Order(1)
public final class PatientViewService implements CdsService {

    public static final String SERVICE_ID = "ombc-patient-view";
    public static final String HOOK = "patient-view";

    private final CdsHooksModel.Service definition;
    private final ChartAssessment chart;
    private final OmbcCards cards;

    public PatientViewService(PrefetchTemplates templates, ChartAssessment chart, OmbcCards cards) {
        this.definition = new CdsHooksModel.Service(
                HOOK,
                "Oligometastatic breast cancer (OMBC) assessment",
                "Finds patients with oligometastatic breast cancer who may be cured by adding metastasis-directed "
                        + "therapy (SABR, surgery, RFA, radiosurgery) to systemic therapy, with the ESTRO-EORTC "
                        + "state, prognostic factors, options and evidence.",
                SERVICE_ID,
                templates.asDiscoveryMap(),
                "Send the prefetch keys listed, or fhirServer with fhirAuthorization so that missing keys can be "
                        + "read; calls carry a JWT signed by a registered issuer (see README).",
                null);
        this.chart = chart;
        this.cards = cards;
    }

    @Override
    public CdsHooksModel.Service definition() {
        return definition;
    }

    @Override
    public HookOutcome evaluate(HookRequest request) {
        ChartAssessment.Result result = HookCharts.assess(chart, request);
        return new HookOutcome(
                result.assessment(), cards.cards(result.assessment(), request.patientId(), result.problems()));
    }
}
