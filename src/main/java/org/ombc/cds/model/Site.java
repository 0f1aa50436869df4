package org.ombc.cds.model;

/**
 * Where a metastasis is. Axillary nodes are kept apart because their side decides whether they are regional
 * (ipsilateral, N category) or distant (contralateral) disease: clinical-rules 2.
 */
public enum Site {
    BONE("bone", "bone"),
    LIVER("liver", "liver"),
    LUNG("lung", "lung"),
    BRAIN("brain", "brain"),
    PLEURA("pleura", "pleura"),
    ADRENAL("adrenal", "adrenal"),
    AXILLARY_LYMPH_NODE("contralateral-axillary-lymph-node", "axillary-lymph-node"),
    DISTANT_LYMPH_NODE("distant-lymph-node", "distant-lymph-node"),
    SKIN_SOFT_TISSUE("skin-soft-tissue", "skin-soft-tissue"),
    OTHER("other", null);

    private final String code;
    private final String valueSetSuffix;

    Site(String code, String valueSetSuffix) {
        this.code = code;
        this.valueSetSuffix = valueSetSuffix;
    }

    /** The site code of the assessment; an axillary node only ever reaches it as a contralateral one. */
    public String code() {
        return code;
    }

    String valueSetSuffix() {
        return valueSetSuffix;
    }

    boolean hasValueSets() {
        return valueSetSuffix != null;
    }

    public boolean isIntracranial() {
        return this == BRAIN;
    }
}
