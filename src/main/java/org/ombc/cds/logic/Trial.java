package org.ombc.cds.logic;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trial of metastasis-directed therapy (clinical-rules 8, the review's Table 2), read from a FHIR ResearchStudy
 * of {@code fhir-profiles/researchstudies/} or a site's extra folder. A match means "check eligibility", never
 * "eligible": only the headline criteria the record can show are checked.
 *
 * @param nct         the ClinicalTrials.gov number, e.g. NCT03862911
 * @param displayName the trial's short name
 * @param status      the ResearchStudy status code; only {@code active} trials are ever listed
 * @param phase       the ResearchStudy phase code, e.g. phase-3
 * @param criteria    the eligibility criteria as text, for the clinician
 * @param checks      the criteria the service checks against the record
 * @param notes       what the clinician must check that the record cannot show ("brain lesions must have been
 *                    treated first")
 * @param source      where the definition was read from (a file name), for messages
 */
public record Trial(
        String nct,
        String displayName,
        String status,
        @Nullable String phase,
        String criteria,
        List<TrialCriterion> checks,
        List<String> notes,
        String source) {

    /** The ResearchStudy status of a trial open for accrual (FHIR R4 research-study-status). */
    public static final String ACTIVE = "active";

    public Trial {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public String url() {
        return "https://clinicaltrials.gov/study/" + nct;
    }

    /** A closed, completed or withdrawn trial is evidence at most, never one to join (NRG-BR002). */
    public boolean open() {
        return ACTIVE.equals(status);
    }

    /** The checked criteria this patient does not meet (unknown facts do not meet a criterion). */
    public List<TrialCriterion> unmet(TrialFacts facts) {
        List<TrialCriterion> unmet = new ArrayList<>();
        for (TrialCriterion check : checks) {
            if (!check.isMetBy(facts)) {
                unmet.add(check);
            }
        }
        return unmet;
    }

    /** Open, and every checked criterion met. */
    public boolean matches(TrialFacts facts) {
        return open() && unmet(facts).isEmpty();
    }
}
