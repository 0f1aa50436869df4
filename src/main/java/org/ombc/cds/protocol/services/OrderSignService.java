package org.ombc.cds.protocol.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.cards.OrderSignCards;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientCompartment;
import org.ombc.cds.chart.fetch.PrefetchTemplates;
import org.ombc.cds.chart.mapping.DraftOrderReader;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.ordersign.OrderSignAdvice;
import org.ombc.cds.logic.ordersign.OrderSignRules;
import org.ombc.cds.logic.ordersign.PlannedOrders;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.web.ApiProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * One order-sign call (clinical-rules 9): read the draft orders, assess the chart exactly as patient-view does,
 * and speak only when palliative radiotherapy, or systemic therapy alone, is about to be signed for a patient who
 * is oligometastatic. The draft orders are never added to the chart: an order is not treatment given. Second in
 * discovery, after patient-view.
 */
@Order(2)
public final class OrderSignService implements CdsService {

    public static final String SERVICE_ID = "ombc-order-sign";
    public static final String HOOK = "order-sign";
    static final String DRAFT_ORDERS = "draftOrders";

    private final CdsHooksModel.Service definition;
    private final ChartAssessment chart;
    private final FhirJson fhir;
    private final DraftOrderReader reader;
    private final OrderSignCards cards;
    private final Clock clock;

    public OrderSignService(
            PrefetchTemplates templates,
            ChartAssessment chart,
            FhirJson fhir,
            DraftOrderReader reader,
            OrderSignCards cards,
            Clock clock) {
        this.definition = new CdsHooksModel.Service(
                HOOK,
                "OMBC check of orders being signed",
                "When palliative radiotherapy, or systemic therapy alone for new disease, is about to be signed for "
                        + "a patient with oligometastatic breast cancer, suggests the tumour board first: "
                        + "curative-intent local therapy (SABR, surgery) may apply.",
                SERVICE_ID,
                templates.asDiscoveryMap(),
                "context.draftOrders is a FHIR R4 Bundle of the draft ServiceRequests and MedicationRequests being "
                        + "signed. Send the prefetch keys listed, or fhirServer with fhirAuthorization; calls carry "
                        + "a JWT signed by a registered issuer (see README).",
                null);
        this.chart = chart;
        this.fhir = fhir;
        this.reader = reader;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public CdsHooksModel.Service definition() {
        return definition;
    }

    @Override
    public List<String> contextProblems(JsonNode context) {
        JsonNode drafts = context.get(DRAFT_ORDERS);
        if (drafts == null || drafts.isNull()) {
            return List.of("context.draftOrders is required: a FHIR Bundle of the orders being signed");
        }
        if (!drafts.isObject() || !"Bundle".equals(drafts.path("resourceType").asText())) {
            return List.of("context.draftOrders must be a FHIR Bundle (resourceType 'Bundle')");
        }
        return List.of();
    }

    @Override
    public HookOutcome evaluate(HookRequest request) {
        String patientId = request.patientId();
        PlannedOrders planned =
                reader.read(draftOrders(request.context().get(DRAFT_ORDERS), patientId, request.fhirServer()));
        ChartAssessment.Result result = HookCharts.assess(chart, request);
        OrderSignAdvice advice = OrderSignRules.advise(result.assessment(), planned, LocalDate.now(clock));
        return new HookOutcome(
                result.assessment(), cards.cards(advice, result.assessment(), patientId, result.problems()));
    }

    /**
     * This patient's draft orders, by the one whose-data rule of every path ({@link PatientCompartment}, clinical
     * rules 8): an order naming another patient is refused (400, clinical rules 9), since cards about one patient's
     * orders must never be computed beside another's chart; orders that name no patient (missing subject, a Group,
     * an identifier or display only) are left out.
     */
    private List<Resource> draftOrders(JsonNode drafts, String patientId, @Nullable String fhirServer) {
        IBaseResource parsed;
        try {
            parsed = fhir.parse(drafts);
        } catch (FhirJson.NotFhirException e) {
            throw invalid("context.draftOrders is not valid FHIR R4 JSON.");
        }
        if (!(parsed instanceof Bundle)) {
            throw invalid("context.draftOrders must be a FHIR Bundle (resourceType 'Bundle').");
        }
        List<FhirEntry> entries = FhirJson.entriesOf(parsed);
        PatientCompartment.Selection own =
                PatientCompartment.of(patientId, fhirServer, entries).select(entries);
        if (!own.otherPatient().isEmpty()) {
            throw invalid("context.draftOrders holds an order for another patient than context.patientId.");
        }
        return own.kept().stream().filter(order -> !(order instanceof Patient)).toList();
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-draft-orders", detail);
    }
}
