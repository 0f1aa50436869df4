package org.ombc.cds.apps.smart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.DemoPatient;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.model.Lesion;
import org.ombc.cds.support.HeadlessChromium;
import org.ombc.cds.support.SandboxServerTest;
import org.ombc.cds.support.Vignettes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tumour-board view as a clinician reaches it, in headless Chromium: launched by an EHR (a mock authorization
 * server: smart-configuration, authorize redirect, token with patient context, PKCE), and launched standalone
 * against the sandbox's own open {@code /fhir} for three demo patients whose timelines are saved as pictures.
 */
@SandboxServerTest
class SmartAppBrowserTest {

    private static ChromeDriver browser;
    private static WireMockServer ehr;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start(1100, 1400);
        ehr = new WireMockServer(options().dynamicPort());
        ehr.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (ehr != null) {
            ehr.stop();
        }
    }

    private WebElement timeline() {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.ombc-timeline")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no timeline at " + browser.getCurrentUrl() + ": "
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    private static DemoPatient demo(String id) {
        return VignetteCatalogue.cases().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void standaloneLaunchAgainstTheSandboxFhirDrawsOneRowPerSiteAndEachTherapyBand() throws Exception {
        for (String id : List.of("demo-sync-luminal-bone", "demo-repeat-progression", "demo-induced-recurrence")) {
            browser.get(
                    "http://localhost:" + port + "/smart/launch?iss=http://localhost:" + port + "/fhir&patient=" + id);
            WebElement svg = timeline();

            Assessment expected = Vignettes.assess(PatientBundle.bundleOf(demo(id).resources()));
            Set<String> sites = expected.record().lesions().stream()
                    .filter(l -> l.onset() != null)
                    .map(Lesion::site)
                    .map(s -> s.code())
                    .collect(Collectors.toSet());
            long therapies = expected.record().therapies().stream()
                    .filter(t -> t.start() != null)
                    .count();
            assertThat(svg.findElements(By.cssSelector("g.site-row")))
                    .as(id)
                    .extracting(e -> e.getAttribute("data-site"))
                    .containsExactlyInAnyOrderElementsOf(sites);
            assertThat(svg.findElements(By.cssSelector("g.therapy-band")))
                    .as(id)
                    .hasSize((int) therapies);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Tumour-board view", "Options");
            HeadlessChromium.screenshot(browser, "smart-timeline-" + id + ".png");
        }
        assertThat(therapiesOf("demo-induced-recurrence"))
                .as("the induced demo patient had systemic therapy")
                .isPositive();
    }

    private static long therapiesOf(String id) {
        return Vignettes.assess(PatientBundle.bundleOf(demo(id).resources()))
                .record()
                .therapies()
                .size();
    }

    @Test
    void ehrLaunchGoesThroughAuthorizationWithPkceAndReadsTheChartWithTheToken() {
        String iss = "http://localhost:" + ehr.port() + "/fhir";
        String patient = "demo-sync-luminal-bone";
        ehr.stubFor(get(urlEqualTo("/fhir/.well-known/smart-configuration"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"authorization_endpoint": "http://localhost:%1$d/auth/authorize",
                         "token_endpoint": "http://localhost:%1$d/auth/token",
                         "capabilities": ["launch-ehr", "client-public", "context-ehr-patient", "permission-v2"],
                         "code_challenge_methods_supported": ["S256"]}""".formatted(ehr.port()))));
        ehr.stubFor(get(urlPathEqualTo("/auth/authorize"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location",
                                "{{request.query.redirect_uri}}?code=code-123&state={{urlEncode request.query.state}}")
                        .withTransformers("response-template")));
        ehr.stubFor(post(urlEqualTo("/auth/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"access_token": "ehr-token-xyz", "token_type": "bearer", "expires_in": 3600,
                         "scope": "launch patient/Condition.rs", "patient": "%s"}""".formatted(patient))));
        serveChart(demo(patient));

        browser.get("http://localhost:" + port + "/smart/launch?iss=" + iss + "&launch=launch-abc");
        WebElement svg = timeline();

        assertThat(svg.findElements(By.cssSelector("g.site-row")))
                .extracting(e -> e.getAttribute("data-site"))
                .containsExactly("bone");
        ehr.verify(getRequestedFor(urlPathEqualTo("/auth/authorize"))
                .withQueryParam("response_type", equalTo("code"))
                .withQueryParam("client_id", equalTo("ombc-cds-sandbox"))
                .withQueryParam("launch", equalTo("launch-abc"))
                .withQueryParam("aud", equalTo(iss))
                .withQueryParam("scope", containing("launch"))
                .withQueryParam("scope", containing("patient/Observation.rs"))
                .withQueryParam("code_challenge_method", equalTo("S256"))
                .withQueryParam("code_challenge", matching("[A-Za-z0-9_-]{43}")));
        ehr.verify(postRequestedFor(urlEqualTo("/auth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=code-123"))
                .withRequestBody(matching(".*code_verifier=[A-Za-z0-9_-]{43,128}.*")));
        ehr.verify(getRequestedFor(urlEqualTo("/fhir/Patient/" + patient))
                .withHeader("Authorization", equalTo("Bearer ehr-token-xyz")));
        assertThat(browser.getCurrentUrl()).doesNotContain("ehr-token-xyz").doesNotContain("code-123");
        assertThat(browser.getPageSource()).doesNotContain("ehr-token-xyz");
    }

    /** The mock EHR's FHIR API: the demo chart, one searchset Bundle per resource type, everything else empty. */
    private static void serveChart(DemoPatient patient) {
        Map<String, List<Resource>> byType =
                patient.resources().stream().collect(Collectors.groupingBy(Resource::fhirType));
        Resource self = byType.get("Patient").get(0);
        ehr.stubFor(get(urlEqualTo("/fhir/Patient/" + patient.id())).willReturn(fhirJson(Vignettes.FHIR.encode(self))));
        ehr.stubFor(get(urlPathMatching("/fhir/[A-Za-z]+"))
                .atPriority(10)
                .willReturn(fhirJson(Vignettes.FHIR.encode(searchset(List.of())))));
        for (String type : List.of(
                "Condition",
                "Observation",
                "MedicationRequest",
                "MedicationStatement",
                "Procedure",
                "DiagnosticReport")) {
            ehr.stubFor(get(urlPathEqualTo("/fhir/" + type))
                    .atPriority(1)
                    .withQueryParam("patient", equalTo(patient.id()))
                    .willReturn(fhirJson(Vignettes.FHIR.encode(searchset(byType.getOrDefault(type, List.of()))))));
        }
    }

    private static Bundle searchset(List<Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(resources.size());
        resources.forEach(r -> bundle.addEntry().setResource(r));
        return bundle;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhirJson(String body) {
        return aResponse().withHeader("Content-Type", "application/fhir+json").withBody(body);
    }

    @Test
    void theSandboxCardViewerOpensTheViewForADemoPatientInOneClick() {
        browser.get("http://localhost:" + port + "/");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-patient-id='demo-metachronous-recurrence']")))
                .click();
        String href = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("tumour-board")))
                .getAttribute("href");

        browser.get(href);

        assertThat(timeline().findElements(By.cssSelector("g.site-row"))).isNotEmpty();
    }

    @Test
    void anUnknownAuthorizationRegistrationIsNotFoundNotAServerError() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/oauth2/authorization/no-such-ehr"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aServerThatIsNotAllowedIsRefusedBeforeAnyRedirect() {
        browser.get("http://localhost:" + port + "/smart/launch?iss=https://evil.example/fhir&launch=x");

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("not one the service may read");
    }
}
