package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.PatientBundle.sct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.PatientBundle;
import org.ombc.cds.support.Vignettes;

/** Invariants over many generated charts, with fixed seeds so that a failure can be replayed. */
class AssessmentPropertiesTest {

    private static final String[] SITE_CODES = {"94222008", "94381002", "94391008", "94225005", "94493005", "94161006"};

    @RepeatedTest(40)
    void resourceOrderNeverChangesTheAssessment(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        PatientBundle chart = randomChart(random, 1 + random.nextInt(8));
        AssessmentJson expected = AssessmentJson.of(Vignettes.assess(chart));
        List<Resource> shuffled = new ArrayList<>(chart.resources());
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(shuffled, random);
            assertThat(AssessmentJson.of(Vignettes.assess(PatientBundle.bundleOf(shuffled)))).isEqualTo(expected);
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

    /** A chart with {@code lesions} current lesions at random sites and random receptor results. */
    static PatientBundle randomChart(Random random, int lesions) {
        int year = 2010 + random.nextInt(10);
        PatientBundle chart = PatientBundle.patient("random-" + random.nextInt(1_000_000))
                .primary(year + "-0" + (1 + random.nextInt(9)) + "-15")
                .er(random.nextBoolean(), year + "-10-01").pr(random.nextBoolean(), year + "-10-01")
                .her2(random.nextBoolean(), year + "-10-01");
        if (random.nextBoolean()) {
            chart.imaging((year + 3) + "-06-01");
        }
        if (random.nextBoolean()) {
            chart.endocrineTherapy(year + "-11-01", random.nextBoolean() ? null : (year + 2) + "-11-01");
        }
        for (int i = 0; i < lesions; i++) {
            chart.metastasis("l" + i, sct(SITE_CODES[random.nextInt(SITE_CODES.length)]),
                    (year + 1 + random.nextInt(4)) + "-0" + (1 + random.nextInt(9)) + "-01");
        }
        return chart;
    }
}
