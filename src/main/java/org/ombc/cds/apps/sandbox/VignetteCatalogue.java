package org.ombc.cds.apps.sandbox;

import java.util.List;

/**
 * The one catalogue of named clinical cases: each case is a name, a one-line story, a chart and the assessment
 * the rules (docs/clinical-rules.md; clinical-rules sections 3-8) require for it, written once. From it come the logic
 * vignettes (CatalogueVignettesTest runs every case through the real mapping and assessor), the sandbox's demo
 * patients (the card viewer lists every case) and docker/demo-patients/ (generated, and checked by a test).
 *
 * <p>Why Java builder code rather than JSON files: a case is five to eight lines a clinician can read
 * ("primary 2018, luminal, lung lesion 2023, PET-CT that day"), where the same chart as FHIR JSON is a few
 * hundred lines in which the story is lost; the compiler checks every case, and the FHIR JSON is still there for
 * those who need it, in docker/demo-patients/. Expectations are the codes of the public assessment contract,
 * each list complete, so a case cannot pass by saying less than the service does.
 *
 * <p>The order is the card viewer's. A case's synthetic name comes from its position, so a new case goes at the
 * end of the last group (or in a new group after it): the other patients keep their names.
 */
public final class VignetteCatalogue {

    private VignetteCatalogue() {}

    /** Every case, in the order the card viewer lists them. */
    public static List<DemoPatient> cases() {
        CatalogueBuilder c = new CatalogueBuilder();
        StateCases.addTo(c);
        SiteCases.addTo(c);
        DataCases.addTo(c);
        ThresholdCases.addTo(c);
        OutsideCodingCases.addTo(c);
        return c.build();
    }
}
