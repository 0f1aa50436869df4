package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.LOINC;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;

import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.ReceptorResult;
import org.ombc.cds.model.ReceptorResult.Status;

/** ER, PR and HER2: the latest result wins (clinical-rules 1 and 8, "Receptors"). */
class ReceptorReaderTest {

    private final ReceptorReader reader = new ReceptorReader(Readers.TERMINOLOGY, Readers.DATES);

    private static List<Observation> observations(PatientBundle chart) {
        return chart.resources().stream()
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .toList();
    }

    private Read<ReceptorResult> er(PatientBundle chart) {
        return reader.read(observations(chart), ValueSetId.ER_TEST, "ER");
    }

    private static Observation text(PatientBundle chart, String loinc, String value, @Nullable String date) {
        Observation o = chart.observation(code(LOINC, loinc), date);
        o.setValue(new StringType(value));
        return o;
    }

    @Test
    void theLatestResultWinsAndEarlierDisagreementIsNamed() {
        Read<ReceptorResult> read = er(PatientBundle.patient("p")
                .er(false, "2015-03-01")
                .er(true, "2021-06-01")
                .pr(false, "2022-01-01"));
        assertThat(read.value()).isEqualTo(new ReceptorResult(Status.POSITIVE, DateInterval.parse("2021-06-01"), true));
        assertThat(read.notes()).containsExactly("ER results disagree over time: the latest (of 2021-06-01) is used.");
    }

    @Test
    void anEquivocalLatestResultMakesTheReceptorUnknownEvenAfterADefiniteOne() {
        PatientBundle chart = PatientBundle.patient("p").her2(true, "2015-03-01");
        chart.add(text(chart, "48676-1", "2+", "2021-06-01"));
        Read<ReceptorResult> read = reader.read(observations(chart), ValueSetId.HER2_TEST, "HER2");
        assertThat(read.value().status()).isEqualTo(Status.UNKNOWN);
        assertThat(read.notes())
                .containsExactly("The latest HER2 result (of 2021-06-01) is equivocal or unreadable: "
                        + "HER2 status is unknown even though an earlier result was definite; record a positive or negative "
                        + "result (IHC 2+ needs an ISH result).");
    }

    @Test
    void twoDifferentResultsOnTheLatestDayAreUnknown() {
        Read<ReceptorResult> read =
                er(PatientBundle.patient("p").er(true, "2021-06-01").er(false, "2021-06-01"));
        assertThat(read.value()).isEqualTo(new ReceptorResult(Status.UNKNOWN, DateInterval.parse("2021-06-01"), true));
        assertThat(read.notes())
                .containsExactly(
                        "ER results of 2021-06-01 disagree: ER status is taken as unknown; record which result is valid.");
    }

    @Test
    void undatedResultsCountOnlyWhenNothingIsDated() {
        PatientBundle chart = PatientBundle.patient("p").er(false, null);
        chart.add(text(chart, "16112-5", " Pos ", null));
        assertThat(er(chart).value().status()).as("undated and disagreeing").isEqualTo(Status.UNKNOWN);
        assertThat(er(chart.er(true, "2020")).value())
                .isEqualTo(new ReceptorResult(Status.POSITIVE, DateInterval.parse("2020"), true));
        assertThat(er(PatientBundle.patient("q").er(false, null)).value())
                .isEqualTo(new ReceptorResult(Status.NEGATIVE, null, false));
    }

    @Test
    void anInterpretationCountsOnlyWithoutAValueAndNoResultIsUnknownWithoutANote() {
        PatientBundle chart = PatientBundle.patient("p");
        Observation interpreted = chart.observation(code(LOINC, "16113-3"), "2020-01-01");
        interpreted.addInterpretation(
                code("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "NEG"));
        chart.add(interpreted);
        assertThat(reader.read(observations(chart), ValueSetId.PR_TEST, "PR")
                        .value()
                        .status())
                .isEqualTo(Status.NEGATIVE);
        Read<ReceptorResult> none = er(chart);
        assertThat(none.value()).isEqualTo(ReceptorResult.UNKNOWN);
        assertThat(none.notes()).isEmpty();
    }
}
