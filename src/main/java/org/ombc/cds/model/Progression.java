package org.ombc.cds.model;

/** A disease status on imaging (LOINC 97509-4). */
public enum Progression {
    PROGRESSING,
    NOT_PROGRESSING,
    UNKNOWN
}
