package org.ombc.cds.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering docs/architecture.md states: the clinical logic and the OMBC model are plain Java, so that a clinician's
 * vignette tests them without a server, and so that no protocol or framework detail can change a clinical answer.
 */
@AnalyzeClasses(packages = "org.ombc.cds", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] FRAMEWORKS_AND_HTTP = {"org.springframework..", "jakarta.servlet..",
            "java.net.http..", "org.apache.catalina..", "com.fasterxml.jackson.."};

    @ArchTest
    static final ArchRule logicIsPlainJava = noClasses().that().resideInAPackage("org.ombc.cds.logic..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .because("the selection logic is pure functions over the OMBC model (docs/architecture.md)");

    @ArchTest
    static final ArchRule logicAndModelNeverSeeFhir = noClasses()
            .that().resideInAnyPackage("org.ombc.cds.logic..", "org.ombc.cds.model..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.hl7..")
            .because("FHIR is read once, in the mapping; the model is plain records and the rules see only it");

    @ArchTest
    static final ArchRule logicAndModelNeverSeeTheMapping = noClasses()
            .that().resideInAnyPackage("org.ombc.cds.logic..", "org.ombc.cds.model..")
            .should().dependOnClassesThat().resideInAPackage("org.ombc.cds.mapping..")
            .because("the mapping fills the model; the model and the rules do not know where their values came from");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("org.ombc.cds.model..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .because("the OMBC model is plain records (docs/architecture.md)");

    @ArchTest
    static final ArchRule orderSignRulesArePlainJava = noClasses().that().resideInAPackage("org.ombc.cds.ordersign..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .because("the order-sign rules (clinical-rules 9) are pure functions like the selection logic");

    @ArchTest
    static final ArchRule timelineIsPlainJava = noClasses().that().resideInAPackage("org.ombc.cds.timeline..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .orShould().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.hl7..")
            .because("the tumour-board timeline is drawn from the assessment alone, testable without a server");

    @ArchTest
    static final ArchRule logicDependsOnNothingAboveIt = noClasses().that().resideInAPackage("org.ombc.cds.logic..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ombc.cds.cdshooks..", "org.ombc.cds.fhir..",
                    "org.ombc.cds.cards..", "org.ombc.cds.audit..", "org.ombc.cds.security..",
                    "org.ombc.cds.sandbox..", "org.ombc.cds.config..",
                    "org.ombc.cds.services..", "org.ombc.cds.web..", "org.ombc.cds.hookjson..",
                    "org.ombc.cds.assessment..", "org.ombc.cds.settings..")
            .because("data flows one way: cdshooks -> services -> fhir -> mapping -> model -> logic -> cards");
}
