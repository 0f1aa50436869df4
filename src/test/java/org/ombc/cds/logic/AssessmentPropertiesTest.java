package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.SyntheticPatients;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Vignettes;

/** Invariants over many generated charts, with fixed seeds so that a failure can be replayed. */
class AssessmentPropertiesTest {

    @RepeatedTest(40)
    void resourceOrderNeverChangesTheAssessment(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        PatientBundle chart = randomChart(random, 1 + random.nextInt(8));
        AssessmentJson expected = AssessmentJson.of(Vignettes.assess(chart));
        List<Resource> shuffled = new ArrayList<>(chart.resources());
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(shuffled, random);
            assertThat(AssessmentJson.of(Vignettes.assess(PatientBundle.bundleOf(shuffled))))
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(40)
    void moreThanFiveLesionsNeverGetMetastasisDirectedTherapy(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        Assessment a = Vignettes.assess(randomChart(random, 6 + random.nextInt(10)));
        assertThat(a.oligometastatic()).isEqualTo(OligometastaticState.NO);
        assertThat(a.recommendations()).noneMatch(Recommendation::isMetastasisDirected);
    }

    @RepeatedTest(20)
    void duplicatedResourcesDoNotChangeTheAssessment(RepetitionInfo repetition) {
        Random random = new Random(2000 + repetition.getCurrentRepetition());
        PatientBundle chart = randomChart(random, 1 + random.nextInt(5));
        List<Resource> doubled = new ArrayList<>(chart.resources());
        doubled.addAll(chart.resources().subList(1, chart.resources().size()));
        assertThat(AssessmentJson.of(Vignettes.assess(PatientBundle.bundleOf(doubled))))
                .isEqualTo(AssessmentJson.of(Vignettes.assess(chart)));
    }

    static PatientBundle randomChart(Random random, int lesions) {
        return SyntheticPatients.randomChart(random, lesions);
    }
}
