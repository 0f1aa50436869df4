package org.ombc.cds.logic;

/** The nine ESTRO-EORTC states (Guckenberger 2020; clinical-rules 4). */
public enum EstroEortcState {
    SYNCHRONOUS("synchronous", "synchronous oligometastatic disease"),
    METACHRONOUS_OLIGORECURRENCE("metachronous-oligorecurrence", "metachronous oligorecurrence"),
    METACHRONOUS_OLIGOPROGRESSION("metachronous-oligoprogression", "metachronous oligoprogression"),
    REPEAT_OLIGORECURRENCE("repeat-oligorecurrence", "repeat oligorecurrence"),
    REPEAT_OLIGOPROGRESSION("repeat-oligoprogression", "repeat oligoprogression"),
    REPEAT_OLIGOPERSISTENCE("repeat-oligopersistence", "repeat oligopersistence"),
    INDUCED_OLIGORECURRENCE("induced-oligorecurrence", "induced oligorecurrence"),
    INDUCED_OLIGOPROGRESSION("induced-oligoprogression", "induced oligoprogression"),
    INDUCED_OLIGOPERSISTENCE("induced-oligopersistence", "induced oligopersistence");

    private final String code;
    private final String label;

    EstroEortcState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Induced disease, polymetastatic before therapy, has the poorest chance of cure (Guckenberger 2020). */
    public boolean isInduced() {
        return name().startsWith("INDUCED");
    }
}
