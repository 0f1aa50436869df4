package org.ombc.cds.logic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Laterality;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Site;
import org.ombc.cds.model.StagedMetastasis;

/**
 * The derived facts of clinical-rules 2 about metastases: which lesions are distant and current, how many, where,
 * since when, and what came before. An axillary node of unknown side may be regional or distant, so the current
 * distant lesions are a range: this burden is its lower end (the node regional, not counted), and
 * {@link #withUnknownSideDistant()} its upper end (clinical-rules 2 and 7, the principle clinical-rules 8 applies to
 * dates).
 *
 * @param current             current distant lesions
 * @param lesionCount         their total, null when unknown (an unusable count, or only axillary nodes of
 *                            unknown side)
 * @param sites               their sites
 * @param unknownSideAxillary current axillary node lesions whose side (or the primary's) is unknown: not counted
 * @param undatedCurrent      some current distant lesion has no date
 * @param polymetastaticHistory more than 5 distant lesions were active at once at some date, 5 or fewer now
 * @param omdHistory          an earlier, separate metastatic episode abated before the current one
 * @param omd                 the OMD diagnosis date as an interval, null when unknown
 * @param firstMetastasis     earliest onset of any distant metastasis ever, as an interval; null when unknown
 * @param peakActive          the largest number of distant lesions ever active at once
 * @param anyPast             some distant metastasis (or axillary node of unknown side) is recorded as past
 * @param stagedOnly          staging records distant metastases and no metastasis Condition does (clinical-rules
 *                            10): metastatic, with the count and the sites unknown; null otherwise
 */
