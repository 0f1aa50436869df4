package org.ombc.cds.chart.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.model.DateInterval;

/**
 * Reads the dates of high-resolution staging imaging (clinical-rules 1): a DiagnosticReport of category imaging
 * (v2-0074 RAD or LOINC LP29684-5), or an ImagingStudy; an undated one cannot show staging near the OMD date.
 */
final class ImagingReader {

    private final Terminology terminology;
    private final RecordDates dates;

    ImagingReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
    }

    /** effective[x], else issued; empty for another category, an entered-in-error report or no usable date. */
    Read<Optional<DateInterval>> read(DiagnosticReport report) {
        if (report.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
                || !terminology.containsAny(ValueSetId.IMAGING_CATEGORY, report.getCategory())) {
            return Read.of(Optional.empty());
        }
        DateInterval date = report.hasEffective()
                ? FhirDates.start(report.getEffective())
                : FhirDates.of(report.getIssuedElement());
        return dated(dates.checked(date, report, "date"));
    }

    /** The start; empty when the study has none or it cannot be used. */
    Read<Optional<DateInterval>> read(ImagingStudy study) {
        if (!study.hasStarted()) {
            return Read.of(Optional.empty());
        }
        return dated(dates.checked(FhirDates.of(study.getStartedElement()), study, "start date"));
    }

    private static Read<Optional<DateInterval>> dated(CheckedDate checked) {
        Notes notes = new Notes();
        DateInterval date = notes.take(checked);
        return notes.with(Optional.ofNullable(date));
    }
}
