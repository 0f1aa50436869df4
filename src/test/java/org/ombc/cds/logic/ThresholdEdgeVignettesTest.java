package org.ombc.cds.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.sandbox.PatientBundle.sct;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;
import org.ombc.cds.sandbox.PatientBundle;
import org.ombc.cds.support.Vignettes;

/**
 * Each threshold of the rules at its edge, with day-precise dates: the value on the threshold and the value one
 * step beyond it (6 months, 90 days, 24 and 36 months, 5 and 10 lesions).
 */
class ThresholdEdgeVignettesTest {

    private static final CodeableConcept BONE = sct("94222008");
    private static final CodeableConcept LUNG = sct("94391008");

    @Test
    void exactlySixMonthsAfterThePrimaryIsSynchronousOneDayMoreIsNot() {
        var onTheDay = Vignettes.json(PatientBundle.patient("six-months").primary("2020-01-10").luminal("2020-01-15")
                .metastasis("m1", BONE, "2020-07-10").imaging("2020-07-10"));
        assertThat(onTheDay.estroEortcState()).isEqualTo("synchronous");
        var dayAfter = Vignettes.json(PatientBundle.patient("six-months-1").primary("2020-01-10").luminal("2020-01-15")
                .metastasis("m1", BONE, "2020-07-11").imaging("2020-07-11"));
        assertThat(dayAfter.estroEortcState()).isEqualTo("metachronous-oligorecurrence");
    }

    @Test
    void imagingNinetyDaysFromTheOmdDateCountsNinetyOneDaysDoesNot() {
        var after90 = Vignettes.json(relapse("img-90").imaging("2021-05-30"));
        assertThat(after90.recommendations()).doesNotContain("staging-imaging");
        var before90 = Vignettes.json(relapse("img-90-before").imaging("2020-12-01"));
        assertThat(before90.recommendations()).doesNotContain("staging-imaging");
        var after91 = Vignettes.json(relapse("img-91").imaging("2021-05-31"));
        assertThat(after91.recommendations()).contains("staging-imaging");
        var before91 = Vignettes.json(relapse("img-91-before").imaging("2020-11-30"));
        assertThat(before91.recommendations()).contains("staging-imaging");
    }

    @Test
    void aDiseaseFreeIntervalOfExactly24MonthsIsFavourable23IsNot() {
        var twentyFour = Vignettes.json(PatientBundle.patient("dfi-24").primary("2019-03-01").luminal("2019-03-05")
                .metastasis("m1", BONE, "2021-03-01").imaging("2021-03-01"));
        assertThat(twentyFour.diseaseFreeIntervalMonths()).isEqualTo(24);
        assertThat(twentyFour.favorableFactors()).contains("long-disease-free-interval");
        var twentyThree = Vignettes.json(PatientBundle.patient("dfi-23").primary("2019-03-01").luminal("2019-03-05")
                .metastasis("m1", BONE, "2021-02-28").imaging("2021-02-28"));
        assertThat(twentyThree.diseaseFreeIntervalMonths()).isEqualTo(23);
        assertThat(twentyThree.favorableFactors()).doesNotContain("long-disease-free-interval");
    }

    @Test
    void aSolitaryLungLesionAt36MonthsIsFlaggedAt37IsNot() {
        var thirtySix = Vignettes.assess(PatientBundle.patient("lung-36").primary("2018-01-01").luminal("2018-01-05")
                .metastasis("l1", LUNG, "2021-01-01").imaging("2021-01-01"));
        assertThat(thirtySix.diseaseFreeIntervalMonths()).isEqualTo(36);
        assertThat(thirtySix.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .anyMatch(f -> f.startsWith("negative factor: disease-free interval"));
        var thirtySeven = Vignettes.assess(PatientBundle.patient("lung-37").primary("2018-01-01").luminal("2018-01-05")
                .metastasis("l1", LUNG, "2021-02-01").imaging("2021-02-01"));
        assertThat(thirtySeven.diseaseFreeIntervalMonths()).isEqualTo(37);
        assertThat(thirtySeven.findingFor(Recommendation.METASTASIS_SURGERY).facts())
                .noneMatch(f -> f.startsWith("negative factor: disease-free interval"));
    }

    @Test
    void fiveLesionsAreOligometastaticSixAreNot() {
        var five = Vignettes.json(relapse("five").boneLesions(4, "2021-03-01"));
        assertThat(five.lesionCount()).isEqualTo(5);
        assertThat(five.oligometastatic()).isEqualTo("yes");
        assertThat(five.recommendations()).contains("mdt-discussion", "sabr", "clinical-trial");
        var six = Vignettes.json(relapse("six").boneLesions(5, "2021-03-01"));
        assertThat(six.lesionCount()).isEqualTo(6);
        assertThat(six.oligometastatic()).isEqualTo("no");
        assertThat(six.recommendations()).doesNotContain("mdt-discussion", "sabr", "clinical-trial");
        assertThat(six.trials()).containsExactly("NCT03721341");
    }

    @Test
    void tenLesionsListSabrComet10ElevenDoNot() {
        var ten = Vignettes.json(relapse("ten").boneLesions(9, "2021-03-01"));
        assertThat(ten.lesionCount()).isEqualTo(10);
        assertThat(ten.trials()).containsExactly("NCT03721341");
        assertThat(ten.recommendations()).doesNotContain("clinical-trial", "sabr", "mdt-discussion");
        var eleven = Vignettes.json(relapse("eleven").boneLesions(10, "2021-03-01"));
        assertThat(eleven.lesionCount()).isEqualTo(11);
        assertThat(eleven.trials()).isEmpty();
    }

    /** Primary 2016 (in remission), luminal; one bone lesion on 2021-03-01, the OMD date. */
    private static PatientBundle relapse(String id) {
        return PatientBundle.patient(id).primary("2016-01-01").luminal("2016-01-10").metastasis("m0", BONE, "2021-03-01");
    }
}
