package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ombc.cds.support.Vignettes;

/** The random charts of load and property tests are reproducible, and so are the catalogue's charts. */
class SyntheticPatientsTest {

    @Test
    void theGeneratorIsDeterministic() {
        assertThat(Vignettes.FHIR.encode(PatientBundle.bundleOf(
                        SyntheticPatients.randomCharts(7, 50).get(49).resources())))
                .isEqualTo(Vignettes.FHIR.encode(PatientBundle.bundleOf(
                        SyntheticPatients.randomCharts(7, 50).get(49).resources())));
        assertThat(Vignettes.FHIR.encode(
                        PatientBundle.bundleOf(VignetteCatalogue.cases().get(3).resources())))
                .isEqualTo(Vignettes.FHIR.encode(
                        PatientBundle.bundleOf(VignetteCatalogue.cases().get(3).resources())));
    }
}
