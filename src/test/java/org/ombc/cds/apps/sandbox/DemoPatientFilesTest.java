package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.Vignettes;

/**
 * docker/demo-patients/ holds every catalogue case as a transaction Bundle for the compose set-up's FHIR server.
 * It is generated: after a deliberate change of the catalogue, rewrite it with
 * {@code ./mvnw -B test -Dtest=DemoPatientFilesTest -Ddemo.write=true}; otherwise a difference fails.
 */
class DemoPatientFilesTest {

    private static final Path DIR = Path.of("docker", "demo-patients");

    @Test
    void theDockerDemoBundlesAreTheCatalogue() throws IOException {
        List<DemoPatient> cases = VignetteCatalogue.cases();
        boolean write = Boolean.getBoolean("demo.write");
        if (write) {
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        for (DemoPatient demo : cases) {
            Path file = DIR.resolve(demo.id() + ".json");
            String expected = Vignettes.FHIR
                            .context()
                            .newJsonParser()
                            .setPrettyPrint(true)
                            .encodeResourceToString(SyntheticPatients.transaction(demo))
                    + "\n";
            if (write) {
                Files.writeString(file, expected);
            }
            assertThat(file).as("rerun with -Ddemo.write=true").exists();
            assertThat(Files.readString(file))
                    .as("%s: rerun with -Ddemo.write=true", file)
                    .isEqualTo(expected);
        }
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("only the catalogue's cases")
                    .containsExactlyInAnyOrderElementsOf(
                            cases.stream().map(c -> c.id() + ".json").toList());
        }
    }
}
