package org.ombc.cds.logic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.Progression;
import org.ombc.cds.model.ReceptorResult;
import org.ombc.cds.model.Site;
import org.ombc.cds.model.TherapyPeriod;

/**
 * The selection logic of {@code clinical-rules.md}: pure functions of the mapped record. Every date is taken from
 * the record, never from the clock, so the same record always gives the same assessment. Dates are intervals: a
 * threshold on them is decided only when the whole interval lies on one side; otherwise the fact is unknown and
 * the date that left it undecided is named as missing (clinical-rules 8).
 */
public final class OmbcAssessor {

    private final String knowledgeVersion;
    private final List<Trial> trials;

    /**
     * @param knowledgeVersion the version every assessment carries
     * @param trials           the trials to check (clinical-rules 8), as the loading layer read them
     */
    public OmbcAssessor(String knowledgeVersion, List<Trial> trials) {
        this.knowledgeVersion = knowledgeVersion;
        this.trials = trials.stream().sorted(Comparator.comparing(Trial::nct)).toList();
    }

    public Assessment assess(OmbcRecord record) {
        if (!record.hasBreastCancer()) {
            return new Assessment(false, false, null, null, List.of(), null, null, Subtype.UNKNOWN, null,
                    List.of(), List.of(), List.of(), List.of(), knowledgeVersion, List.of(), Map.of(),
                    DiseaseBurden.of(record), record);
        }
        DiseaseBurden burden = DiseaseBurden.of(record);
        Subtype subtype = subtype(record);
        if (!burden.metastatic()) {
            return new Assessment(true, false, null, null, List.of(), null, null, subtype, null, List.of(),
                    List.of(), List.of(), List.of(), knowledgeVersion, List.of(), Map.of(), burden, record);
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        Set<MissingData> undecided = EnumSet.noneOf(MissingData.class);
        Integer dfi = reportedDfi(record.primary().diagnosedDate(), burden.firstMetastasis());
        OligometastaticState oligo = oligometastaticState(burden);
        findings.put("oligometastatic", new Finding(oligo.code(),
                "clinical-rules 3 (ESTRO-ASTRO): yes with 1-5 current lesions, no above 5, indeterminate when the "
                        + "count is unknown; 'safely treatable' is for the tumour board to confirm",
                List.of("current distant lesions: " + (burden.lesionCount() == null ? "unknown"
                        : burden.lesionCount())), List.of(Evidence.LIEVENS_2020)));
        EstroEortcState state = oligo == OligometastaticState.YES ? estroEortcState(record, burden, findings, undecided)
                : null;

        List<Factor> factors = prognosticFactors(record, burden, dfi, findings, undecided);
        List<Trial> matching = matchingTrials(record, burden, state, trials);
        Ctx ctx = new Ctx(record, burden, oligo, state, subtype, dfi, matching, undecided);
        List<Recommendation> recommendations = new ArrayList<>();
        for (Recommendation recommendation : Recommendation.values()) {
            List<String> facts = applies(recommendation, ctx);
            if (facts != null && (!recommendation.isMetastasisDirected() || oligo == OligometastaticState.YES
                    || (recommendation == Recommendation.MDT_DISCUSSION && oligo == OligometastaticState.INDETERMINATE))) {
                recommendations.add(recommendation);
                findings.put(recommendation.code(),
                        new Finding(recommendation.code(), recommendation.rule(), facts, recommendation.evidence()));
            }
        }
        recommendations.sort(Comparator.comparing(Recommendation::code));

        return new Assessment(true, true, burden.lesionCount(), burden.sites().isEmpty() ? null : burden.sites().size(),
                burden.sites().stream().map(Site::code).sorted().toList(), oligo, state, subtype, dfi,
                factors.stream().filter(Factor::isFavorable).sorted(Comparator.comparing(Factor::code)).toList(),
                factors.stream().filter(f -> !f.isFavorable()).sorted(Comparator.comparing(Factor::code)).toList(),
                List.copyOf(recommendations), missingData(record, burden, undecided), knowledgeVersion, matching,
                Map.copyOf(findings), burden, record);
    }

    // -- states -----------------------------------------------------------------------------------------------

    static OligometastaticState oligometastaticState(DiseaseBurden burden) {
        if (burden.lesionCount() == null) {
            return OligometastaticState.INDETERMINATE;
        }
        return burden.lesionCount() <= DiseaseBurden.OLIGO_MAX ? OligometastaticState.YES : OligometastaticState.NO;
    }

    /**
     * clinical-rules 4 with the timing of clinical-rules 8: therapy is judged at the OMD date for every state, and
     * progression is the latest disease status dated from 30 days before the OMD date onward. Null when the record
     * cannot decide between states; what it lacks is added to {@code undecided}.
     */
    static EstroEortcState estroEortcState(OmbcRecord record, DiseaseBurden burden, Map<String, Finding> findings,
                                           Set<MissingData> undecided) {
        DateInterval omd = burden.omd();
        DateInterval primary = record.primary().diagnosedDate();
        List<String> facts = new ArrayList<>();
        facts.add("OMD diagnosis date: " + (omd == null ? "unknown" : omd));
        EstroEortcState state = null;
        if (omd == null) {
            facts.add("no state without the date of the current metastases");
            undecided.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
        } else if (burden.polymetastaticHistory() || burden.omdHistory()) {
            facts.add(burden.polymetastaticHistory()
                    ? "polymetastatic history: up to " + burden.peakActive() + " lesions active at once"
                    : "an earlier metastatic episode abated before the current lesions");
            boolean induced = burden.polymetastaticHistory();
            Answer onTherapy = onSystemicTherapy(record, omd);
            facts.add(therapyFact(onTherapy));
            if (onTherapy == Answer.UNDECIDED) {
                blameOmd(omd, undecided);
            } else if (onTherapy == Answer.NO) {
                state = induced ? EstroEortcState.INDUCED_OLIGORECURRENCE : EstroEortcState.REPEAT_OLIGORECURRENCE;
            } else {
                Progression progression = progressionAt(record, omd);
                if (progression == Progression.PROGRESSING) {
                    facts.add("disease status (LOINC 97509-4) since the OMD date: progressing");
                    state = induced ? EstroEortcState.INDUCED_OLIGOPROGRESSION
                            : EstroEortcState.REPEAT_OLIGOPROGRESSION;
                } else if (progression == Progression.NOT_PROGRESSING) {
                    facts.add("disease status (LOINC 97509-4) since the OMD date: not progressing");
                    state = induced ? EstroEortcState.INDUCED_OLIGOPERSISTENCE
                            : EstroEortcState.REPEAT_OLIGOPERSISTENCE;
                } else {
                    facts.add("progression vs persistence undecided: no readable disease status (LOINC 97509-4) "
                            + "dated from " + Thresholds.PROGRESSION_LOOKBACK_DAYS + " days before the OMD date on");
                    undecided.add(MissingData.DISEASE_STATUS);
                }
            }
        } else if (primary == null) {
            facts.add("synchronous vs metachronous undecided: primary diagnosis date unknown");
            undecided.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
        } else {
            Answer synchronous = isSynchronous(primary, omd);
            if (synchronous == Answer.UNDECIDED) {
                facts.add("synchronous vs metachronous undecided: the dates (primary " + primary + ") allow both");
                blame(primary, omd, undecided);
            } else if (synchronous == Answer.YES) {
                facts.add("OMD within " + Thresholds.SYNCHRONOUS_MONTHS + " months of the primary (" + primary + ")");
                state = EstroEortcState.SYNCHRONOUS;
            } else {
                facts.add("OMD more than " + Thresholds.SYNCHRONOUS_MONTHS + " months after the primary ("
                        + primary + ")");
                Answer onTherapy = onSystemicTherapy(record, omd);
                facts.add(therapyFact(onTherapy));
                if (onTherapy == Answer.UNDECIDED) {
                    blameOmd(omd, undecided);
                } else {
                    state = onTherapy == Answer.YES ? EstroEortcState.METACHRONOUS_OLIGOPROGRESSION
                            : EstroEortcState.METACHRONOUS_OLIGORECURRENCE;
                }
            }
        }
        findings.put("estro-eortc-state", new Finding(state == null ? "undetermined" : state.code(),
                "clinical-rules 4 and 8: induced after polymetastatic history, repeat after an earlier episode, else "
                        + "synchronous within 6 months of the primary or metachronous; therapy at the OMD date and "
                        + "the disease status from 30 days before it split recurrence, progression and persistence",
                facts, List.of(Evidence.GUCKENBERGER_2020)));
        return state;
    }

    private static String therapyFact(Answer onTherapy) {
        return switch (onTherapy) {
            case YES -> "on systemic therapy at the OMD date";
            case NO -> "not on systemic therapy at the OMD date";
            case UNDECIDED -> "on systemic therapy at the OMD date or not: undecided (the dates allow both)";
        };
    }

    /** Within 6 months of the primary, either side (clinical-rules 4), for every day of both intervals. */
    static Answer isSynchronous(DateInterval primary, DateInterval omd) {
        int months = Thresholds.SYNCHRONOUS_MONTHS;
        boolean certainlyWithin = !omd.end().isAfter(primary.start().plusMonths(months))
                && !omd.start().isBefore(primary.end().minusMonths(months));
        boolean certainlyOutside = omd.start().isAfter(primary.end().plusMonths(months))
                || omd.end().isBefore(primary.start().minusMonths(months));
        return Answer.of(certainlyWithin, certainlyOutside);
    }

    /** The disease-free interval is at least {@code months} for every day of both intervals, or for none. */
    static Answer dfiAtLeast(DateInterval primary, DateInterval metastasis, int months) {
        return Answer.of(DateInterval.minMonths(primary, metastasis) >= months,
                DateInterval.maxMonths(primary, metastasis) < months);
    }

    /**
     * {@code diseaseFreeIntervalMonths}: whole months between the interval starts, reported only when both dates
     * are known at least to the month (clinical-rules 8).
     */
    static Integer reportedDfi(DateInterval primary, DateInterval metastasis) {
        if (primary == null || metastasis == null || !primary.knownToMonth() || !metastasis.knownToMonth()) {
            return null;
        }
        return DateInterval.wholeMonths(primary.start(), metastasis.start());
    }

    /**
     * Names the dates that leave a threshold undecided: an unknown date; else the less precise of the two
     * (clinical-rules 8: named only when a threshold this patient needs is undecided because of it).
     */
    static void blame(DateInterval primary, DateInterval metastasis, Set<MissingData> undecided) {
        if (primary == null || metastasis == null) {
            if (primary == null) {
                undecided.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
            }
            if (metastasis == null) {
                undecided.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
            }
            return;
        }
        // The less precise date is the one to complete (a year before a month); equally imprecise: both.
        long primaryDays = ChronoUnit.DAYS.between(primary.start(), primary.end());
        long metastasisDays = ChronoUnit.DAYS.between(metastasis.start(), metastasis.end());
        if (!primary.isDay() && primaryDays >= metastasisDays) {
            undecided.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
        }
        if (!metastasis.isDay() && metastasisDays >= primaryDays) {
            undecided.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
        }
    }

    private static void blameOmd(DateInterval omd, Set<MissingData> undecided) {
        if (!omd.isDay()) {
            undecided.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
        }
    }

    /** On therapy on every day the OMD date may be: yes if any therapy certainly covers it (clinical-rules 8). */
    static Answer onSystemicTherapy(OmbcRecord record, DateInterval omd) {
        Answer answer = Answer.NO;
        for (TherapyPeriod therapy : record.therapies()) {
            Answer covers = therapy.covers(omd);
            if (covers == Answer.YES) {
                return Answer.YES;
            }
            if (covers == Answer.UNDECIDED) {
                answer = Answer.UNDECIDED;
            }
        }
        return answer;
    }

    /**
     * The latest disease status dated from 30 days before the OMD date onward (clinical-rules 8); UNKNOWN when
     * there is none, when the latest is unreadable, or when two on the latest date disagree.
     */
    static Progression progressionAt(OmbcRecord record, DateInterval omd) {
        LocalDate from = omd.start().minusDays(Thresholds.PROGRESSION_LOOKBACK_DAYS);
        LocalDate latest = null;
        Set<Progression> latestStatuses = EnumSet.noneOf(Progression.class);
        for (DiseaseStatus status : record.diseaseStatuses()) {
            if (status.date() == null || status.date().start().isBefore(from)) {
                continue;
            }
            if (latest == null || status.date().start().isAfter(latest)) {
                latest = status.date().start();
                latestStatuses.clear();
            }
            if (status.date().start().equals(latest)) {
                latestStatuses.add(status.status());
            }
        }
        return latestStatuses.size() == 1 ? latestStatuses.iterator().next() : Progression.UNKNOWN;
    }

    static Subtype subtype(OmbcRecord record) {
        ReceptorResult er = record.er();
        ReceptorResult pr = record.pr();
        ReceptorResult her2 = record.her2();
        if (her2.isPositive()) {
            return Subtype.HER2_POSITIVE;
        }
        if ((er.isPositive() || pr.isPositive()) && her2.isNegative()) {
            return Subtype.HR_POSITIVE_HER2_NEGATIVE;
        }
        if (er.isNegative() && pr.isNegative() && her2.isNegative()) {
            return Subtype.TRIPLE_NEGATIVE;
        }
        return Subtype.UNKNOWN;
    }

    static boolean hormoneReceptorPositive(OmbcRecord record) {
        return record.er().isPositive() || record.pr().isPositive();
    }

    // -- factors ----------------------------------------------------------------------------------------------

    static List<Factor> prognosticFactors(OmbcRecord record, DiseaseBurden burden, Integer dfi,
                                          Map<String, Finding> findings, Set<MissingData> undecided) {
        List<Factor> factors = new ArrayList<>();
        addFactor(factors, findings, Factor.SOLITARY_METASTASIS,
                burden.lesionCount() != null && burden.lesionCount() == 1, "exactly 1 current lesion");
        DateInterval primary = record.primary().diagnosedDate();
        DateInterval first = burden.firstMetastasis();
        Answer longDfi = primary == null || first == null ? Answer.UNDECIDED
                : dfiAtLeast(primary, first, Thresholds.LONG_DFI_MONTHS);
        if (longDfi == Answer.UNDECIDED && (first != null || burden.undatedCurrent())) {
            // Only axillary nodes of unknown side: no distant lesion to date, the side is what is missing.
            blame(primary, first, undecided);
        }
        addFactor(factors, findings, Factor.LONG_DISEASE_FREE_INTERVAL, longDfi == Answer.YES,
                "disease-free interval " + (dfi != null ? dfi + " months"
                        : longDfi == Answer.YES ? "of at least " + DateInterval.minMonths(primary, first) + " months"
                        : "unknown"));
        addFactor(factors, findings, Factor.HORMONE_RECEPTOR_POSITIVE, hormoneReceptorPositive(record),
                "ER " + status(record.er()) + ", PR " + status(record.pr()));
        addFactor(factors, findings, Factor.HER2_POSITIVE, record.her2().isPositive(),
                "HER2 " + status(record.her2()));
        addFactor(factors, findings, Factor.AXILLARY_NODES_AT_DIAGNOSIS,
                record.nodesAtDiagnosis() == NodalStatus.NODE_POSITIVE, "N1-N3 at primary diagnosis");
        return factors;
    }

    private static void addFactor(List<Factor> factors, Map<String, Finding> findings, Factor factor, boolean present,
                                  String fact) {
        if (present) {
            factors.add(factor);
            findings.put(factor.code(), new Finding(factor.code(), "clinical-rules 5: " + factor.label(),
                    List.of(fact), List.of(Evidence.VAN_OMMEN_NIJHOF_2020)));
        }
    }

    static String status(ReceptorResult result) {
        String s = result.status().name().toLowerCase(java.util.Locale.ROOT);
        return result.date() == null ? s : s + " (" + result.date() + ")";
    }

    // -- recommendations --------------------------------------------------------------------------------------

    /** What one recommendation reads; built once per assessment. */
    record Ctx(OmbcRecord record, DiseaseBurden burden, OligometastaticState oligo, EstroEortcState state,
               Subtype subtype, Integer dfi, List<Trial> trials, Set<MissingData> undecided) {

        boolean oligometastatic() {
            return oligo == OligometastaticState.YES;
        }

        boolean siteOnly(Site site) {
            return burden.sites().equals(Set.of(site));
        }
    }

    /** The facts that make {@code recommendation} apply, or null when it does not. */
    static List<String> applies(Recommendation recommendation, Ctx c) {
        return switch (recommendation) {
            case MDT_DISCUSSION -> mdtDiscussion(c);
            case SABR -> sabr(c);
            case METASTASIS_SURGERY -> metastasisSurgery(c);
            case LIVER_RFA -> liverRfa(c);
            case BRAIN_RADIOSURGERY -> brainRadiosurgery(c);
            case REGIONAL_CURATIVE_TREATMENT -> regionalCurativeTreatment(c);
            case PRIMARY_TUMOR_SURGERY -> primaryTumorSurgery(c);
            case STAGING_IMAGING -> stagingImaging(c);
            case CLINICAL_TRIAL -> clinicalTrial(c);
        };
    }

    static List<String> mdtDiscussion(Ctx c) {
        if (c.oligo() == OligometastaticState.NO) {
            return null;
        }
        return List.of("oligometastatic: " + c.oligo().code());
    }

    static List<String> sabr(Ctx c) {
        if (!c.oligometastatic()) {
            return null;
        }
        List<String> extracranial = c.burden().sites().stream().filter(s -> !s.isIntracranial()).map(Site::code).toList();
        return extracranial.isEmpty() ? null : List.of("extracranial sites: " + String.join(", ", extracranial));
    }

    /** Liver lesions; a solitary lung (Yoshimoto), brain (Patchell) or bone (Durr: the only lesion) lesion. */
    static List<String> metastasisSurgery(Ctx c) {
        if (!c.oligometastatic()) {
            return null;
        }
        List<String> facts = new ArrayList<>();
        int liver = c.burden().lesionsAt(Site.LIVER);
        if (liver > 0) {
            facts.add("liver: " + liver + " lesion(s); resection 5-y OS 37%");
        }
        if (c.burden().lesionsAt(Site.LUNG) == 1) {
            facts.add("solitary lung lesion");
            DateInterval primary = c.record().primary().diagnosedDate();
            DateInterval first = c.burden().firstMetastasis();
            Answer shortDfi = primary == null || first == null ? Answer.UNDECIDED
                    : Answer.of(DateInterval.maxMonths(primary, first) <= Thresholds.LUNG_SHORT_DFI_MONTHS,
                    DateInterval.minMonths(primary, first) > Thresholds.LUNG_SHORT_DFI_MONTHS);
            if (shortDfi == Answer.UNDECIDED) {
                blame(primary, first, c.undecided());
            }
            if (shortDfi != Answer.NO) {
                facts.add("negative factor: disease-free interval "
                        + (shortDfi == Answer.UNDECIDED ? "unknown" : c.dfi() != null ? c.dfi() + " months"
                        : "of at most " + DateInterval.maxMonths(primary, first) + " months")
                        + " (3 years or less is unfavourable)");
            }
            if (c.record().er().isNegative() && c.record().pr().isNegative()) {
                facts.add("negative factor: hormone receptor negative");
            }
        }
        if (c.burden().lesionsAt(Site.BRAIN) == 1) {
            facts.add("solitary brain lesion");
        }
        if (c.burden().lesionCount() == 1 && c.siteOnly(Site.BONE)) {
            facts.add("solitary bone lesion, the only metastasis");
        }
        return facts.isEmpty() ? null : facts;
    }

    static List<String> liverRfa(Ctx c) {
        if (!c.oligometastatic() || c.burden().lesionsAt(Site.LIVER) != 1 || !c.record().er().isPositive()) {
            return null;
        }
        for (Lesion lesion : c.burden().current()) {
            if (lesion.site() == Site.LIVER) {
                if (lesion.sizeMm() == null || lesion.sizeMm() >= Thresholds.RFA_MAX_MM) {
                    return null;
                }
                return List.of("single liver lesion of " + lesion.sizeMm().intValue() + " mm (under 30 mm)",
                        "ER positive");
            }
        }
        return null;
    }

    static List<String> brainRadiosurgery(Ctx c) {
        int brain = c.burden().lesionsAt(Site.BRAIN);
        if (!c.oligometastatic() || brain == 0) {
            return null;
        }
        List<String> facts = new ArrayList<>(List.of("brain: " + brain + " lesion(s)"));
        if (c.record().her2().isPositive()) {
            facts.add("HER2-positive: the subgroup that benefits most");
        }
        return facts;
    }

    /** Sternal and contralateral axillary disease behave as regional, lymphatic spread (review, refs 46-50). */
    static List<String> regionalCurativeTreatment(Ctx c) {
        List<Lesion> current = c.burden().current();
        if (current.isEmpty() || !c.burden().unknownSideAxillary().isEmpty()) {
            return null;
        }
        if (current.stream().allMatch(Lesion::sternal)) {
            return List.of("all current lesions are sternal");
        }
        if (current.stream().allMatch(l -> l.site() == Site.AXILLARY_LYMPH_NODE)) {
            return List.of("all current lesions are contralateral axillary nodes");
        }
        return null;
    }

    static List<String> primaryTumorSurgery(Ctx c) {
        if (!c.oligometastatic() || c.state() != EstroEortcState.SYNCHRONOUS || c.record().primaryResected()) {
            return null;
        }
        boolean hr = hormoneReceptorPositive(c.record());
        boolean her2 = c.record().her2().isPositive();
        boolean boneOnly = c.siteOnly(Site.BONE);
        boolean knownNotTripleNegative = c.subtype() != Subtype.TRIPLE_NEGATIVE && c.subtype() != Subtype.UNKNOWN;
        if (!(hr || her2 || (boneOnly && knownNotTripleNegative))) {
            return null;
        }
        List<String> facts = new ArrayList<>(List.of("synchronous (de novo) disease", "no breast surgery recorded"));
        if (boneOnly) {
            facts.add("bone-only disease");
        }
        if (hr) {
            facts.add("hormone receptor positive");
        }
        if (her2) {
            facts.add("HER2-positive");
        }
        return facts;
    }

    /**
     * Staging imaging unless some imaging lies within 90 days of the OMD date (before or after) for every day of
     * both dates; undecided when an imaging date may or may not lie in the window: then nothing is recommended
     * and an imprecise OMD date is named (clinical-rules 8).
     */
    static List<String> stagingImaging(Ctx c) {
        List<DateInterval> imaging = c.record().imagingDates();
        DateInterval omd = c.burden().omd();
        if (omd == null) {
            return imaging.isEmpty() ? List.of("no imaging report in the record") : null;
        }
        boolean undecided = false;
        for (DateInterval date : imaging) {
            if (omd.maxDaysTo(date) <= Thresholds.IMAGING_WINDOW_DAYS) {
                return null;
            }
            undecided |= omd.minDaysTo(date) <= Thresholds.IMAGING_WINDOW_DAYS;
        }
        if (undecided) {
            blameOmd(omd, c.undecided());
            return null;
        }
        return List.of("no imaging dated within " + Thresholds.IMAGING_WINDOW_DAYS + " days of the OMD date " + omd);
    }

    /** clinical-rules 6 and 8: exactly when oligometastatic yes and some trial matches. */
    static List<String> clinicalTrial(Ctx c) {
        if (!c.oligometastatic() || c.trials().isEmpty()) {
            return null;
        }
        return List.of("oligometastatic: yes", "trials to check: " + String.join(", ",
                c.trials().stream().map(t -> t.displayName() + " (" + t.nct() + ")").toList()));
    }

    /**
     * The open trials whose checked criteria the record meets, by NCT number (clinical-rules 8). Computed whenever
     * the lesion count is known, so that 6-10 lesions (polymetastatic) still list SABR-COMET-10: within a trial
     * only, with no metastasis-directed recommendation.
     */
    static List<Trial> matchingTrials(OmbcRecord record, DiseaseBurden burden, EstroEortcState state,
                                      List<Trial> trials) {
        if (burden.lesionCount() == null) {
            return List.of();
        }
        TrialFacts facts = trialFacts(record, burden, state);
        return trials.stream().filter(t -> t.matches(facts)).toList();
    }

    static TrialFacts trialFacts(OmbcRecord record, DiseaseBurden burden, EstroEortcState state) {
        return new TrialFacts(burden.lesionCount(), burden.sites().size(), burden.lesionsAt(Site.BRAIN),
                burden.sites().equals(Set.of(Site.BONE)), isFirstLine(state), isPrimaryControlled(record),
                hormoneReceptorPositive(record), record.er().isPositive(), record.her2().isNegative(),
                record.her2().isPositive(), state == EstroEortcState.SYNCHRONOUS);
    }

    /**
     * "First line" (clinical-rules 8): the current episode is the first, ESTRO-EORTC de novo. Repeat and induced
     * states come after an earlier episode or polymetastatic disease; an undetermined state is not first line.
     */
    static boolean isFirstLine(EstroEortcState state) {
        return state == EstroEortcState.SYNCHRONOUS || state == EstroEortcState.METACHRONOUS_OLIGORECURRENCE
                || state == EstroEortcState.METACHRONOUS_OLIGOPROGRESSION;
    }

    /** "Primary controlled" (clinical-rules 8): resected, or the primary Condition resolved, in remission or inactive. */
    static boolean isPrimaryControlled(OmbcRecord record) {
        return record.primaryResected() || record.primary().inactive();
    }

    // -- missing data -----------------------------------------------------------------------------------------

    /**
     * clinical-rules 7 and 8: receptors, lesion count and axillary side whenever they are unknown; a date or the
     * disease status only when a decision this patient needs is undecided because of it ({@code undecided}).
     */
    static List<MissingData> missingData(OmbcRecord record, DiseaseBurden burden, Set<MissingData> undecided) {
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
        if (burden.current().stream().anyMatch(l -> l.count() == null)) {
            missing.add(MissingData.LESION_COUNT);
        }
        if (!burden.unknownSideAxillary().isEmpty()) {
            missing.add(MissingData.AXILLARY_NODE_LATERALITY);
        }
        return missing.stream().sorted(Comparator.comparing(MissingData::code)).toList();
    }
}
