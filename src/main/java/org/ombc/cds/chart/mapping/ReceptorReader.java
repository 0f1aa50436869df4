package org.ombc.cds.chart.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Dated;
import org.ombc.cds.model.ReceptorResult;

/**
 * Reads the ER, PR and HER2 results (clinical-rules 1, 8 "Receptors" and 10 "Results without a value; ISH ratios"):
 * the codes of each test, positive and negative in any of the listed codings or interpretations, and a HER2 in situ
 * hybridisation ratio as a number or as text; anything else (equivocal, IHC 2+ without ISH, an answer given only as
 * text) is unknown. An Observation with no value, no interpretation and no dataAbsentReason is not a result.
 */
final class ReceptorReader {

    private static final Pattern ISH_WORDS =
            Pattern.compile("\\b(FISH|CISH|SISH|ISH|in situ hybridi[sz]ation)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIO_WORDS = Pattern.compile("ratio|CEP ?17|chromosome 17", Pattern.CASE_INSENSITIVE);

    private final Terminology terminology;
    private final RecordDates dates;

    ReceptorReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
    }

    /**
     * The latest dated result wins (clinical-rules 1 and 8); an equivocal or unreadable latest result makes the
     * receptor unknown, even after an earlier definite one: the newest specimen is the one that counts. Two
     * different results on the latest date cannot be ranked: unknown. Undated results count only when nothing is
     * dated, and only when they agree.
     *
     * @param label how the notes name the test: ER, PR or HER2
     */
    Read<ReceptorResult> read(List<Observation> observations, ValueSetId test, String label) {
        Notes notes = new Notes();
        List<Dated<ReceptorResult.Status>> results = new ArrayList<>();
        for (Observation observation : observations) {
            if (!terminology.containsAny(test, observation.getCode()) || !isResult(observation)) {
                continue;
            }
            boolean ish = test == ValueSetId.HER2_TEST && isIshRatio(observation);
            BigDecimal percent = test == ValueSetId.HER2_TEST ? null : percentOfCells(observation);
            if (ish || percent != null || isAnswer(observation)) {
                ReceptorResult.Status status = ish
                        ? her2Ish(observation)
                        : percent != null ? hormoneReceptorByPercent(percent) : status(observation, test);
                results.add(new Dated<>(notes.take(dates.effective(observation)), status));
            }
        }
        List<Dated<ReceptorResult.Status>> latest = Dated.latest(results);
        if (latest.isEmpty()) {
            return notes.with(ReceptorResult.UNKNOWN);
        }
        boolean seenPositive = results.stream().anyMatch(r -> r.value() == ReceptorResult.Status.POSITIVE);
        boolean seenNegative = results.stream().anyMatch(r -> r.value() == ReceptorResult.Status.NEGATIVE);
        boolean conflicting = seenPositive && seenNegative;
        DateInterval latestDate = latest.get(0).date();
        Set<ReceptorResult.Status> candidates = EnumSet.noneOf(ReceptorResult.Status.class);
        latest.forEach(r -> candidates.add(r.value()));
        String when = latestDate == null ? "undated" : "of " + latestDate;
        if (candidates.size() > 1) {
            notes.add(label + " results " + when + " disagree: " + label + " status is taken as unknown; "
                    + "record which result is valid.");
            return notes.with(new ReceptorResult(ReceptorResult.Status.UNKNOWN, latestDate, true));
        }
        ReceptorResult.Status status = candidates.iterator().next();
        if (status == ReceptorResult.Status.UNKNOWN) {
            notes.add("The latest " + label + " result (" + when + ") is equivocal or unreadable: " + label
                    + " status is unknown"
                    + (seenPositive || seenNegative ? " even though an earlier result was " + "definite" : "")
                    + "; record a positive or negative result"
                    + (label.equals("HER2") ? " (IHC 2+ needs an ISH result)." : "."));
        } else if (conflicting) {
            notes.add(label + " results disagree over time: the latest (" + when + ") is used.");
        }
        return notes.with(new ReceptorResult(status, latestDate, conflicting));
    }

    /** No value, no interpretation and no dataAbsentReason: an order or a placeholder, not a result (rules 10). */
    private static boolean isResult(Observation observation) {
        return observation.hasValue() || observation.hasInterpretation() || observation.hasDataAbsentReason();
    }

