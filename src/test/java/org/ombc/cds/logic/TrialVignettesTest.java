package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * The trials of clinical-rules 8, read from {@code fhir-profiles/researchstudies/}: for each trial a chart that
 * matches, and next to it one chart per checked criterion that misses only that criterion.
 */
class TrialVignettesTest {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LIVER = sct("94381002");
    private static final CodeableConcept LUNG = sct("94391008");
    private static final CodeableConcept BRAIN = sct("94225005");

    static final String SABR_COMET_3 = "NCT03862911";
    static final String SABR_COMET_10 = "NCT03721341";
    static final String CORE = "NCT02759783";
    static final String STEREO_OS = "NCT03143322";
    static final String PROMISE_005 = "NCT03808337";
    static final String OLIGOMA = "NCT04495309";
    static final String STEREO_SEIN = "NCT02089100";
    static final String CLEAR = "NCT03750396";
    static final String OLIGO = "NCT01646034";
    static final String NRG_BR002 = "NCT02364557";

    /** Primary 2016 in remission (controlled), no receptors yet, relapse imaged 2021: first line once lesions come. */
    private static PatientBundle relapse(String id) {
        return PatientBundle.patient(id).primary("2016-01-01").imaging("2021-03-01");
    }

    private static PatientBundle luminalRelapse(String id) {
        return relapse(id).luminal("2016-01-10");
    }

    /** An earlier liver episode, resolved in 2018: the 2021 lesions are a repeat episode, not first line. */
    private static PatientBundle repeatEpisode(String id) {
        return luminalRelapse(id).pastMetastasis("old-liver", LIVER, "2018-01-01", "2018-06-01");
    }

    /** De novo: lesions three weeks after the primary (which is still active: not controlled). */
    private static PatientBundle synchronousLuminal(String id) {
        return PatientBundle.patient(id)
                .primary("2021-01-01")
                .luminal("2021-01-05")
                .imaging("2021-01-20");
    }

    private static PatientBundle lesions(PatientBundle chart, CodeableConcept site, int n) {
        for (int i = 0; i < n; i++) {
            chart.metastasis(
                    site.getCodingFirstRep().getCode() + "-" + i + "-"
                            + chart.resources().size(),
                    site,
                    "2021-03-01");
        }
        return chart;
    }

