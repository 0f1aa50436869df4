package org.ombc.cds.model;

/**
 * Where a metastasis is. Axillary nodes are kept apart because their side decides whether they are regional
 * (ipsilateral, N category) or distant (contralateral) disease: clinical-rules 2.
 */
public enum Site {
    BONE("bone"),
    LIVER("liver"),
    LUNG("lung"),
    BRAIN("brain"),
    PLEURA("pleura"),
    ADRENAL("adrenal"),
    AXILLARY_LYMPH_NODE("contralateral-axillary-lymph-node"),
    DISTANT_LYMPH_NODE("distant-lymph-node"),
    SKIN_SOFT_TISSUE("skin-soft-tissue"),
    OTHER("other");

    private final String code;

    Site(String code) {
        this.code = code;
    }

    /** The site code of the assessment; an axillary node only ever reaches it as a contralateral one. */
    public String code() {
        return code;
    }

    public boolean isIntracranial() {
        return this == BRAIN;
    }
}
