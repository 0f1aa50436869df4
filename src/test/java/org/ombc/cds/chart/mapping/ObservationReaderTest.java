package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.LOINC;
import static org.ombc.cds.apps.sandbox.PatientBundle.OMBC;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.DiseaseStatus;
import org.ombc.cds.model.NodalStatus;
import org.ombc.cds.model.Progression;

/** N category, disease status and lesion count and size (clinical-rules 1 and 2). */
class ObservationReaderTest {

    private final ObservationReader reader = new ObservationReader(Readers.TERMINOLOGY, Readers.DATES);

    private static List<Observation> observations(PatientBundle chart) {
        return chart.resources().stream()
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .toList();
    }

    @Test
    void theEarliestReadableNCategoryIsTheOneAtPrimaryDiagnosis() {
        PatientBundle chart = PatientBundle.patient("p")
                .nCategory("NX", "2014-01-01")
                .nCategory("ypN2a", null)
                .nCategory("pN0", "2016-02-01")
                .nCategory("cN1", "2015-05");
        assertThat(reader.nodalStatus(observations(chart)).value()).isEqualTo(NodalStatus.NODE_POSITIVE);
        assertThat(reader.nodalStatus(observations(PatientBundle.patient("q")
                                .nCategory("ypN2a", null)
                                .nCategory("T2", "2015-01-01")))
                        .value())
                .as("undated, but the only readable one")
                .isEqualTo(NodalStatus.NODE_POSITIVE);
    }

    @Test
    void anNCategoryIsReadFromAnyCodingDisplayOrText() {
        PatientBundle chart = PatientBundle.patient("p");
        Observation coded = chart.observation(code(LOINC, "21906-3"), "2015-01-01");
        coded.setValue(new CodeableConcept()
                .addCoding(new Coding().setDisplay("cN0 (no regional nodes)"))
                .setText("see report"));
        chart.add(coded);
        assertThat(reader.nodalStatus(observations(chart)).value()).isEqualTo(NodalStatus.NODE_NEGATIVE);
        assertThat(reader.nodalStatus(List.of()).value()).isEqualTo(NodalStatus.UNKNOWN);
    }

    @Test
    void diseaseStatusesAreListedByDateUndatedFirstWithUnreadableValuesUnknown() {
        PatientBundle chart =
                PatientBundle.patient("p").progression(true, "2022-03-01").progression(false, null);
        Observation text = chart.observation(code(LOINC, "97509-4"), "2021-01-01");
        text.setValue(new StringType("worse"));
        Observation other = chart.observation(code(LOINC, "97509-4"), "2020-01-01");
        other.setValue(sct("260385009"));
        chart.add(text).add(other);
        assertThat(reader.diseaseStatuses(observations(chart)).value())
                .containsExactly(
                        new DiseaseStatus(null, Progression.NOT_PROGRESSING),
                        new DiseaseStatus(DateInterval.parse("2020-01-01"), Progression.UNKNOWN),
                        new DiseaseStatus(DateInterval.parse("2021-01-01"), Progression.UNKNOWN),
                        new DiseaseStatus(DateInterval.parse("2022-03-01"), Progression.PROGRESSING));
    }

    @Test
    void aLesionCountAndTheLargestSizeBelongToTheConditionInFocus() {
        PatientBundle chart = PatientBundle.patient("p")
                .lesionCount("m1", 3)
                .lesionSize("m1", 1.5, "cm")
                .lesionSize("m1", 12, "mm")
                .lesionSize("m2", 4, "in");
        Observation unitless = chart.observation(code(LOINC, "21889-1"), null);
        unitless.addFocus(new Reference("Condition/m2")).setValue(new Quantity().setValue(BigDecimal.TEN));
        Observation noFocus = chart.observation(code(OMBC, "metastatic-lesion-count"), null);
        noFocus.addFocus(new Reference().setDisplay("the liver lesion")).setValue(new IntegerType(9));
        chart.add(unitless).add(noFocus);
        Read<LesionMeasures> read = reader.lesionMeasures(observations(chart));
        assertThat(read.value().countOf("m1")).isEqualTo(3);
        assertThat(read.value().sizeMmOf("m1")).isEqualTo(15.0);
        assertThat(read.value().countOf("m2"))
                .as("a Condition counts 1 without a count")
                .isEqualTo(1);
        assertThat(read.value().sizeMmOf("m2")).isNull();
        assertThat(read.notes()).isEmpty();
    }

    @Test
    void aCountThatIsNoWholeNumberMakesTheCountUnknownAndAnOlderCountIsNotUsed() {
        PatientBundle chart = PatientBundle.patient("p");
        Observation latest = chart.observation(code(OMBC, "metastatic-lesion-count"), "2022-01-01");
        latest.setId("count-new");
        latest.addFocus(new Reference("Condition/m1")).setValue(new StringType("several"));
        Observation older = chart.observation(code(OMBC, "metastatic-lesion-count"), "2020-01-01");
        older.addFocus(new Reference("Condition/m1")).setValue(new IntegerType(2));
        chart.add(latest).add(older);
        Read<LesionMeasures> read = reader.lesionMeasures(observations(chart));
        assertThat(read.value().countOf("m1")).isNull();
        assertThat(read.notes())
                .containsExactly("Lesion count (Observation/count-new) is not a whole number of "
                        + "lesions; record the number (valueInteger).");
    }

    @Test
    void anEnteredInErrorOrCancelledObservationWasNeverAResult() {
        Observation o = new Observation();
        assertThat(ObservationReader.exists(o.setStatus(Observation.ObservationStatus.FINAL)))
                .isTrue();
        assertThat(ObservationReader.exists(o.setStatus(Observation.ObservationStatus.ENTEREDINERROR)))
                .isFalse();
        assertThat(ObservationReader.exists(o.setStatus(Observation.ObservationStatus.CANCELLED)))
                .isFalse();
    }
}
