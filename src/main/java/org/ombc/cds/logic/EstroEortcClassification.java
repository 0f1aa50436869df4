package org.ombc.cds.logic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.model.Answer;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.OmbcRecord;
import org.ombc.cds.model.PrimaryTumour;
import org.ombc.cds.model.Progression;
import org.ombc.cds.model.TherapyPeriod;

/**
 * Is the patient oligometastatic (ESTRO-ASTRO, clinical-rules 3), and in which ESTRO-EORTC state (Guckenberger
 * 2020, clinical-rules 4, with the timing of clinical-rules 8)? Therapy is judged at the OMD date for every state;
 * progression is the latest disease status dated from {@link Thresholds#PROGRESSION_LOOKBACK_DAYS} days before it.
 */
final class EstroEortcClassification {

    static final String FINDING = "estro-eortc-state";

    /**
     * The ESTRO-EORTC state with its basis.
     *
     * @param state     empty when the record cannot decide between states
     * @param undecided what the record lacks to decide it
     */
    record Classified(Optional<EstroEortcState> state, Finding finding, Set<MissingData> undecided) {}

    private EstroEortcClassification() {}

    /**
     * clinical-rules 3: yes with 1-5 current lesions, no above, indeterminate when the count is unknown. With
     * axillary nodes of unknown side the count is a range: yes only when its upper end is at most 5, no only when
     * its lower end is above 5 (clinical-rules 7: no confident answer that depends on the missing side).
     */
    static OligometastaticState oligometastaticState(DiseaseBurden burden) {
        Integer lower = burden.lesionCount();
        if (lower == null) {
            return OligometastaticState.INDETERMINATE;
        }
        if (lower > Thresholds.OLIGO_MAX_LESIONS) {
            return OligometastaticState.NO;
        }
        Integer upper = burden.withUnknownSideDistant().lesionCount();
        return upper != null && upper <= Thresholds.OLIGO_MAX_LESIONS
                ? OligometastaticState.YES
                : OligometastaticState.INDETERMINATE;
    }

    static Finding oligometastaticFinding(DiseaseBurden burden, OligometastaticState oligo) {
        int max = Thresholds.OLIGO_MAX_LESIONS;
        Integer count = burden.lesionCount();
        List<String> facts =
                new ArrayList<>(List.of("current distant lesions: " + (count == null ? "unknown" : count)));
        if (burden.stagedOnly() != null) {
            facts.add("staging records distant metastases (M1 or stage IV) that the chart does not list as metastasis "
                    + "Conditions: record each metastasis with its site and date");
        }
        if (count != null && !burden.unknownSideAxillary().isEmpty()) {
            Integer upper = burden.withUnknownSideDistant().lesionCount();
            facts.add((upper == null ? "an unknown number" : String.valueOf(upper)) + " if the axillary node(s) of "
                    + "unknown side are contralateral (distant)");
        }
        return new Finding(
                oligo.code(),
                "clinical-rules 3 (ESTRO-ASTRO): yes with " + Thresholds.oligometastaticRange()
                        + " current lesions, no above " + max + ", indeterminate when the count is unknown; 'safely "
                        + "treatable' is for the tumour board to confirm",
                facts,
                List.of(Evidence.LIEVENS_2020));
    }

    /** clinical-rules 4: asked only of an oligometastatic patient. */
    static Classified classify(OmbcRecord record, PrimaryTumour primary, DiseaseBurden burden) {
        DateInterval omd = burden.omd();
        List<String> facts = new ArrayList<>();
        Set<MissingData> undecided = EnumSet.noneOf(MissingData.class);
        facts.add("OMD diagnosis date: " + (omd == null ? "unknown" : omd));
        EstroEortcState state = null;
        if (omd == null) {
            facts.add("no state without the date of the current metastases");
            undecided.add(MissingData.METASTASIS_DIAGNOSIS_DATE);
        } else if (burden.polymetastaticHistory() || burden.omdHistory()) {
            state = afterEarlierDisease(record, burden, omd, facts, undecided);
        } else {
            state = deNovo(record, primary.diagnosedDate(), omd, facts, undecided);
        }
        Finding finding = new Finding(
                state == null ? "undetermined" : state.code(),
                "clinical-rules 4 and 8: induced after polymetastatic history, repeat after an earlier episode, else "
                        + "synchronous within " + Thresholds.SYNCHRONOUS_MONTHS + " months of the primary or "
                        + "metachronous; therapy at the OMD date and the disease status from "
                        + Thresholds.PROGRESSION_LOOKBACK_DAYS + " days before it split recurrence, progression and "
                        + "persistence",
                facts,
                List.of(Evidence.GUCKENBERGER_2020));
        return new Classified(Optional.ofNullable(state), finding, undecided);
    }

