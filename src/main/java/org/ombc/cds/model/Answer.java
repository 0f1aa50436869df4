package org.ombc.cds.model;

/**
 * The answer to a yes/no question asked of uncertain dates (clinical-rules 8): decided only when the whole
 * interval lies on one side.
 */
public enum Answer {
    YES,
    NO,
    UNDECIDED;

    public static Answer of(boolean certainlyYes, boolean certainlyNo) {
        return certainlyYes ? YES : certainlyNo ? NO : UNDECIDED;
    }
}
