package org.ombc.cds.logic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.ReceptorResult;

/**
 * Which prognostic factors of van Ommen-Nijhof 2020 does the patient have (clinical-rules 5; review, ref. 51)?
 * Only factors the record shows are listed; an undecided disease-free interval names the date that left it so.
 */
final class PrognosticFactors {

    /**
     * The factors present, each with its finding.
     *
     * @param undecided the dates that leave the long-DFI factor undecided
     */
    record Present(List<Factor> factors, List<Finding> findings, Set<MissingData> undecided) {}

    private PrognosticFactors() {}

    /** @param dfi the reported disease-free interval, null when not reported (clinical-rules 8) */
    static Present of(OmbcRecord record, PrimaryTumour primaryTumour, DiseaseBurden burden, @Nullable Integer dfi) {
        List<Factor> factors = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<MissingData> undecided = EnumSet.noneOf(MissingData.class);
        add(factors, findings, Factor.SOLITARY_METASTASIS, burden.solitary(), "exactly 1 current lesion");

        DateInterval primary = primaryTumour.diagnosedDate();
        DateInterval first = burden.firstMetastasis();
        Answer longDfi = DateThresholds.dfiAtLeast(primary, first, Thresholds.LONG_DFI_MONTHS);
        if (longDfi == Answer.UNDECIDED && (first != null || burden.undatedCurrent())) {
            // Only axillary nodes of unknown side: no distant lesion to date, the side is what is missing.
            undecided.addAll(DateThresholds.undecidedBy(primary, first));
        }
        add(
                factors,
                findings,
                Factor.LONG_DISEASE_FREE_INTERVAL,
                longDfi == Answer.YES,
                "disease-free interval "
                        + (dfi != null
                                ? dfi + " months"
                                : longDfi == Answer.YES && primary != null && first != null
                                        ? "of at least " + DateInterval.minMonths(primary, first) + " months"
                                        : "unknown"));
        add(
                factors,
                findings,
                Factor.HORMONE_RECEPTOR_POSITIVE,
                Subtype.hormoneReceptorPositive(record),
                "ER " + status(record.er()) + ", PR " + status(record.pr()));
        add(factors, findings, Factor.HER2_POSITIVE, record.her2().isPositive(), "HER2 " + status(record.her2()));
        add(
                factors,
                findings,
                Factor.AXILLARY_NODES_AT_DIAGNOSIS,
                record.nodesAtDiagnosis() == NodalStatus.NODE_POSITIVE,
                "N1-N3 at primary diagnosis");
        return new Present(List.copyOf(factors), List.copyOf(findings), undecided);
    }

    private static void add(List<Factor> factors, List<Finding> findings, Factor factor, boolean present, String fact) {
        if (present) {
            factors.add(factor);
            findings.add(new Finding(
                    factor.code(),
                    "clinical-rules 5: " + factor.label(),
                    List.of(fact),
                    List.of(Evidence.VAN_OMMEN_NIJHOF_2020)));
        }
    }

    static String status(ReceptorResult result) {
        String s = result.status().name().toLowerCase(Locale.ROOT);
        return result.date() == null ? s : s + " (" + result.date() + ")";
    }
}
