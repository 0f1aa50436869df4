package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.RXNORM;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.model.TherapyPeriod;

/** Periods of systemic therapy (clinical-rules 1; a planned end may lie in the future, clinical-rules 8). */
class TherapyReaderTest {

    private static final CodeableConcept LETROZOLE = code(RXNORM, "72965");

    private final TherapyReader reader =
            new TherapyReader(Readers.TERMINOLOGY, Readers.DATES, new AgentNames(Readers.TERMINOLOGY));

    private static MedicationStatement statement(MedicationStatementStatus status, CodeableConcept drug) {
        MedicationStatement s = new MedicationStatement().setStatus(status).setMedication(drug);
        s.setId("ms");
        return s;
    }

    private static MedicationRequest request(MedicationRequestStatus status, String authored) {
        MedicationRequest r = new MedicationRequest()
                .setStatus(status)
                .setMedication(code(RXNORM, "224905"))
                .setAuthoredOnElement(new DateTimeType(authored));
        r.setId("mr");
        return r;
    }

    private static DateInterval day(String date) {
        return DateInterval.parse(date);
    }

    @Test
    void aStatementCoversItsEffectivePeriodAndAnActiveOneWithoutEndIsOngoing() {
        MedicationStatement planned = statement(MedicationStatementStatus.ACTIVE, LETROZOLE)
                .setEffective(new Period()
                        .setStartElement(new DateTimeType("2020-01-01"))
                        .setEndElement(new DateTimeType("2031")));
        assertThat(reader.read(planned).value()).contains(new TherapyPeriod("72965", day("2020-01-01"), day("2031")));
        MedicationStatement ongoing =
                statement(MedicationStatementStatus.ACTIVE, LETROZOLE).setEffective(new DateTimeType("2020-01-01"));
        assertThat(reader.read(ongoing).value()).contains(new TherapyPeriod("72965", day("2020-01-01"), null));
        MedicationStatement once =
                statement(MedicationStatementStatus.COMPLETED, LETROZOLE).setEffective(new DateTimeType("2020-01-01"));
        assertThat(reader.read(once).value())
                .contains(new TherapyPeriod("72965", day("2020-01-01"), day("2020-01-01")));
    }

    @Test
    void aStatementNotTakenOrNotOfASystemicAgentIsNoTherapy() {
        assertThat(reader.read(statement(MedicationStatementStatus.NOTTAKEN, LETROZOLE))
                        .value())
                .isEmpty();
        assertThat(reader.read(statement(MedicationStatementStatus.ACTIVE, code(RXNORM, "161")))
                        .value())
                .isEmpty();
    }

    @Test
    void aFutureStartIsIgnoredAndNamedButTheTherapyStays() {
        Read<Optional<TherapyPeriod>> read = reader.read(
                statement(MedicationStatementStatus.ACTIVE, LETROZOLE).setEffective(new DateTimeType("2030-01-01")));
        assertThat(read.value()).contains(new TherapyPeriod("72965", null, null));
        assertThat(read.notes())
                .containsExactly("Systemic therapy (MedicationStatement/ms): the start date "
                        + "2030-01-01 lies in the future and was ignored; correct the date in the record.");
    }

    @Test
    void aRequestRunsFromItsBoundsPeriodElseItsValidityPeriodElseFromAuthoredOn() {
        MedicationRequest bounded = request(MedicationRequestStatus.COMPLETED, "2019-12-01");
        bounded.addDosageInstruction()
                .getTiming()
                .getRepeat()
                .setBounds(new Period()
                        .setStartElement(new DateTimeType("2020-01-01"))
                        .setEndElement(new DateTimeType("2020-06-30")));
        assertThat(reader.read(bounded).value())
                .contains(new TherapyPeriod("224905", day("2020-01-01"), day("2020-06-30")));
        MedicationRequest valid = request(MedicationRequestStatus.ACTIVE, "2019-12-01");
        valid.getDispenseRequest().setValidityPeriod(new Period().setStartElement(new DateTimeType("2020-02-01")));
        assertThat(reader.read(valid).value()).contains(new TherapyPeriod("224905", day("2020-02-01"), null));
        assertThat(reader.read(request(MedicationRequestStatus.STOPPED, "2019-12-01"))
                        .value())
                .contains(new TherapyPeriod("224905", day("2019-12-01"), day("2019-12-01")));
        assertThat(reader.read(request(MedicationRequestStatus.DRAFT, "2019-12-01"))
                        .value())
                .isEmpty();
    }

    @Test
    void theAgentIsNamedByTheDisplayOfItsSystemicCodingThroughAContainedMedicationToo() {
        Medication medication = new Medication()
                .setCode(new CodeableConcept()
                        .addCoding(new Coding(RXNORM, "72965", "Letrozole 2.5 mg"))
                        .setText("Femara"));
        MedicationRequest r =
                request(MedicationRequestStatus.ACTIVE, "2020-01-01").setMedication(new Reference(medication));
        assertThat(reader.read(r).value()).map(TherapyPeriod::agent).contains("Letrozole 2.5 mg");
    }
}
