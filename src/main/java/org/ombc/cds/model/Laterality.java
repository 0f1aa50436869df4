package org.ombc.cds.model;

public enum Laterality {
    LEFT,
    RIGHT,
    UNKNOWN;

    /** Two known sides that agree; anything else (bilateral, unknown) is unknown. */
    Laterality merge(Laterality other) {
        if (this == other) {
            return this;
        }
        return UNKNOWN;
    }
}
