package org.ombc.cds.chart.fetch;

/** Why a query to the EHR's FHIR server gave nothing usable; named in 412 bodies and on the data-quality card. */
public enum FetchFailure {
    NOT_ALLOWED("not-allowed", "the FHIR server is not in ombc.fhir.allowed-servers"),
    NO_FHIR_SERVER("no-fhir-server", "the key is missing from the prefetch and the request names no fhirServer"),
    TIMEOUT("timeout", "the FHIR server did not answer within the deadline"),
    UNAUTHORIZED("unauthorized", "the FHIR server refused the access token (401/403)"),
    NOT_FOUND("not-found", "the FHIR server answered 404"),
    CLIENT_ERROR("client-error", "the FHIR server answered another 4xx status"),
    SERVER_ERROR("server-error", "the FHIR server answered 5xx"),
    CONNECTION_ERROR("connection-error", "the FHIR server could not be reached"),
    NOT_FHIR("not-fhir", "the FHIR server's answer is not FHIR R4 JSON"),
    WRONG_RESOURCE_TYPE("wrong-resource-type", "the FHIR server answered a resource of the wrong type"),
    TOO_LARGE("too-large", "the FHIR server's answer is larger than ombc.fhir.max-response-bytes"),
    WRONG_PATIENT("wrong-patient", "the FHIR server answered another Patient than context.patientId"),
    INCOMPLETE(
            "incomplete",
            "only part of the search result could be read (more pages than allowed, "
                    + "or fewer entries than its total)");

    private final String code;
    private final String description;

    FetchFailure(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