    static Stream<Arguments> charts() {
        return Stream.of(
                // SABR-COMET-3: 1-3 lesions, primary controlled
                listed(SABR_COMET_3, "3 lesions, primary in remission", () -> lesions(luminalRelapse("c3"), BONE, 3)),
                listed(
                        SABR_COMET_3,
                        "primary active but resected",
                        () -> lesions(
                                PatientBundle.patient("c3-res")
                                        .primaryCoded(sct("254837009"), "2016-01-01")
                                        .mastectomy("2016-02-01")
                                        .luminal("2016-01-10")
                                        .imaging("2021-03-01"),
                                BONE,
                                1)),
                missed(SABR_COMET_3, "4 lesions", () -> lesions(luminalRelapse("c3-4"), BONE, 4)),
                missed(
                        SABR_COMET_3,
                        "primary active, not resected",
                        () -> lesions(
                                PatientBundle.patient("c3-act")
                                        .primaryCoded(sct("254837009"), "2016-01-01")
                                        .luminal("2016-01-10")
                                        .imaging("2021-03-01"),
                                BONE,
                                1)),

                // SABR-COMET-10: 4-10 lesions, primary controlled
                listed(SABR_COMET_10, "4 lesions", () -> lesions(luminalRelapse("c10-4"), BONE, 4)),
                listed(SABR_COMET_10, "10 lesions (polymetastatic)", () -> lesions(luminalRelapse("c10-10"), BONE, 10)),
                missed(SABR_COMET_10, "3 lesions", () -> lesions(luminalRelapse("c10-3"), BONE, 3)),
                missed(SABR_COMET_10, "11 lesions", () -> lesions(luminalRelapse("c10-11"), BONE, 11)),
                missed(
                        SABR_COMET_10,
                        "primary active, not resected",
                        () -> lesions(
                                PatientBundle.patient("c10-act")
                                        .primaryCoded(sct("254837009"), "2016-01-01")
                                        .imaging("2021-03-01"),
                                BONE,
                                5)),

                // CORE: 1-3 lesions, at most 2 organs, no brain, first line
                listed(
                        CORE,
                        "bone and liver, first episode",
                        () -> lesions(lesions(luminalRelapse("core"), BONE, 2), LIVER, 1)),
                missed(
                        CORE,
                        "3 organs",
                        () -> lesions(lesions(lesions(luminalRelapse("core-3o"), BONE, 1), LIVER, 1), LUNG, 1)),
                missed(CORE, "a brain lesion", () -> lesions(lesions(luminalRelapse("core-br"), BONE, 1), BRAIN, 1)),
                missed(CORE, "4 lesions", () -> lesions(luminalRelapse("core-4"), BONE, 4)),
                missed(CORE, "repeat episode", () -> lesions(repeatEpisode("core-rep"), BONE, 2)),

                // STEREO-OS: 1-3 lesions, bone only, no brain, first line
                listed(STEREO_OS, "2 bone lesions", () -> lesions(luminalRelapse("os"), BONE, 2)),
                // Synchronous or metachronous is open (the primary is dated to the year): de novo either way.
                listed(
                        STEREO_OS,
                        "primary dated only to the year: timing open, still first line",
                        () -> PatientBundle.patient("os-year")
                                .primary("2019")
                                .luminal("2019-10-01")
                                .imaging("2019-09-20")
                                .boneLesions(2, "2019-09-15")),
                missed(
                        STEREO_OS,
                        "bone and liver",
                        () -> lesions(lesions(luminalRelapse("os-liver"), BONE, 1), LIVER, 1)),
                missed(STEREO_OS, "4 bone lesions", () -> lesions(luminalRelapse("os-4"), BONE, 4)),
                missed(STEREO_OS, "repeat episode", () -> lesions(repeatEpisode("os-rep"), BONE, 2)),

                // PROMISE-005: 1-5 lesions, not HER2-positive
                listed(PROMISE_005, "5 lesions, HER2-negative", () -> lesions(luminalRelapse("pr5"), BONE, 5)),
                listed(
                        PROMISE_005,
                        "HER2 unknown",
                        () -> lesions(relapse("pr-unk").er(true, "2016-01-10"), BONE, 2)),
                missed(
                        PROMISE_005,
                        "HER2-positive",
                        () -> lesions(relapse("pr-her2").her2(true, "2016-01-10"), BONE, 2)),
                missed(PROMISE_005, "6 lesions", () -> lesions(luminalRelapse("pr6"), BONE, 6)),

                // OLIGOMA: 1-5 lesions, at most 3 brain lesions
                listed(OLIGOMA, "3 brain lesions", () -> lesions(luminalRelapse("om-3b"), BRAIN, 3)),
                missed(OLIGOMA, "4 brain lesions", () -> lesions(luminalRelapse("om-4b"), BRAIN, 4)),
                missed(OLIGOMA, "6 lesions", () -> lesions(luminalRelapse("om-6"), BONE, 6)),

                // STEREO-SEIN: HR-positive, synchronous, no brain, first line, 1-5 lesions
                listed(STEREO_SEIN, "synchronous HR-positive", () -> synchronousLuminal("ss")
                        .metastasis("b1", BONE, "2021-01-20")
                        .metastasis("b2", BONE, "2021-01-20")),
                missed(STEREO_SEIN, "metachronous", () -> lesions(luminalRelapse("ss-meta"), BONE, 2)),
                missed(STEREO_SEIN, "triple-negative", () -> PatientBundle.patient("ss-tn")
                        .primary("2021-01-01")
                        .tripleNegative("2021-01-05")
                        .imaging("2021-01-20")
                        .metastasis("b1", BONE, "2021-01-20")),
                missed(STEREO_SEIN, "a brain lesion", () -> synchronousLuminal("ss-br")
                        .metastasis("b1", BONE, "2021-01-20")
                        .metastasis("br1", BRAIN, "2021-01-20")),
                missed(STEREO_SEIN, "6 lesions", () -> synchronousLuminal("ss-6")
                        .boneLesions(6, "2021-01-20")),

                // CLEAR: ER-positive, HER2-negative, 1-2 lesions in one organ, no brain, first line
                listed(CLEAR, "2 bone lesions, luminal", () -> lesions(luminalRelapse("cl"), BONE, 2)),
                missed(CLEAR, "3 lesions", () -> lesions(luminalRelapse("cl-3"), BONE, 3)),
                missed(CLEAR, "two organs", () -> lesions(lesions(luminalRelapse("cl-2o"), BONE, 1), LIVER, 1)),
                missed(
                        CLEAR,
                        "ER-negative, PR-positive",
                        () -> lesions(
                                relapse("cl-er")
                                        .er(false, "2016-01-10")
                                        .pr(true, "2016-01-10")
                                        .her2(false, "2016-01-10"),
                                BONE,
                                2)),
                missed(CLEAR, "HER2 unknown", () -> lesions(relapse("cl-her2").er(true, "2016-01-10"), BONE, 2)),
                missed(CLEAR, "a solitary brain lesion", () -> lesions(luminalRelapse("cl-br"), BRAIN, 1)),
                missed(CLEAR, "repeat episode", () -> lesions(repeatEpisode("cl-rep"), BONE, 2)),

                // OLIGO: HER2-negative, 1-3 lesions, first line
                listed(OLIGO, "3 lesions, HER2-negative", () -> lesions(luminalRelapse("ol"), LUNG, 3)),
                missed(OLIGO, "HER2 unknown", () -> lesions(relapse("ol-unk").er(true, "2016-01-10"), LUNG, 3)),
                missed(OLIGO, "HER2-positive", () -> lesions(relapse("ol-her2").her2(true, "2016-01-10"), LUNG, 3)),
                missed(OLIGO, "4 lesions", () -> lesions(luminalRelapse("ol-4"), LUNG, 4)),
                missed(OLIGO, "repeat episode", () -> lesions(repeatEpisode("ol-rep"), LUNG, 2)),

                // NRG-BR002: closed, negative; never listed even when its criteria hold
                missed(NRG_BR002, "closed trial, criteria met", () -> lesions(luminalRelapse("nrg"), BONE, 2)));
    }

