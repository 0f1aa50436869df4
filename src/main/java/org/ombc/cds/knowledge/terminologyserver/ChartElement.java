package org.ombc.cds.knowledge.terminologyserver;

/** Where in a chart a code was met: it decides which concept families the code may belong to. */
enum ChartElement {
    CONDITION_CODE,
    CONDITION_BODY_SITE,
    OBSERVATION_CODE,
    OBSERVATION_VALUE,
    MEDICATION
}
