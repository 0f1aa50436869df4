package org.ombc.cds.mapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.Dated;
import org.ombc.cds.model.ReceptorResult;

/**
 * Reads the ER, PR and HER2 results (clinical-rules 1, and 8 "Receptors"): the codes of each test, positive and
 * negative in any of the listed codings, interpretations or words; anything else (equivocal, IHC 2+ without ISH)
 * is unknown.
 */
final class ReceptorReader {

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
            if (terminology.containsAny(test, observation.getCode())) {
                ReceptorResult.Status status = status(observation);
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
                    + " status is unknown" + (seenPositive || seenNegative ? " even though an earlier result was "
                    + "definite" : "") + "; record a positive or negative result"
                    + (label.equals("HER2") ? " (IHC 2+ needs an ISH result)." : "."));
        } else if (conflicting) {
            notes.add(label + " results disagree over time: the latest (" + when + ") is used.");
        }
        return notes.with(new ReceptorResult(status, latestDate, conflicting));
    }

    private ReceptorResult.Status status(Observation observation) {
        List<CodeableConcept> evidence = new ArrayList<>();
        String text = null;
        if (observation.getValue() instanceof CodeableConcept value) {
            evidence.add(value);
            text = value.getText();
        } else if (observation.getValue() instanceof StringType value) {
            text = value.getValue();
        }
        boolean positive = terminology.containsAny(ValueSetId.RESULT_POSITIVE, evidence);
        boolean negative = terminology.containsAny(ValueSetId.RESULT_NEGATIVE, evidence);
        if (!positive && !negative && text != null) {
            String word = text.trim().toLowerCase(Locale.ROOT);
            positive = word.equals("positive") || word.equals("pos");
            negative = word.equals("negative") || word.equals("neg");
        }
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
