package org.ombc.cds.chart.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;

import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.ombc.cds.model.DateInterval;

/** Primary resected (clinical-rules 1) and staging imaging dates (clinical-rules 1 and 6, staging-imaging). */
class SurgeryAndImagingReaderTest {

    private final SurgeryReader surgery = new SurgeryReader(Readers.TERMINOLOGY, Readers.DATES);
    private final ImagingReader imaging = new ImagingReader(Readers.TERMINOLOGY, Readers.DATES);

    private static Procedure procedure(Procedure.ProcedureStatus status, String cpt, String performed) {
        Procedure p = new Procedure()
                .setStatus(status)
                .setCode(code("http://www.ama-assn.org/go/cpt", cpt))
                .setPerformed(new DateTimeType(performed));
        p.setId("proc");
        return p;
    }

    private static DiagnosticReport report(String category) {
        DiagnosticReport r = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(code("http://terminology.hl7.org/CodeSystem/v2-0074", category));
        r.setId("dr");
        return r;
    }

    @Test
    void onlyACompletedBreastSurgeryResectsThePrimaryAndAFutureDateIsNamedWithoutUndoingIt() {
        assertThat(surgery.primaryResected(List.of(
                                procedure(Procedure.ProcedureStatus.INPROGRESS, "19303", "2020-01-01"),
                                procedure(Procedure.ProcedureStatus.COMPLETED, "27130", "2020-01-01")))
                        .value())
                .isFalse();
        Read<Boolean> future =
                surgery.primaryResected(List.of(procedure(Procedure.ProcedureStatus.COMPLETED, "19303", "2031-01-01")));
        assertThat(future.value()).isTrue();
        assertThat(future.notes())
                .containsExactly("Breast surgery (Procedure/proc): the performed date 2031-01-01 "
                        + "lies in the future and was ignored; correct the date in the record.");
    }

    @Test
    void anImagingReportIsDatedByEffectiveElseIssuedAndOtherCategoriesAreNotImaging() {
        assertThat(imaging.read(report("RAD").setEffective(new DateTimeType("2021-03-04")))
                        .value())
                .contains(DateInterval.parse("2021-03-04"));
        assertThat(imaging.read(report("RAD").setIssuedElement(new InstantType("2021-03-05T10:00:00Z")))
                        .value())
                .contains(DateInterval.parse("2021-03-05"));
        assertThat(imaging.read(report("LAB").setEffective(new DateTimeType("2021-03-04")))
                        .value())
                .isEmpty();
        assertThat(imaging.read(report("RAD")
                                .setEffective(new DateTimeType("2021-03-04"))
                                .setStatus(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR))
                        .value())
                .isEmpty();
    }

    @Test
    void anImagingStudyIsDatedByItsStartAndAFutureStartIsNamed() {
        ImagingStudy study = new ImagingStudy();
        study.setId("is");
        assertThat(imaging.read(study).value()).isEmpty();
        study.setStartedElement(new DateTimeType("2021-03"));
        assertThat(imaging.read(study).value()).contains(DateInterval.parse("2021-03"));
        Read<?> future = imaging.read(study.setStartedElement(new DateTimeType("2027-02-01")));
        assertThat(future.notes())
                .containsExactly("Imaging (ImagingStudy/is): the start date 2027-02-01 lies in "
                        + "the future and was ignored; correct the date in the record.");
    }
}
