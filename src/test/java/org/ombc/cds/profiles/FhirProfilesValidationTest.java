package org.ombc.cds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.knowledge.FhirProfileValidator;
import org.ombc.cds.knowledge.TrialDefinitions;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.Vignettes;

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
            return files
                    .filter(f -> f.toString().endsWith(".json")
                            && !f.getFileName().toString().endsWith(".schema.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedFiles")
    void everyPublishedResourceIsValid(Path file) throws IOException {
        assertNoErrors(file.toString(), Vignettes.FHIR.parse(Files.readString(file)));
    }

    /**
     * Every FHIR resource inside {@code hooks/}, as written: the prefetch values of the requests and the resources
     * of the suggestions in the responses.
     */
    static Stream<org.junit.jupiter.params.provider.Arguments> hookResources() throws IOException {
        List<org.junit.jupiter.params.provider.Arguments> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(HookRequests.DIR.getParent())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode resource : resourcesIn(HookRequests.read(file))) {
                    resources.add(org.junit.jupiter.params.provider.Arguments.of(
                            file.getFileName() + " "
                                    + resource.get("resourceType").asText(),
                            resource.toString()));
                }
            }
        }
        assertThat(resources).hasSizeGreaterThan(5);
        return resources.stream();
    }

    /** The outermost resources of a hook file: prefetch values and suggestion action resources. */
    private static List<JsonNode> resourcesIn(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && node.has("resourceType")) {
            found.add(node);
        } else if (node.isContainerNode()) {
            node.forEach(child -> found.addAll(resourcesIn(child)));
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hookResources")
    void everyResourceOfTheHookExamplesIsValidAsWritten(String where, String json) {
        List<FhirProfileValidator.Issue> errors = validator.validate(json).stream()
                .filter(FhirProfileValidator.Issue::isError)
                .toList();
        assertThat(errors).as("validation errors in %s", where).isEmpty();
    }

    @Test
    void anEmptyArrayIsAnErrorAsWritten() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}";
        assertThat(validator.validate(bundle)).as("issues of %s", bundle).anyMatch(FhirProfileValidator.Issue::isError);
    }

    /** Every resource profile is declared by an example or a trial; every extension is used by one. */
    @Test
    void thereIsAnExampleForEveryProfileAndEveryExtensionIsUsed() throws IOException {
        List<String> declared = new ArrayList<>();
        List<String> usedExtensions = new ArrayList<>();
        for (String folder : List.of("examples", "researchstudies")) {
            try (Stream<Path> files = Files.list(Path.of("fhir-profiles", folder))) {
                for (Path file : files.toList()) {
                    IBaseResource parsed = Vignettes.FHIR.parse(Files.readString(file));
                    List<Resource> resources =
                            parsed instanceof Bundle ? FhirJson.resourcesOf(parsed) : List.of((Resource) parsed);
                    for (Resource r : resources) {
                        r.getMeta().getProfile().forEach(p -> declared.add(p.getValue()));
                        if (r instanceof DomainResource d) {
                            d.getExtension().forEach(e -> usedExtensions.add(e.getUrl()));
                        }
                    }
                }
            }
        }
        for (StructureDefinition sd : Vignettes.PROFILES.profiles()) {
            if (isExtension(sd)) {
                assertThat(usedExtensions)
                        .as("a published resource uses %s", sd.getUrl())
                        .contains(sd.getUrl());
            } else {
                assertThat(declared).as("an example declares %s", sd.getUrl()).contains(sd.getUrl());
            }
        }
    }

    @Test
    void everyProfileGetsASnapshotFromR4Core() {
        for (StructureDefinition sd : Vignettes.PROFILES.profiles()) {
            StructureDefinition withSnapshot = validator.snapshotOf(sd);
            assertThat(withSnapshot.getSnapshot().getElement())
                    .as("snapshot of %s", sd.getUrl())
                    .hasSizeGreaterThan(sd.getDifferential().getElement().size() + (isExtension(sd) ? 2 : 10));
            // Every element the differential constrains is in the snapshot (slices by their id).
            List<String> ids = withSnapshot.getSnapshot().getElement().stream()
                    .map(e -> e.getId())
                    .toList();
            sd.getDifferential().getElement().forEach(e -> assertThat(ids)
                    .as("snapshot of %s", sd.getUrl())
                    .contains(e.getId()));
        }
    }

    static Stream<Path> researchStudies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fhir-profiles", "researchstudies"))) {
            return files.sorted().toList().stream();
        }
    }

    /** Each trial is valid against ombc-trial as written, whether or not it declares it, and is read by the service. */
    @ParameterizedTest
    @MethodSource("researchStudies")
    void everyTrialIsValidAgainstTheTrialProfile(Path file) throws IOException {
        String json = Files.readString(file);
        assertThat(validator.validate(json, TrialDefinitions.PROFILE))
                .as(file.toString())
                .noneMatch(FhirProfileValidator.Issue::isError);
        ResearchStudy study = (ResearchStudy) Vignettes.FHIR.parse(json);
        assertThat(study.getMeta().getProfile()).extracting(p -> p.getValue()).contains(TrialDefinitions.PROFILE);
        assertThat(TrialDefinitions.toTrial(study, file.toString()).checks())
                .as(file.toString())
                .isNotEmpty();
    }

    @Test
    void aTrialWithAnUnknownCriterionOrNoNctNumberIsReported() throws IOException {
        String json = Files.readString(Path.of("fhir-profiles", "researchstudies", "ResearchStudy-clear.json"));
        assertThat(validator.validate(json.replace("\"one-organ\"", "\"one-orgn\""), TrialDefinitions.PROFILE))
                .anyMatch(i -> i.isError() && i.message().contains("one-orgn"));
        assertThat(validator.validate(json.replace("\"identifier\"", "\"identifiers\""), TrialDefinitions.PROFILE))
                .anyMatch(FhirProfileValidator.Issue::isError);
    }

    private static boolean isExtension(StructureDefinition sd) {
        return "Extension".equals(sd.getType());
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
                .filter(FhirProfileValidator.Issue::isError)
                .toList();
        assertThat(errors).as("validation errors in %s", what).isEmpty();
    }
}