    /** Induced after polymetastatic history, repeat after an earlier episode; null when undecided. */
    private static @Nullable EstroEortcState afterEarlierDisease(
            OmbcRecord record, DiseaseBurden burden, DateInterval omd, List<String> facts, Set<MissingData> undecided) {
        boolean induced = burden.polymetastaticHistory();
        facts.add(
                induced
                        ? "polymetastatic history: up to " + burden.peakActive() + " lesions active at once"
                        : "an earlier metastatic episode abated before the current lesions");
        Answer onTherapy = onSystemicTherapy(record, omd);
        facts.add(therapyFact(onTherapy));
        if (onTherapy == Answer.UNDECIDED) {
            undecided.addAll(DateThresholds.undecidedByOmd(omd));
            return null;
        }
        if (onTherapy == Answer.NO) {
            return induced ? EstroEortcState.INDUCED_OLIGORECURRENCE : EstroEortcState.REPEAT_OLIGORECURRENCE;
        }
        Progression progression = progressionAt(record, omd);
        if (progression == Progression.PROGRESSING) {
            facts.add("disease status (LOINC 97509-4) since the OMD date: progressing");
            return induced ? EstroEortcState.INDUCED_OLIGOPROGRESSION : EstroEortcState.REPEAT_OLIGOPROGRESSION;
        }
        if (progression == Progression.NOT_PROGRESSING) {
            facts.add("disease status (LOINC 97509-4) since the OMD date: not progressing");
            return induced ? EstroEortcState.INDUCED_OLIGOPERSISTENCE : EstroEortcState.REPEAT_OLIGOPERSISTENCE;
        }
        facts.add("progression vs persistence undecided: no readable disease status (LOINC 97509-4) dated from "
                + Thresholds.PROGRESSION_LOOKBACK_DAYS + " days before the OMD date on");
        undecided.add(MissingData.DISEASE_STATUS);
        return null;
    }

    /** Synchronous within the months of the primary, else metachronous by therapy; null when undecided. */
    private static @Nullable EstroEortcState deNovo(
            OmbcRecord record,
            @Nullable DateInterval primary,
            DateInterval omd,
            List<String> facts,
            Set<MissingData> undecided) {
        if (primary == null) {
            facts.add("synchronous vs metachronous undecided: primary diagnosis date unknown");
            undecided.add(MissingData.PRIMARY_DIAGNOSIS_DATE);
            return null;
        }
        Answer synchronous = DateThresholds.isSynchronous(primary, omd);
        if (synchronous == Answer.UNDECIDED) {
            facts.add("synchronous vs metachronous undecided: the dates (primary " + primary + ") allow both");
            undecided.addAll(DateThresholds.undecidedBy(primary, omd));
            return null;
        }
        if (synchronous == Answer.YES) {
            facts.add("OMD within " + Thresholds.SYNCHRONOUS_MONTHS + " months of the primary (" + primary + ")");
            return EstroEortcState.SYNCHRONOUS;
        }
        facts.add("OMD more than " + Thresholds.SYNCHRONOUS_MONTHS + " months after the primary (" + primary + ")");
        Answer onTherapy = onSystemicTherapy(record, omd);
        facts.add(therapyFact(onTherapy));
        if (onTherapy == Answer.UNDECIDED) {
            undecided.addAll(DateThresholds.undecidedByOmd(omd));
            return null;
        }
        return onTherapy == Answer.YES
                ? EstroEortcState.METACHRONOUS_OLIGOPROGRESSION
                : EstroEortcState.METACHRONOUS_OLIGORECURRENCE;
    }

    private static String therapyFact(Answer onTherapy) {
        return switch (onTherapy) {
            case YES -> "on systemic therapy at the OMD date";
            case NO -> "not on systemic therapy at the OMD date";
            case UNDECIDED -> "on systemic therapy at the OMD date or not: undecided (the dates allow both)";
        };
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
     * The latest disease status dated from the look-back before the OMD date onward (clinical-rules 8); UNKNOWN
     * when there is none, when the latest is unreadable, or when two on the latest date disagree.
     */
    static Progression progressionAt(OmbcRecord record, DateInterval omd) {
        LocalDate from = omd.start().minusDays(Thresholds.PROGRESSION_LOOKBACK_DAYS);
        LocalDate latest = null;
        Set<Progression> latestStatuses = EnumSet.noneOf(Progression.class);
        for (DiseaseStatus status : record.diseaseStatuses()) {
            DateInterval date = status.date();
            if (date == null || date.start().isBefore(from)) {
                continue;
            }
            if (latest == null || date.start().isAfter(latest)) {
                latest = date.start();
                latestStatuses.clear();
            }
            if (date.start().equals(latest)) {
                latestStatuses.add(status.status());
            }
        }
        return latestStatuses.size() == 1 ? latestStatuses.iterator().next() : Progression.UNKNOWN;
    }
}