public record DiseaseBurden(
        List<Lesion> current,
        @Nullable Integer lesionCount,
        Set<Site> sites,
        List<Lesion> unknownSideAxillary,
        boolean undatedCurrent,
        boolean polymetastaticHistory,
        boolean omdHistory,
        @Nullable DateInterval omd,
        @Nullable DateInterval firstMetastasis,
        int peakActive,
        boolean anyPast,
        @Nullable StagedMetastasis stagedOnly) {

    private static final int OLIGO_MAX = Thresholds.OLIGO_MAX_LESIONS;

    /**
     * The first day the OMD diagnosis may be: for display and ordering; decisions read {@link #omd()}. Null when
     * the OMD date is unknown.
     */
    public @Nullable LocalDate omdDate() {
        return omd == null ? null : omd.start();
    }

    public boolean metastatic() {
        return !current.isEmpty() || !unknownSideAxillary.isEmpty() || stagedOnly != null;
    }

    /**
     * The burden if every axillary node of unknown side is contralateral, a distant lesion: the upper end of the
     * range. Only the lesions, their count and sites change; the dates and the history are this burden's.
     */
    public DiseaseBurden withUnknownSideDistant() {
        if (unknownSideAxillary.isEmpty()) {
            return this;
        }
        List<Lesion> all = new ArrayList<>(current);
        all.addAll(unknownSideAxillary);
        Integer count = lesionCount;
        Set<Site> allSites = EnumSet.of(Site.AXILLARY_LYMPH_NODE);
        allSites.addAll(sites);
        for (Lesion node : unknownSideAxillary) {
            count = count == null || node.count() == null ? null : count + node.count();
        }
        return new DiseaseBurden(
                List.copyOf(all),
                count,
                allSites,
                List.of(),
                undatedCurrent,
                polymetastaticHistory,
                omdHistory,
                omd,
                firstMetastasis,
                peakActive,
                anyPast,
                stagedOnly);
    }

    /**
     * A decision that depends on the count or the sites is made only when it comes out the same at both ends of
     * the range; for a finding that is given or not, that means: given only when it holds at both ends.
     */
    public boolean atBothEnds(Predicate<DiseaseBurden> holds) {
        return holds.test(this) && holds.test(withUnknownSideDistant());
    }

    /** Exactly one current distant lesion, whatever the side of an axillary node: the patient's only metastasis. */
    public boolean solitary() {
        return atBothEnds(b -> Integer.valueOf(1).equals(b.lesionCount()));
    }

    /** Every current distant lesion is at {@code site}, whatever the side of an axillary node ("bone only"). */
    public boolean onlyAt(Site site) {
        return atBothEnds(b -> b.sites().equals(Set.of(site)));
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
        StagedMetastasis staged = record.staged();
        if (staged != null && record.lesions().stream().allMatch(l -> isDistant(l, sideOf(record)) == Answer.NO)) {
            return stagedOnly(staged);
        }
        PrimaryTumour primary = record.primary();
        Laterality primarySide = primary == null ? Laterality.UNKNOWN : primary.side();
        List<Lesion> distant = new ArrayList<>();
        List<Lesion> current = new ArrayList<>();
        List<Lesion> unknownSide = new ArrayList<>();
        boolean anyPast = false;
        for (Lesion lesion : record.lesions()) {
            Answer distantLesion = isDistant(lesion, primarySide);
            anyPast |= !lesion.current() && distantLesion != Answer.NO;
            if (distantLesion == Answer.UNDECIDED) {
                if (lesion.current()) {
                    unknownSide.add(lesion);
                }
            } else if (distantLesion == Answer.YES) {
                distant.add(lesion);
                if (lesion.current()) {
                    current.add(lesion);
                }
            }
        }
        Integer count = 0;
        Set<Site> sites = EnumSet.noneOf(Site.class);
        boolean undated = false;
        DateInterval earliestCurrent = null;
        for (Lesion lesion : current) {
            count = count == null || lesion.count() == null ? null : count + lesion.count();
            sites.add(lesion.site());
            undated |= lesion.onsetDate() == null;
            earliestCurrent = DateInterval.earliest(earliestCurrent, lesion.onsetDate());
        }
        if (current.isEmpty() && !unknownSide.isEmpty()) {
            count = null;
        }
        DateInterval first = null;
        if (!undated) {
            for (Lesion lesion : distant) {
                first = DateInterval.earliest(first, lesion.onsetDate());
            }
        }

        Timeline timeline = Timeline.of(distant);
        boolean poly = timeline.peak > OLIGO_MAX && (count == null || count <= OLIGO_MAX);
        boolean omdHistory = false;
        if (!poly && earliestCurrent != null) {
            for (Lesion lesion : distant) {
                if (!lesion.current()
                        && lesion.abatement() != null
                        && lesion.abatement().isBefore(earliestCurrent.start())) {
                    omdHistory = true;
                }
            }
        }
        DateInterval omd = undated ? null : earliestCurrent;
        if (poly && omd != null && timeline.lastFallToOligo != null && timeline.lastFallToOligo.isAfter(omd.start())) {
            omd = fallDate(distant, timeline.lastFallToOligo);
        }
        return new DiseaseBurden(
                List.copyOf(current),
                count,
                sites,
                List.copyOf(unknownSide),
                undated,
                poly,
                omdHistory,
                omd,
                first,
                timeline.peak,
                anyPast,
                null);
    }

    /**
     * Staging that says M1 or stage IV while no metastasis Condition is recorded (clinical-rules 10): metastatic, the
     * number and sites of the lesions unknown, dated by the staging. An M0 or an earlier stage never outweighs a
     * recorded current metastasis, and a recorded metastasis, current or past, is what the chart lists: staging then
     * adds nothing.
     */
    private static DiseaseBurden stagedOnly(StagedMetastasis staged) {
        return new DiseaseBurden(
                List.of(),
                null,
                EnumSet.noneOf(Site.class),
                List.of(),
                staged.date() == null,
                false,
                false,
                staged.date(),
                staged.date(),
                0,
                false,
                staged);
    }

    private static Laterality sideOf(OmbcRecord record) {
        PrimaryTumour primary = record.primary();
        return primary == null ? Laterality.UNKNOWN : primary.side();
    }

    /**
     * Ipsilateral axillary nodes are regional (N), contralateral ones distant; with either side unknown the
     * answer is undecided and the node is not counted (clinical-rules 2).
     */
    static Answer isDistant(Lesion lesion, Laterality primarySide) {
        if (lesion.site() != Site.AXILLARY_LYMPH_NODE) {
            return Answer.YES;
        }
        if (lesion.side() == Laterality.UNKNOWN || primarySide == Laterality.UNKNOWN) {
            return Answer.UNDECIDED;
        }
        return lesion.side() != primarySide ? Answer.YES : Answer.NO;
    }

    /** The abatement that brought the count to 5 or fewer, as the record dates it (its interval). */
    private static DateInterval fallDate(List<Lesion> distant, LocalDate fall) {
        DateInterval date = DateInterval.day(fall);
        for (Lesion lesion : distant) {
            if (lesion.abatementDate() != null
                    && lesion.abatementDate().start().equals(fall)
                    && lesion.abatementDate().end().isAfter(date.end())) {
                date = lesion.abatementDate();
            }
        }
        return date;
    }

    /**
     * Active distant lesions over time from onsets and abatements. Lesions without an onset cannot be placed and
     * are left out; a past lesion without an abatement date is taken as active on its onset date only. The last
     * fall to 5 or fewer is null when the count never fell from above 5.
     */
    private record Timeline(int peak, @Nullable LocalDate lastFallToOligo) {

        static Timeline of(List<Lesion> distant) {
            TreeMap<LocalDate, Integer> delta = new TreeMap<>();
            for (Lesion lesion : distant) {
                if (lesion.onset() == null) {
                    continue;
                }
                int n = lesion.count() == null ? 1 : lesion.count();
                delta.merge(lesion.onset(), n, Integer::sum);
                if (!lesion.current()) {
                    LocalDate end =
                            lesion.abatement() != null && lesion.abatement().isAfter(lesion.onset())
                                    ? lesion.abatement()
                                    : lesion.onset().plusDays(1);
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
