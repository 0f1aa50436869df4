package org.ombc.cds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.assessment.AssessmentJson;
import org.ombc.cds.logic.EstroEortcState;
import org.ombc.cds.logic.Recommendation;
import org.ombc.cds.support.Vignettes;

/** Every demo patient's story is what the service concludes, and together they cover the rules. */
class SyntheticPatientsTest {

    private static final List<DemoPatient> DEMOS = SyntheticPatients.demoPatients();

    static Stream<DemoPatient> demos() {
        return DEMOS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void theAssessmentMatchesTheStory(DemoPatient demo) {
        AssessmentJson a = AssessmentJson.of(Vignettes.assess(PatientBundle.bundleOf(demo.resources())));
        assertThat(a.oligometastatic()).as("oligometastatic").isEqualTo(demo.oligometastatic());
        assertThat(a.estroEortcState()).as("ESTRO-EORTC").isEqualTo(demo.estroEortcState());
        assertThat(a.recommendations()).as("recommended").containsAll(demo.recommended());
        assertThat(a.recommendations()).as("not recommended").noneMatch(demo.notRecommended()::contains);
        assertThat(a.missingData()).as("missing data").containsAll(demo.missingData());
    }

    @Test
    void thereAreAtLeastThirtyDistinctlyNamedDemoPatients() {
        assertThat(DEMOS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(DEMOS.stream().map(DemoPatient::id).distinct()).hasSize(DEMOS.size());
        assertThat(DEMOS.stream().map(DemoPatient::name).distinct()).hasSize(DEMOS.size());
        assertThat(DEMOS).allSatisfy(d -> assertThat(d.story()).isNotBlank().hasSizeLessThan(100));
    }

    @Test
    void theDemosCoverEveryStateEveryRecommendationAndItsNegative() {
        Set<String> states = new HashSet<>();
        Set<String> recommended = new HashSet<>();
        Set<String> notRecommended = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Set<String> oligo = new HashSet<>();
        for (DemoPatient d : DEMOS) {
            states.add(d.estroEortcState());
            recommended.addAll(d.recommended());
            notRecommended.addAll(d.notRecommended());
            missing.addAll(d.missingData());
            oligo.add(String.valueOf(d.oligometastatic()));
        }
        assertThat(states).containsAll(Arrays.stream(EstroEortcState.values()).map(EstroEortcState::code).toList());
        List<String> all = Arrays.stream(Recommendation.values()).map(Recommendation::code).toList();
        assertThat(recommended).containsAll(all);
        assertThat(notRecommended).containsAll(all);
        assertThat(oligo).contains("yes", "no", "indeterminate", "null");
        assertThat(missing).contains("er-status", "pr-status", "her2-status", "primary-diagnosis-date",
                "metastasis-diagnosis-date", "lesion-count", "axillary-node-laterality");
    }

    @Test
    void resourceIdsAreUniqueAcrossAllDemoPatients() {
        List<String> ids = DEMOS.stream().flatMap(d -> d.resources().stream())
                .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    /**
     * docker/demo-patients/ holds the demo patients as transaction Bundles for the compose set-up's FHIR server;
     * rewrite with -Dsandbox.write=true after a deliberate change of the generator.
     */
    @Test
    void theDockerDemoBundlesAreTheGeneratorsOutput() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("docker", "demo-patients");
        java.nio.file.Files.createDirectories(dir);
        for (DemoPatient demo : DEMOS) {
            java.nio.file.Path file = dir.resolve(demo.id() + ".json");
            String expected = Vignettes.FHIR.context().newJsonParser().setPrettyPrint(true)
                    .encodeResourceToString(SyntheticPatients.transaction(demo)) + "\n";
            if (Boolean.getBoolean("sandbox.write")) {
                java.nio.file.Files.writeString(file, expected);
            }
            assertThat(file).as("rerun with -Dsandbox.write=true").exists();
            assertThat(java.nio.file.Files.readString(file)).isEqualTo(expected);
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.count()).isEqualTo(DEMOS.size());
        }
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertThat(Vignettes.FHIR.encode(PatientBundle.bundleOf(SyntheticPatients.randomCharts(7, 50).get(49).resources())))
                .isEqualTo(Vignettes.FHIR.encode(PatientBundle.bundleOf(SyntheticPatients.randomCharts(7, 50).get(49).resources())));
        assertThat(Vignettes.FHIR.encode(PatientBundle.bundleOf(SyntheticPatients.demoPatients().get(3).resources())))
                .isEqualTo(Vignettes.FHIR.encode(PatientBundle.bundleOf(DEMOS.get(3).resources())));
    }
}
