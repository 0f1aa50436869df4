package org.ombc.cds.logic;

/**
 * What the trial criteria read about one patient; built only when the lesion count is known.
 *
 * @param lesionCount       current distant lesions
 * @param organCount        distinct sites of those lesions
 * @param brainLesions      current brain lesions
 * @param boneOnly          every current lesion is in bone
 * @param firstLine         the current episode is the first: ESTRO-EORTC de novo (synchronous or metachronous),
 *                          no polymetastatic history, no earlier episode (clinical-rules 8); false when unknown
 * @param primaryControlled a completed breast surgery, or the primary is resolved, in remission or inactive
 *                          (clinical-rules 8)
 * @param hormoneReceptorPositive ER or PR known positive
 * @param erPositive        ER known positive
 * @param her2Negative      HER2 known negative
 * @param her2Positive      HER2 known positive
 * @param synchronous       ESTRO-EORTC synchronous
 */
public record TrialFacts(
        int lesionCount,
        int organCount,
        int brainLesions,
        boolean boneOnly,
        boolean firstLine,
        boolean primaryControlled,
        boolean hormoneReceptorPositive,
        boolean erPositive,
        boolean her2Negative,
        boolean her2Positive,
        boolean synchronous) {}
