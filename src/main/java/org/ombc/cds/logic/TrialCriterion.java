package org.ombc.cds.logic;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One trial criterion the service checks (CodeSystem ombc, group {@code trial-criterion}; extension
 * {@code ombc-trial-criterion}). The counting kinds carry a value; the others do not.
 *
 * @param kind  which criterion
 * @param value the number of a counting criterion; null for the others, which carry none
 */
public record TrialCriterion(Kind kind, @Nullable Integer value) {

    public TrialCriterion {
        if (kind.counting() != (value != null)) {
            throw new IllegalArgumentException(kind.code() + (kind.counting() ? " needs a value" : " takes no value"));
        }
    }

    public static TrialCriterion of(Kind kind) {
        return new TrialCriterion(kind, null);
    }

    public static TrialCriterion of(Kind kind, int value) {
        return new TrialCriterion(kind, value);
    }

    /** Whether the record shows the criterion met; a fact the record lacks does not meet it. */
    public boolean isMetBy(TrialFacts f) {
        return switch (kind) {
            case LESION_COUNT_MIN -> f.lesionCount() >= number();
            case LESION_COUNT_MAX -> f.lesionCount() <= number();
            case MAX_ORGANS -> f.organCount() <= number();
            case ONE_ORGAN -> f.organCount() == 1;
            case NO_BRAIN -> f.brainLesions() == 0;
            case MAX_BRAIN_LESIONS -> f.brainLesions() <= number();
            case BONE_ONLY -> f.boneOnly();
            case FIRST_LINE -> f.firstLine();
            case PRIMARY_CONTROLLED -> f.primaryControlled();
            case HR_POSITIVE -> f.hormoneReceptorPositive();
            case ER_POSITIVE -> f.erPositive();
            case HER2_NEGATIVE -> f.her2Negative();
            // Only a known positive HER2 excludes: an unknown HER2 is named as missing data, and the card asks
            // to check eligibility anyway (decision where clinical-rules 8 is silent).
            case NOT_HER2_POSITIVE -> !f.her2Positive();
            case SYNCHRONOUS -> f.synchronous();
        };
    }

    /** The number of a counting criterion: the constructor guarantees one. */
    private int number() {
        return Objects.requireNonNull(value, kind.code());
    }

    /** How the criterion reads on a card or in the rules document, e.g. "at most 3 lesions". */
    public String label() {
        return value == null ? kind.label() : kind.label().replace("N", String.valueOf(value));
    }

    /** The criteria codes of clinical-rules 8, as published in ValueSet trial-criteria. */
    public enum Kind {
        LESION_COUNT_MIN("lesion-count-min", "at least N lesions", true),
        LESION_COUNT_MAX("lesion-count-max", "at most N lesions", true),
        MAX_ORGANS("max-organs", "at most N organs", true),
        ONE_ORGAN("one-organ", "one organ", false),
        NO_BRAIN("no-brain", "no brain lesions", false),
        MAX_BRAIN_LESIONS("max-brain-lesions", "at most N brain lesions", true),
        BONE_ONLY("bone-only", "bone only", false),
        FIRST_LINE("first-line", "first line", false),
        PRIMARY_CONTROLLED("primary-controlled", "primary controlled", false),
        HR_POSITIVE("hr-positive", "HR-positive", false),
        ER_POSITIVE("er-positive", "ER-positive", false),
        HER2_NEGATIVE("her2-negative", "HER2-negative", false),
        NOT_HER2_POSITIVE("not-her2-positive", "not HER2-positive", false),
        SYNCHRONOUS("synchronous", "synchronous", false);

        private final String code;
        private final String label;
        private final boolean counting;

        Kind(String code, String label, boolean counting) {
            this.code = code;
            this.label = label;
            this.counting = counting;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        /** Carries a number (lesions, organs). */
        public boolean counting() {
            return counting;
        }

        public static Optional<Kind> fromCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }
    }
}
