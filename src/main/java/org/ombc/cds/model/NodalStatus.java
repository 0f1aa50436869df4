package org.ombc.cds.model;

/** N category at primary diagnosis (LOINC 21906-3 clinical, 21900-6 pathological). */
public enum NodalStatus {
    NODE_NEGATIVE,
    NODE_POSITIVE,
    UNKNOWN
}
