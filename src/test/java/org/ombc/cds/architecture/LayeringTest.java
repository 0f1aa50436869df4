package org.ombc.cds.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering docs/architecture.md states: data flows one way, protocol -> chart -> logic -> cards, with knowledge,
 * model and the FHIR parser below and feedback, audit, security and storage beside. The clinical logic and the OMBC
 * model are plain Java, so that a clinician's vignette tests them without a server, and so that no protocol or
 * framework detail can change a clinical answer.
 */
@AnalyzeClasses(packages = "org.ombc.cds", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String OURS = "org.ombc.cds..";
    private static final String LOGIC = "org.ombc.cds.logic..";
    private static final String MODEL = "org.ombc.cds.model..";
    private static final String KNOWLEDGE = "org.ombc.cds.knowledge..";
    private static final String CHART = "org.ombc.cds.chart..";
    private static final String CARDS = "org.ombc.cds.cards..";
    private static final String PROTOCOL = "org.ombc.cds.protocol..";
    private static final String PROTOCOL_JSON = "org.ombc.cds.protocol.json..";
    private static final String FEEDBACK = "org.ombc.cds.feedback..";
    private static final String AUDIT = "org.ombc.cds.audit..";
    private static final String SECURITY = "org.ombc.cds.security..";
    private static final String APPS = "org.ombc.cds.apps..";
    private static final String CONFIG = "org.ombc.cds.config..";
    /** The application class itself, which starts the commands of the apps and of security. */
    private static final String ROOT = "org.ombc.cds";

    private static final String[] FRAMEWORKS_AND_HTTP = {
        "org.springframework..",
        "jakarta.servlet..",
        "java.net.http..",
        "org.apache.catalina..",
        "com.fasterxml.jackson.."
    };

    @ArchTest
    static final ArchRule logicIsPlainJava = noClasses()
            .that()
            .resideInAPackage(LOGIC)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .because("the selection and order-sign rules are pure functions over the OMBC model");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses()
            .that()
            .resideInAPackage(MODEL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .because("the OMBC model is plain records (docs/architecture.md)");

    @ArchTest
    static final ArchRule logicAndModelNeverSeeFhir = noClasses()
            .that()
            .resideInAnyPackage(LOGIC, MODEL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ca.uhn..", "org.hl7..")
            .because("FHIR is read once, in chart.mapping; the model is plain records and the rules see only it");

    @ArchTest
    static final ArchRule logicAndModelDependOnlyOnEachOther = noClasses()
            .that()
            .resideInAnyPackage(LOGIC, MODEL)
            .should()
            .dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAnyPackage(LOGIC, MODEL))))
            .because("the rules and the model do not know where their values came from or who reads the answer");

    @ArchTest
    static final ArchRule modelIsBelowTheLogic = noClasses()
            .that()
            .resideInAPackage(MODEL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(LOGIC)
            .because("the model is what the rules read; it holds no rule");

    @ArchTest
    static final ArchRule knowledgeIsBelowTheChart = noClasses()
            .that()
            .resideInAPackage(KNOWLEDGE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CHART, PROTOCOL, CARDS, FEEDBACK, AUDIT, SECURITY, APPS, CONFIG)
            .because("what we know (code lists, trials, profiles) is loaded once and read by every layer above it");

    @ArchTest
    static final ArchRule chartDoesNotKnowWhoAsked = noClasses()
            .that()
            .resideInAPackage(CHART)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROTOCOL, CARDS, FEEDBACK, AUDIT, SECURITY, APPS, CONFIG)
            .because("the one chart pipeline serves the hooks and every app alike, so it cannot depend on any of them");

    @ArchTest
    static final ArchRule cardsSeeOnlyTheAssessmentAndTheHookJson = noClasses()
            .that()
            .resideInAPackage(CARDS)
            .should()
            .dependOnClassesThat(resideInAnyPackage(PROTOCOL, CHART, FEEDBACK, AUDIT, SECURITY, APPS, CONFIG)
                    .and(not(resideInAPackage(PROTOCOL_JSON))))
            .because("cards are built from the assessment alone: a card text never depends on how the chart was"
                    + " fetched or which endpoint answers");

    @ArchTest
    static final ArchRule hookJsonDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage(PROTOCOL_JSON)
            .should()
            .dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage(PROTOCOL_JSON))))
            .because("the CDS Hooks records are shared by the endpoint and the cards, so they must sit below both");

    @ArchTest
    static final ArchRule protocolDoesNotDependOnWhatIsBesideIt = noClasses()
            .that()
            .resideInAPackage(PROTOCOL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEEDBACK, AUDIT, APPS, CONFIG)
            .because("the endpoint records calls through its own HookCallRecorder interface; the audit implements it,"
                    + " so an audit change cannot break a hook answer");

    @ArchTest
    static final ArchRule auditDoesNotDependOnFeedback = noClasses()
            .that()
            .resideInAPackage(AUDIT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEEDBACK, APPS, CONFIG)
            .because("the feedback endpoint stores into the audit, one way; the audit is the store, not an endpoint");

    @ArchTest
    static final ArchRule securityDoesNotDependOnTheFlow = noClasses()
            .that()
            .resideInAPackage(SECURITY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROTOCOL, CHART, KNOWLEDGE, CARDS, LOGIC, MODEL, FEEDBACK, AUDIT, APPS, CONFIG)
            .because("who may call is decided before, and apart from, what is answered");

    @ArchTest
    static final ArchRule sharedPackagesDependOnNothingAbove = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.ombc.cds.fhir..",
                    "org.ombc.cds.privacy..",
                    "org.ombc.cds.settings..",
                    "org.ombc.cds.storage..")
            .should()
            .dependOnClassesThat(resideInAPackage(OURS)
                    .and(not(resideInAnyPackage(
                            "org.ombc.cds.fhir..",
                            "org.ombc.cds.privacy..",
                            "org.ombc.cds.settings..",
                            "org.ombc.cds.storage.."))))
            .because("the FHIR parser, hashing, the settings and the store plumbing are used by every layer, so"
                    + " they can depend on none");

    @ArchTest
    static final ArchRule nothingDependsOnTheApps = noClasses()
            .that()
            .resideOutsideOfPackages(APPS, CONFIG, ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APPS)
            .because("the apps (assessment API, SMART view, worklist, sandbox) are entry points beside CDS Hooks;"
                    + " removing or changing one must not touch the protocol or the flow");

    @ArchTest
    static final ArchRule nothingDependsOnTheWiring = noClasses()
            .that()
            .resideOutsideOfPackages(CONFIG, ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CONFIG)
            .because("the wiring may know every package; a package that knew the wiring would know them all");

    @ArchTest
    static final ArchRule timelineIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.ombc.cds.apps.smart.timeline..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS_AND_HTTP)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("ca.uhn..", "org.hl7..")
            .because("the tumour-board timeline is drawn from the assessment alone, testable without a server");
}
