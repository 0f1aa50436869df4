package org.ombc.cds.apps.sandbox;

import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic random breast cancer charts for load and property tests, and any patient as a transaction
 * Bundle. The named demo patients are the cases of the {@link VignetteCatalogue}.
 */
public final class SyntheticPatients {

    private static final String[] SITE_CODES = {"94222008", "94381002", "94391008", "94225005", "94493005", "94161006"};
    private static final String[] GIVEN = CatalogueBuilder.GIVEN;
    private static final String[] FAMILY = CatalogueBuilder.FAMILY;

    private SyntheticPatients() {}

    /**
     * A patient as a FHIR transaction Bundle of PUTs: loads into any FHIR server (the compose set-up's HAPI JPA
     * server) with the ids kept.
     */
    public static org.hl7.fhir.r4.model.Bundle transaction(DemoPatient demo) {
        var bundle = new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        for (org.hl7.fhir.r4.model.Resource r : demo.resources()) {
            String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
            bundle.addEntry()
                    .setResource(r)
                    .getRequest()
                    .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT)
                    .setUrl(url);
        }
        return bundle;
    }

    /**
     * A random chart with {@code lesions} current lesions at random sites, random receptors, therapy and imaging:
     * for load tests and property tests. The same seed gives the same chart.
     */
    public static PatientBundle randomChart(Random random, int lesions) {
        int year = 2010 + random.nextInt(10);
        PatientBundle chart = PatientBundle.patient("random-" + random.nextInt(1_000_000))
                .named(
                        GIVEN[random.nextInt(GIVEN.length)],
                        FAMILY[random.nextInt(FAMILY.length)] + "-Synthetic",
                        (1940 + random.nextInt(45)) + "-0" + (1 + random.nextInt(9)) + "-15")
                .primary(year + "-0" + (1 + random.nextInt(9)) + "-15")
                .er(random.nextBoolean(), year + "-10-01")
                .pr(random.nextBoolean(), year + "-10-01")
                .her2(random.nextBoolean(), year + "-10-01");
        if (random.nextBoolean()) {
            chart.imaging((year + 3) + "-06-01");
        }
        if (random.nextBoolean()) {
            chart.endocrineTherapy(year + "-11-01", random.nextBoolean() ? null : (year + 2) + "-11-01");
        }
        for (int i = 0; i < lesions; i++) {
            chart.metastasis(
                    "l" + i,
                    sct(SITE_CODES[random.nextInt(SITE_CODES.length)]),
                    (year + 1 + random.nextInt(4)) + "-0" + (1 + random.nextInt(9)) + "-01");
        }
        return chart;
    }

    /** {@code count} random charts from {@code seed}, with 0 to 9 lesions each. */
    public static List<PatientBundle> randomCharts(long seed, int count) {
        Random random = new Random(seed);
        List<PatientBundle> charts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            charts.add(randomChart(random, random.nextInt(10)));
        }
        return charts;
    }
}
