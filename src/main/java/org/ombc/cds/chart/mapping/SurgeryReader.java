package org.ombc.cds.chart.mapping;

import java.util.List;
import org.hl7.fhir.r4.model.Procedure;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;

/**
 * Reads whether the primary is already resected (clinical-rules 1): a completed breast surgery Procedure. A
 * performed date in the future is named (clinical-rules 8); the surgery still counts.
 */
final class SurgeryReader {

    private final Terminology terminology;
    private final RecordDates dates;

    SurgeryReader(Terminology terminology, RecordDates dates) {
        this.terminology = terminology;
        this.dates = dates;
    }

    Read<Boolean> primaryResected(List<Procedure> procedures) {
        Notes notes = new Notes();
        boolean resected = false;
        for (Procedure procedure : procedures) {
            if (procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED
                    && terminology.containsAny(ValueSetId.BREAST_SURGERY, procedure.getCode())) {
                resected = true;
                notes.take(dates.checked(FhirDates.start(procedure.getPerformed()), procedure, "performed date"));
            }
        }
        return notes.with(resected);
    }
}
