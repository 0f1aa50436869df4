package org.ombc.cds.logic;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ombc.cds.model.OmbcRecord;

/**
 * What must the clinician record for a confident assessment (clinical-rules 7 and 8)? Receptors, lesion count and
 * axillary side whenever they are unknown; a date or the disease status only when a decision this patient needs is
 * undecided because of it.
 */
final class MissingDataCheck {

    private MissingDataCheck() {}

    /** @param undecided what the decisions of this assessment named as leaving them undecided */
    static List<MissingData> toRecord(OmbcRecord record, DiseaseBurden burden, Set<MissingData> undecided) {
        Set<MissingData> missing = EnumSet.noneOf(MissingData.class);
        missing.addAll(undecided);
        if (!record.er().isKnown()) {
            missing.add(MissingData.ER_STATUS);
        }
        if (!record.pr().isKnown()) {
            missing.add(MissingData.PR_STATUS);
        }
        if (!record.her2().isKnown()) {
            missing.add(MissingData.HER2_STATUS);
        }
        if (burden.current().stream().anyMatch(l -> l.count() == null) || burden.stagedOnly() != null) {
            missing.add(MissingData.LESION_COUNT);
        }
        if (!burden.unknownSideAxillary().isEmpty()) {
            missing.add(MissingData.AXILLARY_NODE_LATERALITY);
        }
        return missing.stream().sorted(Comparator.comparing(MissingData::code)).toList();
    }
}
