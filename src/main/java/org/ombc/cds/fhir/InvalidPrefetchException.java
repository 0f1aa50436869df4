package org.ombc.cds.fhir;

/** What the client sent in prefetch is unusable (not FHIR, another patient): answered 400. */
public class InvalidPrefetchException extends RuntimeException {

    public InvalidPrefetchException(String detail) {
        super(detail);
    }
}
