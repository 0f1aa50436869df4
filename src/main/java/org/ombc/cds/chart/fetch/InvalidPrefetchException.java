package org.ombc.cds.chart.fetch;

/** What the client sent in prefetch is unusable (not FHIR, another patient): answered 400. */
public class InvalidPrefetchException extends RuntimeException {

    public InvalidPrefetchException(String detail) {
        super(detail);
    }
}
