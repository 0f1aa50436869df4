package org.ombc.cds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.support.AppProcess;

/**
 * The jar an operator runs ({@code target/ombc-cds.jar}): at most 100 MB, layered so that the container image
 * keeps the libraries in a layer apart from our classes, and without HAPI's profile validator unless built with
 * {@code -Pvalidation} (then {@code ombc.jar.validator=true}); a start that asks for validation from a jar without
 * it stops with the advice to build the other one.
 */
class PackagedJarIT {

    private static final long MAX_JAR_BYTES = 100L * 1024 * 1024;
    private static final boolean WITH_VALIDATOR = Boolean.getBoolean("ombc.jar.validator");

    @Test
    void theDefaultJarWeighsAtMost100MbAndLeavesTheValidatorOut() throws IOException {
        assumeThat(WITH_VALIDATOR)
                .as("a -Pvalidation build holds the validator")
                .isFalse();
        assertThat(Files.size(AppProcess.JAR)).isLessThanOrEqualTo(MAX_JAR_BYTES);
        List<String> libraries = libraries();
        assertThat(libraries)
                .as("the parts of HAPI this service runs")
                .anyMatch(l -> l.startsWith("hapi-fhir-base-"))
                .anyMatch(l -> l.startsWith("org.hl7.fhir.r4-"));
        assertThat(libraries)
                .as("the validator and what only it needs")
                .noneMatch(l -> l.startsWith("org.hl7.fhir.validation-")
                        || l.startsWith("hapi-fhir-validation")
                        || l.startsWith("org.hl7.fhir.r5-")
                        || l.startsWith("icu4j-"));
    }

    @Test
    void noBuildShipsWhatHapiPullsAndTheServiceNeverRuns() throws IOException {
        // sqlite-jdbc ships: SQLite is a supported embedded store (docs/storage-choice.md), not HAPI's leftover.
        assertThat(libraries())
                .noneMatch(l -> l.startsWith("plantuml")
                        || l.startsWith("Saxon-HE")
                        || l.startsWith("jena-")
                        || l.startsWith("simple-java-mail")
                        || l.startsWith("org.hl7.fhir.dstu2")
                        || l.startsWith("org.hl7.fhir.r4b"));
    }

    @Test
    void theJarIsLayeredWithTheLibrariesApartFromTheApplication() throws IOException {
        try (JarFile jar = new JarFile(AppProcess.JAR.toFile())) {
            ZipEntry index = jar.getEntry("BOOT-INF/layers.idx");
            assertThat(index).as("BOOT-INF/layers.idx").isNotNull();
            String layers = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(layers).contains("- \"dependencies\":", "- \"spring-boot-loader\":", "- \"application\":");
            String dependencies = layers.substring(
                    layers.indexOf("- \"dependencies\":"), layers.indexOf("- \"spring-boot-loader\":"));
            String application = layers.substring(layers.indexOf("- \"application\":"));
            assertThat(dependencies).contains("BOOT-INF/lib/");
            assertThat(application).contains("BOOT-INF/classes/").doesNotContain("BOOT-INF/lib/");
        }
    }

    @Test
    void validationAskedOfAJarWithoutTheValidatorStopsTheStartWithTheAdvice(@TempDir Path dir) {
        assumeThat(WITH_VALIDATOR)
                .as("a -Pvalidation build holds the validator")
                .isFalse();
        assertThatThrownBy(() -> AppProcess.start(
                                dir,
                                List.of(
                                        "--spring.profiles.active=sandbox",
                                        "--spring.datasource.url=jdbc:h2:file:"
                                                + dir.resolve("db/ombc").toAbsolutePath(),
                                        "--ombc.validation.enabled=true"))
                        .close())
                .hasMessageContaining("ombc.validation.enabled needs HAPI's profile validator")
                .hasMessageContaining("-Pvalidation");
    }

    private static List<String> libraries() throws IOException {
        try (JarFile jar = new JarFile(AppProcess.JAR.toFile())) {
            return jar.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .map(n -> n.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }
}
