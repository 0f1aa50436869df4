package org.ombc.cds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.fhir.FhirProfileValidator;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.Vignettes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything we publish is valid FHIR R4: our profiles (snapshots generated from R4 core), our terminology, every
 * example in {@code fhir-profiles/examples/}, and every resource inside the {@code hooks/} example requests. Any
 * error fails the build.
 */
class FhirProfilesValidationTest {

    private static FhirProfileValidator validator;

    @BeforeAll
    static void loadR4CoreAndOurPackage() {
        validator = new FhirProfileValidator(Vignettes.FHIR.context(), Vignettes.PROFILES);
    }

    static Stream<Path> publishedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fhir-profiles"))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().endsWith(".schema.json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedFiles")
    void everyPublishedResourceIsValid(Path file) throws IOException {
        assertNoErrors(file.toString(), Vignettes.FHIR.parse(Files.readString(file)));
    }

    static Stream<String> hookResources() throws IOException {
        List<String> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(HookRequests.DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".request.json")).sorted().toList()) {
                JsonNode prefetch = HookRequests.read(file).get("prefetch");
                if (prefetch != null) {
                    prefetch.forEach(value -> {
                        if (!value.isNull()) {
                            resources.add(value.toString());
                        }
                    });
                }
            }
        }
        return resources.stream();
    }

    @ParameterizedTest
    @MethodSource("hookResources")
    void everyResourceOfTheHookExamplesIsValid(String json) {
        IBaseResource parsed = Vignettes.FHIR.parse(json);
        for (Resource resource : FhirJson.resourcesOf(parsed)) {
            assertNoErrors("hooks " + resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
        }
    }

    @Test
    void thereIsAnExampleForEveryProfileAndEveryExampleDeclaresOne() throws IOException {
        List<String> declared = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("fhir-profiles", "examples"))) {
            for (Path file : files.toList()) {
                IBaseResource parsed = Vignettes.FHIR.parse(Files.readString(file));
                List<Resource> resources = parsed instanceof Bundle ? FhirJson.resourcesOf(parsed) : List.of((Resource) parsed);
                for (Resource r : resources) {
                    r.getMeta().getProfile().forEach(p -> declared.add(p.getValue()));
                }
            }
        }
        for (StructureDefinition sd : Vignettes.PROFILES.profiles()) {
            assertThat(declared).as("an example declares %s", sd.getUrl()).contains(sd.getUrl());
        }
    }

    @Test
    void everyProfileGetsASnapshotFromR4Core() {
        for (StructureDefinition sd : Vignettes.PROFILES.profiles()) {
            StructureDefinition withSnapshot = validator.snapshotOf(sd);
            assertThat(withSnapshot.getSnapshot().getElement()).as("snapshot of %s", sd.getUrl())
                    .hasSizeGreaterThan(sd.getDifferential().getElement().size() + 10);
            assertThat(withSnapshot.getSnapshot().getElement()).anySatisfy(e ->
                    assertThat(e.getPath()).isEqualTo(sd.getType() + ".code"));
        }
    }

    @Test
    void aResourceThatBreaksAProfileIsReported() {
        String json = """
            {"resourceType":"Observation","meta":{"profile":["http://ombc-cds.org/fhir/StructureDefinition/ombc-lesion-count"]},
             "status":"final","code":{"coding":[{"system":"http://ombc-cds.org/fhir/CodeSystem/ombc","code":"metastatic-lesion-count"}]},
             "subject":{"reference":"Patient/p"},"valueString":"many"}""";
        assertThat(validator.validate(Vignettes.FHIR.parse(json))).anyMatch(FhirProfileValidator.Issue::isError);
    }

    private static void assertNoErrors(String what, IBaseResource resource) {
        List<FhirProfileValidator.Issue> errors = validator.validate(resource).stream()
                .filter(FhirProfileValidator.Issue::isError).toList();
        assertThat(errors).as("validation errors in %s", what).isEmpty();
    }
}
