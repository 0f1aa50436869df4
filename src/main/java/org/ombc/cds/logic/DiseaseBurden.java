package org.ombc.cds.logic;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.ombc.cds.model.Laterality;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.Site;

/**
 * The derived facts of clinical-rules 2 about metastases: which lesions are distant and current, how many, where,
 * since when, and what came before.
 *
 * @param current             current distant lesions
 * @param lesionCount         their total, null when unknown (an unusable count, or only axillary nodes of
 *                            unknown side)
 * @param sites               their sites
 * @param unknownSideAxillary current axillary node lesions whose side (or the primary's) is unknown: not counted
 * @param undatedCurrent      some current distant lesion has no date
 * @param polymetastaticHistory more than 5 distant lesions were active at once at some date, 5 or fewer now
 * @param omdHistory          an earlier, separate metastatic episode abated before the current one
 * @param omdDate             the OMD diagnosis date, null when unknown
 * @param firstMetastasis     earliest onset of any distant metastasis ever, null when unknown
 * @param peakActive          the largest number of distant lesions ever active at once
 */
public record DiseaseBurden(List<Lesion> current, Integer lesionCount, Set<Site> sites,
                            List<Lesion> unknownSideAxillary, boolean undatedCurrent,
                            boolean polymetastaticHistory, boolean omdHistory, LocalDate omdDate,
                            LocalDate firstMetastasis, int peakActive) {

    static final int OLIGO_MAX = 5;

    public boolean metastatic() {
        return !current.isEmpty() || !unknownSideAxillary.isEmpty();
    }

    public int lesionsAt(Site site) {
        int n = 0;
        for (Lesion lesion : current) {
            if (lesion.site() == site) {
                n += lesion.count() == null ? 1 : lesion.count();
            }
        }
        return n;
    }

    static DiseaseBurden of(OmbcRecord record) {
        Laterality primarySide = record.primary() == null ? Laterality.UNKNOWN : record.primary().side();
        List<Lesion> distant = new ArrayList<>();
        List<Lesion> current = new ArrayList<>();
        List<Lesion> unknownSide = new ArrayList<>();
        for (Lesion lesion : record.lesions()) {
            Boolean isDistant = isDistant(lesion, primarySide);
            if (isDistant == null) {
                if (lesion.current()) {
                    unknownSide.add(lesion);
                }
            } else if (isDistant) {
                distant.add(lesion);
                if (lesion.current()) {
                    current.add(lesion);
                }
            }
        }
        Integer count = 0;
        Set<Site> sites = EnumSet.noneOf(Site.class);
        boolean undated = false;
        LocalDate earliestCurrent = null;
        for (Lesion lesion : current) {
            count = count == null || lesion.count() == null ? null : count + lesion.count();
            sites.add(lesion.site());
            undated |= lesion.onset() == null;
            earliestCurrent = min(earliestCurrent, lesion.onset());
        }
        if (current.isEmpty() && !unknownSide.isEmpty()) {
            count = null;
        }
        LocalDate first = undated ? null : distant.stream().map(Lesion::onset).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(null);

        Timeline timeline = Timeline.of(distant);
        boolean poly = timeline.peak > OLIGO_MAX && (count == null || count <= OLIGO_MAX);
        boolean omdHistory = false;
        if (!poly && earliestCurrent != null) {
            for (Lesion lesion : distant) {
                if (!lesion.current() && lesion.abatement() != null && lesion.abatement().isBefore(earliestCurrent)) {
                    omdHistory = true;
                }
            }
        }
        LocalDate omdDate = undated ? null : earliestCurrent;
        if (poly && omdDate != null && timeline.lastFallToOligo != null
                && timeline.lastFallToOligo.isAfter(omdDate)) {
            omdDate = timeline.lastFallToOligo;
        }
        return new DiseaseBurden(List.copyOf(current), count, sites, List.copyOf(unknownSide), undated, poly,
                omdHistory, omdDate, first, timeline.peak);
    }

    /**
     * Ipsilateral axillary nodes are regional (N), contralateral ones distant; with either side unknown the
     * answer is unknown (null) and the node is not counted (clinical-rules 2).
     */
    static Boolean isDistant(Lesion lesion, Laterality primarySide) {
        if (lesion.site() != Site.AXILLARY_LYMPH_NODE) {
            return true;
        }
        if (lesion.side() == Laterality.UNKNOWN || primarySide == Laterality.UNKNOWN) {
            return null;
        }
        return lesion.side() != primarySide;
    }

    /** Whole months from {@code from} to {@code to}, never negative. */
    static Integer wholeMonths(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return null;
        }
        return (int) Math.max(0, Period.between(from, to).toTotalMonths());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /**
     * Active distant lesions over time from onsets and abatements. Lesions without an onset cannot be placed and
     * are left out; a past lesion without an abatement date is taken as active on its onset date only.
     */
    private record Timeline(int peak, LocalDate lastFallToOligo) {

        static Timeline of(List<Lesion> distant) {
            TreeMap<LocalDate, Integer> delta = new TreeMap<>();
            for (Lesion lesion : distant) {
                if (lesion.onset() == null) {
                    continue;
                }
                int n = lesion.count() == null ? 1 : lesion.count();
                delta.merge(lesion.onset(), n, Integer::sum);
                if (!lesion.current()) {
                    LocalDate end = lesion.abatement() != null && lesion.abatement().isAfter(lesion.onset())
                            ? lesion.abatement() : lesion.onset().plusDays(1);
                    delta.merge(end, -n, Integer::sum);
                }
            }
            int active = 0;
            int peak = 0;
            LocalDate fall = null;
            for (var step : delta.entrySet()) {
                int before = active;
                active += step.getValue();
                peak = Math.max(peak, active);
                if (before > OLIGO_MAX && active <= OLIGO_MAX) {
                    fall = step.getKey();
                }
            }
            return new Timeline(peak, fall);
        }
    }
}
