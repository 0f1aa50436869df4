package org.ombc.cds.chart.fetch;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * A patient's resources as gathered for one call, and what could not be read: optional keys that failed, and
 * resources left out (another patient's). {@code problems} go on the data-quality card; they name keys and
 * reason classes only.
 */
public record PatientData(List<Resource> resources, List<String> problems) {

    public PatientData {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }
}
