package org.ombc.cds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.logic.Trial;
import org.ombc.cds.support.Vignettes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ombc.knowledge.extra-dir}: a site's own ResearchStudy files are read at start and reach the assessment; a
 * file that is not a valid trial stops the start with a message naming it. Runs the knowledge beans the way the
 * application starts them, without the web layer.
 */
class KnowledgeConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KnowledgeProperties.class)
    static class Properties {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, KnowledgeConfiguration.class)
            .withBean(FhirJson.class, () -> Vignettes.FHIR)
            .withBean(ProfilePackage.class, () -> Vignettes.PROFILES)
            .withBean(Terminology.class, () -> Vignettes.TERMINOLOGY);

    @TempDir
    Path dir;

    /** A site's own trial, not in the review: 1-2 lesions, no brain lesions. */
    private static final String LOCAL_TRIAL = """
            {"resourceType": "ResearchStudy", "id": "local-trial",
             "extension": [
               {"url": "http://ombc-cds.org/fhir/StructureDefinition/ombc-trial-criterion", "extension": [
                 {"url": "code", "valueCoding": {"system": "http://ombc-cds.org/fhir/CodeSystem/ombc", "code": "lesion-count-max"}},
                 {"url": "value", "valueInteger": 2}]},
               {"url": "http://ombc-cds.org/fhir/StructureDefinition/ombc-trial-criterion", "extension": [
                 {"url": "code", "valueCoding": {"system": "http://ombc-cds.org/fhir/CodeSystem/ombc", "code": "no-brain"}}]}],
             "identifier": [{"system": "https://clinicaltrials.gov", "value": "NCT09999999"}],
             "title": "LOCAL-1", "status": "active",
             "phase": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/research-study-phase", "code": "phase-2"}]},
             "description": "Local trial: 1-2 extracranial lesions.",
             "note": [{"text": "Ask the trial office on extension 1234."}]}
            """;

    private static Assessment assess(OmbcAssessor assessor, PatientBundle chart) {
        FhirToOmbc mapper = new FhirToOmbc(Vignettes.TERMINOLOGY);
        return assessor.assess(
                mapper.map(FhirJson.resourcesOf(Vignettes.FHIR.parse(Vignettes.FHIR.encode(chart.bundle())))));
    }

    private static PatientBundle twoBoneLesions() {
        return PatientBundle.patient("local")
                .primary("2016-01-01")
                .luminal("2016-01-10")
                .imaging("2021-03-01")
                .metastasis("b1", sct("94222008"), "2021-03-01")
                .metastasis("b2", sct("94222008"), "2021-03-01");
    }

    @Test
    void withoutAnExtraDirectoryTheServiceChecksOurTrials() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(KnowledgeConfiguration.TrialCatalogue.class)
                            .trials())
                    .hasSize(10);
            assertThat(assess(context.getBean(OmbcAssessor.class), twoBoneLesions())
                            .trials())
                    .extracting(Trial::nct)
                    .doesNotContain("NCT09999999")
                    .contains("NCT03862911");
        });
    }

    @Test
    void aTrialFileInTheExtraDirectoryIsListedForMatchingPatients() throws IOException {
        Files.writeString(dir.resolve("local-trial.json"), LOCAL_TRIAL);
        Files.writeString(dir.resolve("README.txt"), "not read: only *.json files are trials");
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir).run(context -> {
            assertThat(context).hasNotFailed();
            var a = assess(context.getBean(OmbcAssessor.class), twoBoneLesions());
            assertThat(a.trials())
                    .extracting(Trial::nct)
                    .contains("NCT09999999", "NCT03862911")
                    .isSorted();
            assertThat(a.trials())
                    .filteredOn(t -> t.nct().equals("NCT09999999"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.notes()).containsExactly("Ask the trial office on extension 1234."));
        });
    }

    @Test
    void aSiteFileWithTheSameNctNumberReplacesOurs() throws IOException {
        // The site learns that CLEAR no longer recruits: the same NCT, status closed-to-accrual.
        String clear = Files.readString(Path.of("fhir-profiles", "researchstudies", "ResearchStudy-clear.json"))
                .replace("\"status\": \"active\"", "\"status\": \"closed-to-accrual\"");
        Files.writeString(dir.resolve("clear-closed.json"), clear);
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir).run(context -> {
            assertThat(context).hasNotFailed();
            var a = assess(context.getBean(OmbcAssessor.class), twoBoneLesions());
            assertThat(a.trials())
                    .extracting(Trial::nct)
                    .doesNotContain("NCT03750396")
                    .contains("NCT03143322");
        });
    }

    @Test
    void aBrokenTrialFileStopsTheStartNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("good.json"), LOCAL_TRIAL);
        Files.writeString(
                dir.resolve("typo.json"),
                LOCAL_TRIAL.replace("NCT09999999", "NCT09999998").replace("\"no-brain\"", "\"no-brian\""));
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(startFailure(context.getStartupFailure()))
                    .contains("typo.json")
                    .contains("no-brian");
        });
    }

    @Test
    void aFileThatIsNotJsonOrNotAResearchStudyStopsTheStart() throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"resourceType\": \"ResearchStudy\", ");
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir)
                .run(context ->
                        assertThat(startFailure(context.getStartupFailure())).contains("broken.json"));
        Files.delete(dir.resolve("broken.json"));
        Files.writeString(dir.resolve("patient.json"), "{\"resourceType\": \"Patient\", \"id\": \"p\"}");
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir)
                .run(context -> assertThat(startFailure(context.getStartupFailure()))
                        .contains("patient.json")
                        .contains("not a ResearchStudy"));
    }

    @Test
    void aMissingDirectoryOrTwoFilesWithOneNctStopTheStart() throws IOException {
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir.resolve("absent"))
                .run(context -> assertThat(startFailure(context.getStartupFailure()))
                        .contains("absent")
                        .contains("not a readable directory"));
        Files.writeString(dir.resolve("a.json"), LOCAL_TRIAL);
        Files.writeString(dir.resolve("b.json"), LOCAL_TRIAL);
        runner.withPropertyValues("ombc.knowledge.extra-dir=" + dir)
                .run(context -> assertThat(startFailure(context.getStartupFailure()))
                        .contains("b.json")
                        .contains("a.json")
                        .contains("NCT09999999"));
    }

    /** The messages of the failure and its causes: what the operator reads in the start log. */
    private static String startFailure(Throwable failure) {
        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
