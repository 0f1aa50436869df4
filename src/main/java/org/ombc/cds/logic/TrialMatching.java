package org.ombc.cds.logic;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Site;

/**
 * Which open trials should the clinician check eligibility for (clinical-rules 8; the review's Table 2)? Asked
 * whenever the lesion count is known, so that 6-10 lesions (polymetastatic) still list SABR-COMET-10: within a
 * trial only, with no metastasis-directed recommendation. An axillary node of unknown side is not a distant lesion
 * for any criterion: not in the count, the sites or the organs (clinical-rules 10, "Clarified").
 */
final class TrialMatching {

    private TrialMatching() {}

    /** The open trials whose checked criteria the record meets; none while the lesion count is unknown. */
    static List<Trial> matching(
            OmbcRecord record,
            PrimaryTumour primary,
            DiseaseBurden burden,
            Optional<EstroEortcState> state,
            List<Trial> trials) {
        Integer count = burden.lesionCount();
        if (count == null) {
            return List.of();
        }
        TrialFacts facts = trialFacts(record, primary, burden, count, state);
        return trials.stream().filter(t -> t.matches(facts)).toList();
    }

    private static TrialFacts trialFacts(
            OmbcRecord record,
            PrimaryTumour primary,
            DiseaseBurden burden,
            int lesionCount,
            Optional<EstroEortcState> state) {
        return new TrialFacts(
                lesionCount,
                burden.sites().size(),
                burden.lesionsAt(Site.BRAIN),
                burden.sites().equals(Set.of(Site.BONE)),
                isFirstLine(state, burden),
                isPrimaryControlled(record, primary),
                Subtype.hormoneReceptorPositive(record),
                record.er().isPositive(),
                record.her2().isNegative(),
                record.her2().isPositive(),
                state.filter(s -> s == EstroEortcState.SYNCHRONOUS).isPresent());
    }

    /**
     * "First line" (clinical-rules 8): the current episode is the first, ESTRO-EORTC de novo, synchronous or
     * metachronous. A state left undetermined only because the 6-month timing or the therapy at the OMD date is
     * open is still de novo whichever it is: dated current lesions, no earlier episode, no polymetastatic history.
     * A chart with no past metastasis and no polymetastatic history needs no dates: its current episode is the first
     * (clinical-rules 10, "Clarified").
     */
    static boolean isFirstLine(Optional<EstroEortcState> state, DiseaseBurden burden) {
        if (state.isPresent()) {
            return isFirstLine(state.get());
        }
        if (!burden.anyPast() && !burden.polymetastaticHistory()) {
            return true;
        }
        return burden.omd() != null
                && !burden.undatedCurrent()
                && !burden.polymetastaticHistory()
                && !burden.omdHistory();
    }

    /** Repeat and induced states come after an earlier episode or polymetastatic disease. */
    static boolean isFirstLine(EstroEortcState state) {
        return state == EstroEortcState.SYNCHRONOUS
                || state == EstroEortcState.METACHRONOUS_OLIGORECURRENCE
                || state == EstroEortcState.METACHRONOUS_OLIGOPROGRESSION;
    }

    /** "Primary controlled" (clinical-rules 8): resected, or the primary Condition resolved, in remission or inactive. */
    static boolean isPrimaryControlled(OmbcRecord record, PrimaryTumour primary) {
        return record.primaryResected() || primary.inactive();
    }
}
