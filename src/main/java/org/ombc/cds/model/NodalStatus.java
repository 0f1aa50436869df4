package org.ombc.cds.model;

/** N category at primary diagnosis (LOINC 21906-3 / 21899-0). */
public enum NodalStatus { NODE_NEGATIVE, NODE_POSITIVE, UNKNOWN }
