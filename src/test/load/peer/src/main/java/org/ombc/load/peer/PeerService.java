package org.ombc.load.peer;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.CdsService;
import ca.uhn.hapi.fhir.cdshooks.api.CdsServicePrefetch;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import org.hl7.fhir.r4.model.Patient;

/**
 * The peer's one service: the prefetch keys ombc-cds declares (so that HAPI finds nothing missing and fetches
 * nothing), the Patient read from the prefetch HAPI has parsed, one fixed card. No clinical logic: the peer measures
 * what HAPI's module costs around a service, not a service.
 */
public class PeerService {

    @CdsService(
            value = "peer-patient-view",
            hook = "patient-view",
            title = "Load-run peer",
            description = "Reads the prefetched Patient, answers one fixed card",
            prefetch = {
                @CdsServicePrefetch(value = "patient", query = "Patient/{{context.patientId}}"),
                @CdsServicePrefetch(value = "conditions", query = "Condition?patient={{context.patientId}}"),
                @CdsServicePrefetch(value = "observations", query = "Observation?patient={{context.patientId}}"),
                @CdsServicePrefetch(
                        value = "medicationRequests",
                        query = "MedicationRequest?patient={{context.patientId}}"),
                @CdsServicePrefetch(
                        value = "medicationStatements",
                        query = "MedicationStatement?patient={{context.patientId}}"),
                @CdsServicePrefetch(value = "procedures", query = "Procedure?patient={{context.patientId}}"),
                @CdsServicePrefetch(
                        value = "diagnosticReports",
                        query = "DiagnosticReport?patient={{context.patientId}}")
            })
    public CdsServiceResponseJson patientView(CdsServiceRequestJson request) {
        if (!(request.getPrefetch("patient") instanceof Patient)) {
            throw new IllegalArgumentException("no Patient in the prefetch");
        }
        CdsServiceResponseCardJson card = new CdsServiceResponseCardJson()
                .setUuid("6c0c8c8e-6f61-4f4e-9a53-5b1f9d3f1a10")
                .setSummary("Oligometastatic breast cancer: consider metastasis-directed therapy")
                .setIndicator(CdsServiceIndicatorEnum.WARNING)
                .setSource(new CdsServiceResponseCardSourceJson().setLabel("peer"));
        CdsServiceResponseJson response = new CdsServiceResponseJson();
        response.addCard(card);
        return response;
    }
}
