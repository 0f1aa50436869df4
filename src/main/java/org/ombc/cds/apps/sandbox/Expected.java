package org.ombc.cds.apps.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the assessment of a catalogue case must conclude, in the codes of the public assessment contract
 * (AssessmentJson): each list is the whole answer, not a subset, so a recommendation, factor, missing-data code
 * or trial that appears without being written here fails the case.
 *
 * @param oligometastatic  yes, no, indeterminate, or null when there is no metastatic breast cancer (no card)
 * @param estroEortcState  null when not oligometastatic or not determinable
 * @param lesionCount      current distant lesions, null when unknown or not metastatic
 * @param shown            facts a finding must show, as "finding-code: start of the fact"
 * @param notShown         facts no finding of that code may show, same form
 * @param disagreement     null, or why the service's answer differs from this one, which is the rules' answer
 *                         and is kept: the difference is reported, never settled by copying the service
 */
public record Expected(
        @Nullable String oligometastatic,
        @Nullable String estroEortcState,
        @Nullable Integer lesionCount,
        List<String> recommendations,
        List<String> favorable,
        List<String> unfavorable,
        List<String> missingData,
        List<String> trials,
        List<String> shown,
        List<String> notShown,
        @Nullable String disagreement) {

    public Expected {
        recommendations = List.copyOf(recommendations);
        favorable = List.copyOf(favorable);
        unfavorable = List.copyOf(unfavorable);
        missingData = List.copyOf(missingData);
        trials = List.copyOf(trials);
        shown = List.copyOf(shown);
        notShown = List.copyOf(notShown);
    }

    /** Oligometastatic (1-5 lesions) in ESTRO-EORTC state {@code state} (null: undetermined). */
    public static Expected oligometastatic(@Nullable String state, int lesions) {
        return new Expected(
                "yes", state, lesions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null);
    }

    /** More than 5 current lesions. */
    public static Expected polymetastatic(int lesions) {
        return new Expected(
                "no", null, lesions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Metastatic with an unknown lesion count. */
    public static Expected indeterminate() {
        return new Expected(
                "indeterminate",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    /** No metastatic breast cancer, or no breast cancer at all: no card. */
    public static Expected notMetastatic() {
        return new Expected(
                null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    public Expected recommends(String... codes) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                List.of(codes),
                favorable,
                unfavorable,
                missingData,
                trials,
                shown,
                notShown,
                disagreement);
    }

    public Expected favorable(String... codes) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                List.of(codes),
                unfavorable,
                missingData,
                trials,
                shown,
                notShown,
                disagreement);
    }

    public Expected unfavorable(String... codes) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                List.of(codes),
                missingData,
                trials,
                shown,
                notShown,
                disagreement);
    }

    public Expected missing(String... codes) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                unfavorable,
                List.of(codes),
                trials,
                shown,
                notShown,
                disagreement);
    }

    /** Trials to check eligibility for, by NCT number. */
    public Expected trials(String... ncts) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                unfavorable,
                missingData,
                List.of(ncts),
                shown,
                notShown,
                disagreement);
    }

    /** The finding {@code code} shows a fact starting with {@code fact}. */
    public Expected shows(String code, String fact) {
        List<String> more = new ArrayList<>(shown);
        more.add(code + ": " + fact);
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                unfavorable,
                missingData,
                trials,
                more,
                notShown,
                disagreement);
    }

    /** The rules answer this, the service answers otherwise: {@code why}, for the report. */
    public Expected disagreement(String why) {
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                unfavorable,
                missingData,
                trials,
                shown,
                notShown,
                why);
    }

    /** No fact of the finding {@code code} starts with {@code fact}. */
    public Expected showsNot(String code, String fact) {
        List<String> more = new ArrayList<>(notShown);
        more.add(code + ": " + fact);
        return new Expected(
                oligometastatic,
                estroEortcState,
                lesionCount,
                recommendations,
                favorable,
                unfavorable,
                missingData,
                trials,
                shown,
                more,
                disagreement);
    }
}
