package org.ombc.cds.chart.fetch;

import java.util.Map;

/** Required data could not be had: answered 412 with each key and its reason class. */
public class DataUnavailableException extends RuntimeException {

    private final Map<String, String> reasons;

    public DataUnavailableException(Map<String, String> reasons) {
        super("Required data could not be obtained for: " + String.join(", ", reasons.keySet())
                + (reasons.containsValue(FetchFailure.NOT_ALLOWED.code())
                        ? ". The request's fhirServer is not allowed: add it to ombc.fhir.allowed-servers."
                        : ""));
        this.reasons = Map.copyOf(reasons);
    }

    public Map<String, String> reasons() {
        return reasons;
    }
}
