package org.ombc.cds.knowledge.terminologyserver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.apps.sandbox.PatientBundle.code;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.knowledge.TerminologyExtension;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.Vignettes;

/**
 * A hospital's terminology server places codes our expansions do not hold (clinical-rules 10), and nothing it does
 * (slow, down, answering garbage) delays a chart past its deadline or changes an answer the expansions give.
 */
class TerminologyServerExtensionTest {

    /** A made-up SNOMED CT code: in no expansion we publish, so only the server can place it. */
    static final String MADE_UP_BREAST_CANCER = "999000000000123";
    /** Generous: answers must arrive in time on a loaded build machine, except where a test makes them late. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    /** Room for mapping and assessing one chart on a loaded build machine, beyond the deadline. */
    private static final long MARGIN_MS = 1000;

    private static final FhirServerStub SERVER = new FhirServerStub();
    private static final FhirToOmbc MAPPER = new FhirToOmbc(Vignettes.TERMINOLOGY, Vignettes.CLOCK);
    private static final OmbcAssessor ASSESSOR =
            new OmbcAssessor(Vignettes.TERMINOLOGY.knowledgeVersion(), Vignettes.PROFILES.trials());

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TerminologyServerExtension extension;

    @BeforeEach
    void start() {
        SERVER.server().resetAll();
        TerminologyStubs.answerNoByDefault(SERVER.server());
        extension = extension(SERVER.baseUrl(), 50, TIMEOUT);
    }

    @AfterEach
    void stop() {
        extension.close();
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    private TerminologyServerExtension extension(String url, int maxCodes, Duration timeout) {
        return TerminologyServerExtension.create(
                new OmbcProperties.TerminologyServer(url, timeout, maxCodes, Duration.ofHours(1), 1000),
                Duration.ofSeconds(30),
                Vignettes.PROFILES.valueSets(),
                meters);
    }

    static PatientBundle candidateCodedWith(String id, String primaryCode) {
        org.hl7.fhir.r4.model.CodeableConcept primary = sct(primaryCode);
        primary.getCodingFirstRep().setDisplay("Carcinoma of breast");
        return PatientBundle.patient(id)
                .primaryCoded(primary, "2016-01-01")
                .luminal("2016-01-05")
                .metastasis("m1", sct("94222008"), "2021-03-01")
                .imaging("2021-03-01");
    }

    private static Assessment assess(TerminologyExtension with, List<? extends IBaseResource> chart) {
        return new ChartAssessment(new PatientDataService(Vignettes.FHIR, null, null), MAPPER, ASSESSOR, with)
                .assess("p", chart, List.of())
                .assessment();
    }

    private double lookups(String outcome) {
        return meters.counter("ombc.terminology.lookups", "outcome", outcome).count();
    }

    /** The roots asked about are the ones clinical-rules 10 names, taken from the published definitions. */
    @Test
    void conditionCodesAreAskedOfTheFamilyRootsOfClinicalRules10() {
        List<String> roots = ConceptFamilies.of(Vignettes.PROFILES.valueSets()).of(ChartElement.CONDITION_CODE).stream()
                .map(family -> family.valueSetId() + "<" + String.join(",", family.snomedRoots()))
                .toList();
        assertThat(roots)
                .contains(
                        "primary-breast-cancer<254837009",
                        "metastasis<128462008",
                        "metastasis-code-bone<94222008",
                        "metastasis-code-liver<94381002",
                        "metastasis-code-lung<94391008",
                        "metastasis-code-brain<94225005",
                        "metastasis-code-pleura<94493005",
                        "metastasis-code-adrenal<94161006",
                        "metastasis-code-axillary-lymph-node<94181007");
    }

    @Test
    void aPrimaryCodedWithADescendantTheServerPlacesIsReadAsBreastCancer() {
        SERVER.server().stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER));
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-1", MADE_UP_BREAST_CANCER).resources();

        Assessment offline = assess(TerminologyExtension.NONE, chart);
        Assessment asked = assess(extension, chart);

