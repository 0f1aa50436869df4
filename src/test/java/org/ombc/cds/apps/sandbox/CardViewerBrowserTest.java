package org.ombc.cds.apps.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.SandboxServerTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A newcomer's first minute, in headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run):
 * open the sandbox, click a patient, read the card, accept a suggestion, and find the feedback stored; sign a
 * palliative radiotherapy order and read the order-sign card; the same at 400 px wide (a narrow EHR side panel).
 * Screenshots: target/sandbox-card-viewer.png (1400 px) and target/sandbox-card-viewer-400.png (400 px).
 */
@SandboxServerTest
class CardViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them): browser test skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("ombc-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void aNewcomerOpensAPatientReadsTheCardAndSendsFeedback() throws Exception {
        browser.manage().window().setSize(new Dimension(1400, 1100));
        browser.get("http://localhost:" + port + "/");
        WebElement patient = waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-patient-id='demo-sync-luminal-bone']")));
        assertThat(browser.findElements(By.cssSelector("#patients button"))).hasSizeGreaterThanOrEqualTo(30);
        patient.click();

        WebElement card =
                waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.warning")));
        assertThat(card.findElement(By.className("summary")).getText())
                .contains("oligometastatic breast cancer", "De novo");
        assertThat(card.findElement(By.className("detail")).getText())
                .contains("2 bone lesions since Feb 2024", "5-y OS 42%", "NRG-BR002");
        assertThat(card.findElements(By.cssSelector(".detail a[href^='https://']")))
                .isNotEmpty();
        assertThat(browser.findElement(By.id("response-json")).getAttribute("textContent"))
                .contains("\"cards\"");
        String cardUuid = card.getAttribute("data-card-uuid");

        // Desktop: the patient list and the card side by side; the page links to itself by patient.
        assertThat(browser.findElement(By.tagName("nav")).getRect().getX())
                .isLessThan(browser.findElement(By.id("chart")).getRect().getX());
        assertThat(browser.getCurrentUrl()).endsWith("#patient=demo-sync-luminal-bone");
        screenshot("sandbox-card-viewer.png");

        card.findElement(By.cssSelector(".actions button.recommended")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".card.warning .actions"), "Feedback sent: accepted"));
        String stored = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ombc/feedback"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(stored).contains(cardUuid, "\"outcome\":\"accepted\"");
    }

    /**
     * A narrow EHR side panel (400 px): one column, nothing wider than the panel, the patient opened from the
     * URL, the suggestion button on screen without scrolling past the evidence, and the full evidence one click
     * away on the service's own page.
     */
    @Test
    void aNarrowSidePanelOpensAPatientFromItsLinkAndShowsTheButtonsFirst() throws Exception {
        browser.manage().window().setSize(new Dimension(400, 900));
        browser.get("about:blank"); // a fresh page: the same URL with only a fragment would not reload
        browser.get("http://localhost:" + port + "/#patient=demo-sync-luminal-bone");
        WebElement card =
                waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.warning")));
        assertThat(card.findElement(By.className("summary")).getText()).contains("De novo");
        Number innerWidth = (Number) browser.executeScript("return window.innerWidth");
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(innerWidth.intValue());
        assertThat(card.getRect().getWidth()).isLessThanOrEqualTo(innerWidth.intValue());
        assertThat(browser.findElement(By.tagName("nav")).getRect().getY())
                .as("one column: the list above the card")
                .isLessThan(browser.findElement(By.id("chart")).getRect().getY());
        WebElement accept = card.findElement(By.cssSelector(".actions button.recommended"));
        Boolean onScreen = (Boolean) browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                accept);
        assertThat(onScreen).as("the referral button is on screen").isTrue();
        assertThat(accept.getLocation().getY())
                .as("buttons before the evidence")
                .isLessThan(
                        card.findElement(By.className("detail")).getLocation().getY());
        screenshot("sandbox-card-viewer-400.png");

        String evidence =
                card.findElement(By.cssSelector(".source a.card-link")).getAttribute("href");
        assertThat(evidence)
                .startsWith("http://localhost:" + port + "/ombc/cards/")
                .contains("?sig=");
        String page = waitForPage(evidence);
        assertThat(page).contains("How this was decided", "SABR-COMET");
        browser.get(evidence);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How this was decided");
    }

    /** The page is stored with the audit, in the background: it is there within moments of the card. */
    private String waitForPage(String url) {
        return org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.ofString()),
                        r -> r.statusCode() == 200)
                .body();
    }

    private static void screenshot(String name) throws Exception {
        Path screenshot = Path.of("target", name);
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void signingAPalliativeRadiotherapyOrderForAnOligometastaticPatientShowsTheOrderSignWarning() throws Exception {
        browser.get("http://localhost:" + port + "/");
        assertThat(waiting()
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-rt")))
                        .isEnabled())
                .isFalse();
        waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-patient-id='demo-sync-luminal-bone']")))
                .click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.warning")));
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("sign-rt")))
                .click();

        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".card.warning .summary"), "before palliative RT"));
        WebElement card = browser.findElement(By.cssSelector(".card.warning"));
        assertThat(card.findElement(By.className("detail")).getText())
                .contains("is often considered for palliative purposes rather than curative intent", "42%");
        assertThat(browser.findElement(By.id("request-json")).getAttribute("textContent"))
                .contains("\"hook\": \"order-sign\"", "\"draftOrders\"", "363676003");
        String cardUuid = card.getAttribute("data-card-uuid");

        new org.openqa.selenium.support.ui.Select(card.findElement(By.cssSelector(".actions select")))
                .selectByValue("urgent-palliation-needed");
        card.findElement(By.cssSelector(".actions button.override")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".card.warning .actions"), "Feedback sent: overridden"));
        String stored = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ombc/feedback"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(stored).contains(cardUuid, "urgent-palliation-needed");
    }

    @Test
    void theFallbackPathWorksFromThePageAndAPolymetastaticPatientGetsAnInfoCard() {
        browser.manage().window().setSize(new Dimension(1400, 1100));
        browser.get("http://localhost:" + port + "/");
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("use-fallback")))
                .click();
        waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-patient-id='demo-polymetastatic']")))
                .click();
        WebElement card = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card.info")));
        assertThat(card.getText()).contains("Polymetastatic breast cancer");
        assertThat(browser.findElement(By.id("request-json")).getAttribute("textContent"))
                .contains("\"fhirServer\"")
                .doesNotContain("\"prefetch\"");
    }

    @Test
    void cardContentCannotInjectHtml() {
        browser.get("http://localhost:" + port + "/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#patients button")));
        Object count = browser.executeScript("""
                const node = renderMarkdown('**x** <img src=x onerror="window.pwned=1"> [a](javascript:alert(1)) | <script>1</script> |');
                document.body.append(node);
                return node.querySelectorAll('img, script, a[href^="javascript"]').length;""");
        assertThat(((Number) count).intValue()).isZero();
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }
}
