package org.ombc.cds.apps.sandbox;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * A case of the {@link VignetteCatalogue}, served by the sandbox as a named synthetic patient: the one-line story
 * shown in the card viewer, the chart, and what the assessment must conclude (checked by a test, so the story
 * never lies).
 */
public record DemoPatient(String id, String name, String story, List<Resource> resources, Expected expected) {

    public DemoPatient {
        resources = List.copyOf(resources);
    }
}
