package org.ombc.cds.chart.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.FhirServerStub.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.Vignettes;

/** The FHIR server fallback against a WireMock server that misbehaves in every way the issue lists. */
class FhirFetcherTest {

    private static final FhirServerStub STUB = new FhirServerStub();
    private static final WireMockServer WM = STUB.server();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(16);
    private static final String EMPTY_BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}";

    private SimpleMeterRegistry meters;
    private Cache<String, List<FhirEntry>> cache;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        // WireMock answers its first request slowly (seconds on a busy machine): not what is measured here.
        HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(STUB.baseUrl() + "/warm-up"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        // HAPI builds its model of a resource type on first parse (seconds on a busy machine): not the server's time.
        Vignettes.FHIR.parse(bundleOf("Condition", "warm-up"));
        Vignettes.FHIR.parse(bundleOf("Observation", "warm-up"));
    }

    @BeforeEach
    void reset() {
        WM.resetAll();
        meters = new SimpleMeterRegistry();
        cache = Caffeine.newBuilder().maximumSize(100).build();
    }

    @AfterAll
    static void stop() {
        STUB.close();
        EXECUTOR.shutdownNow();
    }

    private FhirFetcher fetcher(Duration timeout, int maxPages, List<String> allowed) {
        return new FhirFetcher(
                Vignettes.FHIR,
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                EXECUTOR,
                new AllowedServers(allowed),
                new PrefetchTemplates(Vignettes.TERMINOLOGY),
                timeout,
                maxPages,
                20L << 20,
                cache,
                meters);
    }

    private FhirFetcher fetcher() {
        return fetcher(Duration.ofSeconds(2), 5, List.of("http://localhost"));
    }

    private Map<PrefetchKey, FhirFetcher.Result> fetch(FhirFetcher fetcher, String token, PrefetchKey... keys) {
        return fetcher.fetch(
                STUB.baseUrl(),
                token,
                "p1",
                keys.length == 0 ? EnumSet.allOf(PrefetchKey.class) : EnumSet.copyOf(Set.of(keys)));
    }

    private static String bundleOf(String type, String... ids) {
        StringBuilder entries = new StringBuilder();
        for (String id : ids) {
            if (entries.length() > 0) {
                entries.append(',');
            }
            entries.append("{\"resource\":{\"resourceType\":\"")
                    .append(type)
                    .append("\",\"id\":\"")
                    .append(id)
                    .append("\",\"subject\":{\"reference\":\"Patient/p1\"}}}");
        }
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + "]}";
    }

    @Test
    void allQueriesRunInParallel() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Patient/p1"))
                .willReturn(fhir("{\"resourceType\":\"Patient\",\"id\":\"p1\"}").withFixedDelay(300)));
        WM.stubFor(get(anyUrl()).atPriority(10).willReturn(fhir(EMPTY_BUNDLE).withFixedDelay(300)));
        long started = System.nanoTime();
        Map<PrefetchKey, FhirFetcher.Result> results = fetch(fetcher(), "t");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(results.values()).allSatisfy(r -> assertThat(r.failure()).isNull());
        assertThat(millis)
                .as("7 queries of 300 ms each, sequential would be 2100 ms")
                .isLessThan(1200);
    }

    @Test
    void pagesAreFollowedUpToTheCapAndAResultCutByTheCapIsIncomplete() {
        String page1 = bundleOf("Condition", "c1")
                .replace(
                        "\"entry\"",
                        "\"link\":[{\"relation\":\"next\",\"url\":\"" + STUB.baseUrl() + "/page2\"}],\"entry\"");
        String page2 = bundleOf("Condition", "c2")
                .replace(
                        "\"entry\"",
                        "\"link\":[{\"relation\":\"next\",\"url\":\"" + STUB.baseUrl() + "/page3\"}],\"entry\"");
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(page1)));
        WM.stubFor(get(urlPathEqualTo("/fhir/page2")).willReturn(fhir(page2)));
        WM.stubFor(get(urlPathEqualTo("/fhir/page3")).willReturn(fhir(bundleOf("Condition", "c3"))));
        assertThat(fetch(fetcher(), "t", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS)
                        .resources())
                .hasSize(3);
        cache.invalidateAll();
        assertThat(fetch(fetcher(Duration.ofSeconds(2), 2, List.of("http://localhost")), "t", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS))
                .as("two pages of three are not the chart")
                .isEqualTo(FhirFetcher.Result.failed(FetchFailure.INCOMPLETE));
    }

    @Test
    void aNextLinkToAnotherServerIsNotFollowed() {
        WM.stubFor(
                get(urlPathEqualTo("/fhir/Condition"))
                        .willReturn(
                                fhir(
                                        bundleOf("Condition", "c1")
                                                .replace(
                                                        "\"entry\"",
                                                        "\"link\":[{\"relation\":\"next\",\"url\":\"http://169.254.169.254/latest\"}],\"entry\""))));
        assertThat(fetch(fetcher(), "t", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS)
                        .failure())
                .isEqualTo(FetchFailure.NOT_ALLOWED);
    }

    @Test
    void oneDeadlineCoversTheWholeFetch() {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY_BUNDLE).withFixedDelay(3000)));
        long started = System.nanoTime();
        var results = fetch(fetcher(Duration.ofMillis(400), 5, List.of("http://localhost")), "t");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(results.values()).allSatisfy(r -> assertThat(r.failure()).isEqualTo(FetchFailure.TIMEOUT));
        assertThat(millis).isLessThan(1500);
    }

    @Test
    void aSlowTrickleTimesOut() {
        WM.stubFor(get(anyUrl()).willReturn(fhir(bundleOf("Condition", "c1")).withChunkedDribbleDelay(20, 3000)));
        assertThat(fetch(fetcher(Duration.ofMillis(500), 5, List.of("http://localhost")), "t", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS)
                        .failure())
                .isEqualTo(FetchFailure.TIMEOUT);
    }

    @Test
    void httpFailuresAreClassified() {
        WM.stubFor(
                get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(aResponse().withStatus(401)));
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(404)));
        WM.stubFor(
                get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(500)));
        WM.stubFor(get(urlPathEqualTo("/fhir/Procedure")).willReturn(aResponse().withStatus(403)));
        WM.stubFor(get(urlPathEqualTo("/fhir/MedicationRequest"))
                .willReturn(aResponse().withStatus(429)));
        var results = fetch(
                fetcher(),
                "t",
                PrefetchKey.PATIENT,
                PrefetchKey.CONDITIONS,
                PrefetchKey.OBSERVATIONS,
                PrefetchKey.PROCEDURES,
                PrefetchKey.MEDICATION_REQUESTS);
        assertThat(results.get(PrefetchKey.PATIENT).failure()).isEqualTo(FetchFailure.UNAUTHORIZED);
        assertThat(results.get(PrefetchKey.CONDITIONS).failure()).isEqualTo(FetchFailure.NOT_FOUND);
        assertThat(results.get(PrefetchKey.OBSERVATIONS).failure()).isEqualTo(FetchFailure.SERVER_ERROR);
        assertThat(results.get(PrefetchKey.PROCEDURES).failure()).isEqualTo(FetchFailure.UNAUTHORIZED);
        assertThat(results.get(PrefetchKey.MEDICATION_REQUESTS).failure()).isEqualTo(FetchFailure.CLIENT_ERROR);
        assertThat(cache.estimatedSize()).as("failures are not cached").isZero();
    }

    @Test
    void aConnectionResetIsRetriedOnceThenReported() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(fetch(fetcher(), "t", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS)
                        .failure())
                .isEqualTo(FetchFailure.CONNECTION_ERROR);
        WM.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }

    @Test
    void aServerThatIsDownIsAConnectionError() {
        var fetcher = fetcher();
        var results = fetcher.fetch("http://localhost:1/fhir", "t", "p1", EnumSet.of(PrefetchKey.CONDITIONS));
        assertThat(results.get(PrefetchKey.CONDITIONS).failure()).isEqualTo(FetchFailure.CONNECTION_ERROR);
    }

    @Test
    void answersThatAreNotTheExpectedFhirAreRefused() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir("{\"resourceType\": \"Bundle\", ")));
        WM.stubFor(
                get(urlPathEqualTo("/fhir/Observation"))
                        .willReturn(
                                fhir(
                                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\"}]}")));
        WM.stubFor(get(urlPathEqualTo("/fhir/Procedure"))
                .willReturn(fhir("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
        WM.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(fhir(EMPTY_BUNDLE)));
        var results = fetch(
                fetcher(),
                "t",
                PrefetchKey.CONDITIONS,
                PrefetchKey.OBSERVATIONS,
                PrefetchKey.PROCEDURES,
                PrefetchKey.PATIENT);
        assertThat(results.get(PrefetchKey.CONDITIONS).failure()).isEqualTo(FetchFailure.NOT_FHIR);
        assertThat(results.get(PrefetchKey.OBSERVATIONS).failure()).isEqualTo(FetchFailure.WRONG_RESOURCE_TYPE);
        assertThat(results.get(PrefetchKey.PROCEDURES).failure()).isEqualTo(FetchFailure.WRONG_RESOURCE_TYPE);
        assertThat(results.get(PrefetchKey.PATIENT).failure()).isEqualTo(FetchFailure.WRONG_RESOURCE_TYPE);
    }

    @Test
    void theAccessTokenIsForwardedAndTheQueryIsEncoded() {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY_BUNDLE)));
        fetch(fetcher(), "secret-token", PrefetchKey.OBSERVATIONS);
        WM.verify(getRequestedFor(urlPathEqualTo("/fhir/Observation"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withQueryParam("patient", equalTo("p1"))
                .withQueryParam(
                        "code",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("http://loinc.org|16112-5")));
    }

    @Test
    void aServerOffTheAllowListIsNeverCalled() {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY_BUNDLE)));
        var results = fetch(fetcher(Duration.ofSeconds(2), 5, List.of("http://127.0.0.10")), "t");
        assertThat(results.values()).allSatisfy(r -> assertThat(r.failure()).isEqualTo(FetchFailure.NOT_ALLOWED));
        WM.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aCacheHitMakesNoSecondCallAndAnotherTokenMisses() {
        WM.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(fhir(bundleOf("Condition", "c1"))));
        FhirFetcher fetcher = fetcher();
        fetch(fetcher, "token-a", PrefetchKey.CONDITIONS);
        assertThat(fetch(fetcher, "token-a", PrefetchKey.CONDITIONS)
                        .get(PrefetchKey.CONDITIONS)
                        .resources())
                .hasSize(1);
        WM.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
        fetch(fetcher, "token-b", PrefetchKey.CONDITIONS);
        WM.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
        assertThat(cache.asMap().keySet()).noneMatch(k -> k.contains("token-a") || k.contains("token-b"));
    }

    @Test
    void fetchLatencyIsMeasuredPerKeyAndOutcome() {
        WM.stubFor(get(anyUrl()).willReturn(fhir(EMPTY_BUNDLE)));
        fetch(fetcher(), "t", PrefetchKey.CONDITIONS);
        assertThat(meters.get("ombc.fhir.fetch")
                        .tag("key", "conditions")
                        .tag("outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
