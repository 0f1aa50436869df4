package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.LOINC;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.model.DateInterval;

/** Dates are intervals, and a date in the future is an error in the record (clinical-rules 8). */
class RecordDatesTest {

    private static final DateInterval BORN = DateInterval.parse("1960-06-15");

    private static Condition metastasis(@Nullable String onset) {
        Condition c = PatientBundle.patient("p").condition("m", sct("94222008"), onset, "active");
        c.setId("m");
        return c;
    }

    @Test
    void aPartialDateReachingIntoTheFutureEndsTodayAndAWhollyFutureOneIsIgnoredAndNamed() {
        assertThat(Readers.DATES.onset(metastasis("2026")))
                .isEqualTo(new CheckedDate(new DateInterval(LocalDate.of(2026, 1, 1), Readers.LATEST_VALID), null));
        assertThat(Readers.DATES.onset(metastasis("2026-11-29")))
                .isEqualTo(new CheckedDate(
                        null,
                        "Metastasis (Condition/m): the onset 2026-11-29 lies in the future and was ignored; correct the date "
                                + "in the record."));
    }

    @Test
    void anAgeAtOnsetIsThatYearOfAgeAndCannotBeReadWithoutTheBirthDate() {
        Condition c = metastasis(null)
                .setOnset(new Age().setValue(BigDecimal.valueOf(58)).setCode("a"));
        assertThat(Readers.dates(BORN).onset(c).date())
                .isEqualTo(new DateInterval(LocalDate.of(2018, 6, 15), LocalDate.of(2019, 6, 14)));
        assertThat(Readers.DATES.onset(c))
                .isEqualTo(
                        new CheckedDate(
                                null,
                                "Metastasis (Condition/m): the onset "
                                        + "(Age) cannot be read as a date without the patient's birth date; record the onset date."));
        assertThat(Readers.DATES
                        .onset(metastasis(null).setOnset(new StringType("in her fifties")))
                        .note())
                .isEqualTo("Metastasis (Condition/m): the onset (text) cannot be read as a date; record the onset "
                        + "date.");
    }

    @Test
    void theRecordedDateCountsOnlyWithoutAnyOnset() {
        Condition c = metastasis("2019-05-01").setRecordedDateElement(new DateTimeType("2020-01-01"));
        assertThat(Readers.DATES.onset(c).date()).isEqualTo(DateInterval.parse("2019-05-01"));
        assertThat(Readers.DATES
                        .onset(metastasis(null).setRecordedDateElement(new DateTimeType("2020-01-01")))
                        .date())
                .isEqualTo(DateInterval.parse("2020-01-01"));
        assertThat(Readers.DATES.onset(metastasis(null))).isEqualTo(CheckedDate.NONE);
    }

    @Test
    void anObservationIsDatedByEffectiveElseIssuedAndNamedByWhatItMeasures() {
        Observation n = new Observation()
                .setCode(code(LOINC, "21906-3"))
                .setIssuedElement(new InstantType("2030-01-01T00:00:00Z"));
        n.setId("n");
        assertThat(Readers.DATES.effective(n).note()).startsWith("N category (Observation/n): the date 2030-01-01 ");
        Observation other = new Observation().setCode(code(LOINC, "1-8")).setEffective(new DateTimeType("2031"));
        other.setId("o");
        assertThat(Readers.DATES.effective(other).note()).startsWith("Observation/o: the date 2031 ");
        assertThat(Readers.DATES
                        .checked(DateInterval.parse("2031"), new Patient().setId("x"), "birth date")
                        .note())
                .startsWith("Patient/x: the birth date 2031 ");
    }
}