    private static Arguments listed(String nct, String chart, Supplier<PatientBundle> bundle) {
        return Arguments.of(nct, chart, bundle, true);
    }

    private static Arguments missed(String nct, String chart, Supplier<PatientBundle> bundle) {
        return Arguments.of(nct, chart, bundle, false);
    }

    @ParameterizedTest(name = "{0} {1}: listed {3}")
    @MethodSource("charts")
    void eachTrialMatchesItsChartAndMissesEachNearMiss(
            String nct, String chart, Supplier<PatientBundle> bundle, boolean listed) {
        var a = Vignettes.json(bundle.get());
        if (listed) {
            assertThat(a.trials()).as(chart).contains(nct);
        } else {
            assertThat(a.trials()).as(chart).doesNotContain(nct);
        }
    }

    @Test
    void theClinicalTrialRecommendationAppearsExactlyWhenOligometastaticAndATrialMatches() {
        var oligo = Vignettes.json(lesions(luminalRelapse("rec-yes"), BONE, 2));
        assertThat(oligo.trials()).isNotEmpty().isSorted();
        assertThat(oligo.recommendations()).contains("clinical-trial");

        // Oligometastatic, but no open trial fits: 4 brain lesions and 1 bone lesion (OLIGOMA allows 3 brain),
        // HER2-positive (PROMISE-005), primary active and not resected (SABR-COMET-3 and -10).
        var none = Vignettes.json(lesions(
                lesions(
                        PatientBundle.patient("rec-none")
                                .primaryCoded(sct("254837009"), "2016-01-01")
                                .her2(true, "2016-01-10")
                                .imaging("2021-03-01"),
                        BRAIN,
                        4),
                BONE,
                1));
        assertThat(none.oligometastatic()).isEqualTo("yes");
        assertThat(none.trials()).isEmpty();
        assertThat(none.recommendations()).doesNotContain("clinical-trial").contains("mdt-discussion", "sabr");
    }

    @Test
    void theTrialsCarryTheNotesTheRecordCannotCheck() {
        var a = Vignettes.assess(lesions(luminalRelapse("notes"), LUNG, 3));
        assertThat(a.trials())
                .filteredOn(t -> t.nct().equals(OLIGO))
                .singleElement()
                .satisfies(t -> assertThat(t.notes()).anyMatch(n -> n.contains("ecombination deficiency")));
        assertThat(a.trials())
                .filteredOn(t -> t.nct().equals(PROMISE_005))
                .singleElement()
                .satisfies(
                        t -> assertThat(t.notes()).anyMatch(n -> n.startsWith("Brain lesions must have been treated")));
    }

    @Test
    void allNineTrialsOfTheTableAndTheClosedNrgBr002AreLoaded() {
        assertThat(Vignettes.PROFILES.trials())
                .extracting(Trial::nct)
                .containsExactlyInAnyOrder(
                        SABR_COMET_3,
                        SABR_COMET_10,
                        CORE,
                        STEREO_OS,
                        PROMISE_005,
                        OLIGOMA,
                        STEREO_SEIN,
                        CLEAR,
                        OLIGO,
                        NRG_BR002);
        assertThat(Vignettes.PROFILES.trials())
                .filteredOn(t -> !t.open())
                .extracting(Trial::nct)
                .containsExactly(NRG_BR002);
    }
}