        assertThat(offline.breastCancer())
                .as("without the server the code is unknown")
                .isFalse();
        assertThat(String.join("\n", offline.record().notes()))
                .as("and named for the data-quality card")
                .contains("with a code the service does not know", MADE_UP_BREAST_CANCER);
        assertThat(asked.breastCancer()).isTrue();
        assertThat(String.join("\n", asked.record().notes())).doesNotContain(MADE_UP_BREAST_CANCER);
        assertThat(asked.metastatic()).isTrue();
        assertThat(lookups("member")).isEqualTo(1);
        assertThat(lookups("not-member"))
                .as("metastasis and its sites, each asked once")
                .isPositive();
    }

    @Test
    void aCodeTheServerDoesNotPlaceStaysUnread() {
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-2", MADE_UP_BREAST_CANCER).resources();
        assertThat(assess(extension, chart)).isEqualTo(assess(TerminologyExtension.NONE, chart));
        assertThat(lookups("member")).isZero();
    }

    @Test
    void aSlowServerCostsTheDeadlineAtMostAndChangesNothing() {
        SERVER.server()
                .stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER)
                        .willReturn(TerminologyStubs.outcome("subsumes").withFixedDelay(5000)));
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-3", MADE_UP_BREAST_CANCER).resources();
        Assessment offline = assess(TerminologyExtension.NONE, chart);

        try (TerminologyServerExtension impatient = extension(SERVER.baseUrl(), 50, SHORT_TIMEOUT)) {
            long start = System.nanoTime();
            Assessment asked = assess(impatient, chart);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMs).isLessThan(SHORT_TIMEOUT.toMillis() + MARGIN_MS);
            assertThat(asked).isEqualTo(offline);
            assertThat(lookups("timeout")).as("the late 'yes' at least").isPositive();
            assertThat(lookups("member")).isZero();
        }
    }

    /** The deadline is never longer than the hook's own FHIR deadline. */
    @Test
    void theDeadlineIsNeverLongerThanTheFhirTimeout() {
        SERVER.server()
                .stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER)
                        .willReturn(TerminologyStubs.outcome("subsumes").withFixedDelay(5000)));
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-3b", MADE_UP_BREAST_CANCER).resources();
        try (TerminologyServerExtension bounded = TerminologyServerExtension.create(
                new OmbcProperties.TerminologyServer(
                        SERVER.baseUrl(), Duration.ofSeconds(30), 50, Duration.ofHours(1), 1000),
                SHORT_TIMEOUT,
                Vignettes.PROFILES.valueSets(),
                meters)) {
            long start = System.nanoTime();
            assertThat(assess(bounded, chart).breastCancer()).isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(SHORT_TIMEOUT.toMillis() + MARGIN_MS);
        }
    }

    /** A call that spent most of its FHIR deadline fetching the chart has only the rest left for lookups. */
    @Test
    void lookupsGetOnlyWhatIsLeftOfTheCallsDeadline() {
        SERVER.server()
                .stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER)
                        .willReturn(TerminologyStubs.outcome("subsumes").withFixedDelay(5000)));
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-3c", MADE_UP_BREAST_CANCER).resources();
        Duration fhirTimeout = Duration.ofSeconds(3);
        try (TerminologyServerExtension bounded = TerminologyServerExtension.create(
                new OmbcProperties.TerminologyServer(
                        SERVER.baseUrl(), Duration.ofSeconds(30), 50, Duration.ofHours(1), 1000),
                fhirTimeout,
                Vignettes.PROFILES.valueSets(),
                meters)) {
            long start = System.nanoTime();
            long callStart = start - fhirTimeout.minus(SHORT_TIMEOUT).toNanos();
            bounded.extend(Vignettes.TERMINOLOGY, chart, callStart);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(SHORT_TIMEOUT.toMillis() + MARGIN_MS);
            assertThat(lookups("timeout")).isPositive();
        }
    }

    static Stream<Arguments> brokenAnswers() {
        String huge =
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"outcome\",\"valueCode\":\"subsumes\"},"
                        + "{\"name\":\"message\",\"valueString\":\"" + "x".repeat(200_000) + "\"}]}";
        return Stream.of(
                Arguments.of("500", (Supplier<ResponseDefinitionBuilder>)
                        () -> aResponse().withStatus(500)),
                Arguments.of("garbage", (Supplier<ResponseDefinitionBuilder>) () -> FhirServerStub.fhir("{not json")),
                Arguments.of("HTML", (Supplier<ResponseDefinitionBuilder>) () -> aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Login</body></html>")),
                Arguments.of("Parameters without outcome", (Supplier<ResponseDefinitionBuilder>)
                        () -> FhirServerStub.fhir("{\"resourceType\":\"Parameters\"}")),
                // a valid "yes", but over the size limit: read, it would place the code
                Arguments.of("huge", (Supplier<ResponseDefinitionBuilder>) () -> FhirServerStub.fhir(huge)),
                Arguments.of("huge, chunked", (Supplier<ResponseDefinitionBuilder>)
                        () -> FhirServerStub.fhir(huge).withChunkedDribbleDelay(4, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAnswers")
    void aBrokenAnswerIsCountedAsAnErrorAndChangesNothing(String kind, Supplier<ResponseDefinitionBuilder> answer) {
        SERVER.server()
                .stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER)
                        .willReturn(answer.get()));
        List<? extends IBaseResource> chart =
                candidateCodedWith("ts-4", MADE_UP_BREAST_CANCER).resources();

        Assessment asked = assess(extension, chart);

        assertThat(asked).isEqualTo(assess(TerminologyExtension.NONE, chart));
        assertThat(lookups("error")).as("the broken 'yes'").isEqualTo(1);
        assertThat(lookups("member")).isZero();
    }

    @Test
    void aServerThatIsDownIsAnErrorAndChangesNothing() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (TerminologyServerExtension down =
                extension("http://127.0.0.1:" + closedPort + "/fhir", 50, SHORT_TIMEOUT)) {
            List<? extends IBaseResource> chart =
                    candidateCodedWith("ts-5", MADE_UP_BREAST_CANCER).resources();
            long start = System.nanoTime();
            Assessment asked = assess(down, chart);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(SHORT_TIMEOUT.toMillis() + MARGIN_MS);
            assertThat(asked).isEqualTo(assess(TerminologyExtension.NONE, chart));
            assertThat(lookups("error")).isPositive();
        }
    }

    @Test
    void aSecondChartWithTheSameCodeIsAnsweredFromTheCache() {
        SERVER.server().stubFor(TerminologyStubs.subsumes(ConceptFamilies.BREAST_CANCER_ROOT, MADE_UP_BREAST_CANCER));
        assertThat(assess(
                                extension,
                                candidateCodedWith("ts-6", MADE_UP_BREAST_CANCER)
                                        .resources())
                        .breastCancer())
                .isTrue();
        int asked = SERVER.server().findAll(anyRequestedFor(anyUrl())).size();
        assertThat(asked).isPositive();

        Assessment second = assess(
                extension, candidateCodedWith("ts-7", MADE_UP_BREAST_CANCER).resources());

        assertThat(second.breastCancer()).isTrue();
        assertThat(SERVER.server().findAll(anyRequestedFor(anyUrl())))
                .as("no second request")
                .hasSize(asked);
        assertThat(lookups("cached")).isEqualTo(asked);
    }

    @Test
    void codesTheExpansionsHoldAreNeverAsked() {
        PatientBundle chart = PatientBundle.patient("ts-8")
                .primary("2016-01-01")
                .luminal("2016-01-05")
                .metastasis("m1", sct("94222008"), "2021-03-01")
                .lesionCount("m1", 2)
                .lesionSize("m1", 12, "mm")
                .progression(false, "2021-04-01")
                .endocrineTherapy("2016-03-01", null)
                .mastectomy("2016-02-01")
                .imaging("2021-03-01");

        Assessment asked = assess(extension, chart.resources());

        assertThat(asked).isEqualTo(assess(TerminologyExtension.NONE, chart.resources()));
        assertThat(SERVER.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void noMoreThanMaxCodesPerChartRequestsForOneChart() {
        PatientBundle chart = candidateCodedWith("ts-9", "254837009");
        for (int i = 1; i <= 6; i++) {
            chart.add(chart.observation(code("http://loinc.org", "99990-" + i), "2016-01-05"));
        }
        try (TerminologyServerExtension capped = extension(SERVER.baseUrl(), 5, TIMEOUT)) {
            assess(capped, chart.resources());
        }
        assertThat(SERVER.server().findAll(getRequestedFor(urlPathEqualTo("/fhir/ValueSet/$validate-code"))))
                .as("6 codes x er/pr/her2-test would be 18")
                .hasSize(5);
    }

    @Test
    void aReceptorTestCodeTheServerPlacesInErTestIsRead() {
        PatientBundle chart = PatientBundle.patient("ts-10")
                .primary("2016-01-01")
                .metastasis("m1", sct("94222008"), "2021-03-01")
                .imaging("2021-03-01")
                .receptor("99991-9", true, "2016-01-05");
        SERVER.server()
                .stubFor(get(urlPathEqualTo("/fhir/ValueSet/$validate-code"))
                        .atPriority(1)
                        .withQueryParam("url", equalTo("http://ombc-cds.org/fhir/ValueSet/er-test"))
                        .withQueryParam("code", equalTo("99991-9"))
                        .willReturn(TerminologyStubs.result(true)));

        Assessment offline = assess(TerminologyExtension.NONE, chart.resources());
        Assessment asked = assess(extension, chart.resources());

        assertThat(offline.record().er().isKnown()).isFalse();
        assertThat(asked.record().er().isPositive()).isTrue();
    }
}
