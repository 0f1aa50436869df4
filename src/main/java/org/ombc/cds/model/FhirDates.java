package org.ombc.cds.model;

import java.time.LocalDate;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/** Calendar dates from FHIR date-like values. Partial dates ("2019", "2019-05") take their first day. */
final class FhirDates {

    private FhirDates() {
    }

    static LocalDate of(BaseDateTimeType value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String text = value.getValueAsString();
        if (text == null || text.length() < 4) {
            return null;
        }
        String date = text.length() >= 10 ? text.substring(0, 10) : text.length() >= 7 ? text.substring(0, 7) + "-01"
                : text.substring(0, 4) + "-01-01";
        try {
            return LocalDate.parse(date);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The start of a dateTime or Period value (onset, effective). */
    static LocalDate start(Type value) {
        if (value instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (value instanceof Period period) {
            return period.hasStart() ? of(period.getStartElement()) : of(period.getEndElement());
        }
        return null;
    }

    /** The end of a dateTime or Period value (abatement): a Period ends at its end, else its start. */
    static LocalDate end(Type value) {
        if (value instanceof BaseDateTimeType dt) {
            return of(dt);
        }
        if (value instanceof Period period) {
            return period.hasEnd() ? of(period.getEndElement()) : of(period.getStartElement());
        }
        return null;
    }
}