    /** The percentage of stained tumour cells an ER or PR result gives (a Quantity in %), or null. */
    private static @Nullable BigDecimal percentOfCells(Observation observation) {
        if (observation.getValue() instanceof Quantity q && q.hasValue() && !q.hasComparator()) {
            String unit = q.hasCode() ? q.getCode() : q.getUnit();
            return unit != null && unit.trim().equals("%") ? q.getValue() : null;
        }
        return null;
    }

    /**
     * ASCO/CAP 2020: ER or PR is positive when at least 1% of tumour cells stain, negative below (the rules list
     * these result codes without saying how to read them; the guideline every pathology report follows does).
     */
    private static ReceptorResult.Status hormoneReceptorByPercent(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            return ReceptorResult.Status.UNKNOWN;
        }
        return percent.compareTo(BigDecimal.ONE) >= 0 ? ReceptorResult.Status.POSITIVE : ReceptorResult.Status.NEGATIVE;
    }

    /**
     * A coded or written answer, or none (an interpretation or a dataAbsentReason alone). A measurement (percentage
     * of stained cells, intensity, copy number) states no receptor status by itself: the status is recorded as its
     * own result, so the measurement is neither evidence nor an unreadable result.
     */
    private static boolean isAnswer(Observation observation) {
        return !observation.hasValue()
                || observation.getValue() instanceof CodeableConcept
                || observation.getValue() instanceof org.hl7.fhir.r4.model.StringType;
    }

    /**
     * A HER2 ISH result whose value may be the HER2/CEP17 ratio: our list, or a test whose display names in situ
     * hybridisation (FISH, CISH, SISH, ISH) and the ratio to chromosome 17. A copy number alone is not the ratio.
     */
    private boolean isIshRatio(Observation observation) {
        return terminology.containsAny(ValueSetId.HER2_ISH_RATIO, observation.getCode())
                || Codings.words(observation.getCode()).stream()
                        .anyMatch(w -> ISH_WORDS.matcher(w).find()
                                && RATIO_WORDS.matcher(w).find());
    }

    /**
     * A HER2 ISH result: a coded answer as any result, else the HER2/CEP17 ratio as a number or as text (ASCO/CAP,
     * clinical-rules 10): below 2.0 not amplified, 2.0 or more amplified; "less than 1.8" is below 2.0, "greater
     * than 2.2" above it, "less than 2.5" cannot be placed.
     */
    private ReceptorResult.Status her2Ish(Observation observation) {
        if (observation.getValue() instanceof CodeableConcept) {
            return status(observation, ValueSetId.HER2_TEST);
        }
        IshRatio ratio = IshRatio.of(observation.getValue());
        return ratio == null ? ReceptorResult.Status.UNKNOWN : ratio.status();
    }

    /**
     * A coded answer: positive or negative for any receptor; for HER2 also the IHC scores (3+ positive, 0 and 1+
     * negative, 2+ unknown) and the ISH answers (amplified, not amplified).
     */
    private ReceptorResult.Status status(Observation observation, ValueSetId test) {
        List<CodeableConcept> evidence = new ArrayList<>();
        if (observation.getValue() instanceof CodeableConcept value) {
            evidence.add(value);
        }
        boolean her2 = test == ValueSetId.HER2_TEST;
        boolean positive = terminology.containsAny(ValueSetId.RESULT_POSITIVE, evidence)
                || (her2
                        && (terminology.containsAny(ValueSetId.HER2_IHC_POSITIVE, evidence)
                                || terminology.containsAny(ValueSetId.HER2_ISH_AMPLIFIED, evidence)));
        boolean negative = terminology.containsAny(ValueSetId.RESULT_NEGATIVE, evidence)
                || (her2
                        && (terminology.containsAny(ValueSetId.HER2_IHC_NEGATIVE, evidence)
                                || terminology.containsAny(ValueSetId.HER2_ISH_NOT_AMPLIFIED, evidence)));
        if (!positive && !negative && observation.getValue() == null) {
            positive = terminology.containsAny(ValueSetId.RESULT_POSITIVE, observation.getInterpretation());
            negative = terminology.containsAny(ValueSetId.RESULT_NEGATIVE, observation.getInterpretation());
        }
        if (positive == negative) {
            return ReceptorResult.Status.UNKNOWN;
        }
        return positive ? ReceptorResult.Status.POSITIVE : ReceptorResult.Status.NEGATIVE;
    }
}
