package org.ombc.cds.apps.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientCompartment;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.fhir.UnreadableDates;

/**
 * One patient's lines to one worklist row, by the path {@code /ombc/assessment} takes: HAPI parses each line,
 * whose data it is is decided by {@link PatientCompartment} (clinical-rules 8), unreadable dates are cleared, and
 * {@link ChartAssessment} maps and assesses. Thread-safe.
 */
final class PatientCharts {

    /** One NDJSON line routed to a patient; {@code source} is its file and line number. */
    record Line(String source, String json) {}

    private final FhirJson fhir;
    private final ChartAssessment pipeline;
    private final @Nullable String fhirServer;
    private final InputCounts counts;

    /**
     * @param fhirServer the export's FHIR base: absolute references {@code {fhirServer}/Patient/{id}} count as
     *                   the patient's; null accepts relative references only
     */
    PatientCharts(FhirJson fhir, ChartAssessment pipeline, @Nullable String fhirServer, InputCounts counts) {
        this.fhir = fhir;
        this.pipeline = pipeline;
        this.fhirServer = fhirServer;
        this.counts = counts;
    }

    /** The row, or null when the export holds no Patient resource of this id (counted). */
    @Nullable
    WorklistRow row(String patientId, List<Line> lines) {
        List<FhirEntry> entries = new ArrayList<>(lines.size());
        boolean hasPatient = false;
        for (Line line : lines) {
            IBaseResource parsed;
            try {
                parsed = fhir.parse(line.json());
            } catch (FhirJson.NotFhirException e) {
                counts.unreadable(line.source() + ": not FHIR R4");
                continue;
            }
            if (parsed instanceof Resource resource) {
                hasPatient |= resource instanceof Patient;
                entries.add(new FhirEntry(resource, null));
            }
        }
        if (!hasPatient) {
            counts.withoutPatient(entries.size());
            return null;
        }
        PatientCompartment.Selection selection =
                new PatientCompartment(patientId, fhirServer, Set.of()).select(entries);
        counts.otherPatient(selection.otherPatient());
        counts.otherPatient(selection.noPatient());
        List<String> problems = new ArrayList<>(selection.problems());
        problems.addAll(UnreadableDates.clear(selection.kept()));
        ChartAssessment.Result result = pipeline.assess(patientId, selection.kept(), problems);
        return new WorklistRow(
                patientId,
                AssessmentJson.of(result.assessment()),
                result.problems().size());
    }
}
