package org.ombc.cds.chart.mapping;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.model.DateInterval;
import org.ombc.cds.support.Vignettes;

/** The readers as one mapping builds them, with the vignettes' terminology and today ({@link Vignettes#TODAY}). */
final class Readers {

    static final Terminology TERMINOLOGY = Vignettes.TERMINOLOGY;
    static final LocalDate LATEST_VALID = Vignettes.TODAY.plusDays(FhirToOmbc.FUTURE_DATE_TOLERANCE_DAYS);
    static final RecordDates DATES = dates(null);

    private Readers() {}

    static RecordDates dates(@Nullable DateInterval birth) {
        return new RecordDates(TERMINOLOGY, LATEST_VALID, birth);
    }
}
