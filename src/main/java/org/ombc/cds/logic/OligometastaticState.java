package org.ombc.cds.logic;

/** ESTRO-ASTRO oligometastatic state (clinical-rules 3). */
public enum OligometastaticState {
    YES("yes"),
    NO("no"),
    INDETERMINATE("indeterminate");

    private final String code;

    OligometastaticState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
