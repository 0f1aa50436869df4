package org.ombc.cds.logic;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;

/**
 * What the recommendation rules of clinical-rules 6 read about one metastatic patient; built once per assessment.
 *
 * @param primary the breast cancer the record has
 * @param state  the ESTRO-EORTC state; null when not oligometastatic or when the record cannot decide it
 * @param dfi    the reported disease-free interval in whole months; null unless both dates are known at least to
 *               the month (clinical-rules 8)
 * @param trials the open trials whose checked criteria the record meets
 */
record CaseFacts(
        OmbcRecord record,
        PrimaryTumour primary,
        DiseaseBurden burden,
        OligometastaticState oligo,
        @Nullable EstroEortcState state,
        Subtype subtype,
        @Nullable Integer dfi,
        List<Trial> trials) {}
