package org.ombc.cds.chart.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ombc.cds.support.FhirServerStub.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.support.CardResponses;
import org.ombc.cds.support.Charts;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.Vignettes;

/**
 * Incomplete data (clinical-rules 8): a prefetch search sent in part is completed through fhirServer, or the key
 * counts as not obtained (412 {@code incomplete} for required data, a data-quality line for optional data). Part
 * of a chart is never assessed as the whole.
 */
class IncompleteDataTest {

    private static final FhirServerStub STUB = new FhirServerStub();
    private static final WireMockServer WM = STUB.server();
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
    private static final FhirFetcher FETCHER = new FhirFetcher(
            Vignettes.FHIR,
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
            EXECUTOR,
            new AllowedServers(List.of("http://localhost")),
            new PrefetchTemplates(Vignettes.TERMINOLOGY),
            Duration.ofSeconds(3),
            20,
            20L << 20,
            Caffeine.newBuilder().maximumSize(0).build(),
            new SimpleMeterRegistry());

    @BeforeAll
    static void warmUp() throws Exception {
        HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(STUB.baseUrl() + "/warm-up"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @BeforeEach
    void reset() {
        WM.resetAll();
    }

    @AfterAll
    static void stop() {
        STUB.close();
        EXECUTOR.shutdownNow();
    }

    /** Oligometastatic: three bone lesions on page 2 of the Conditions would be lost with page 1 alone. */
    private static List<Resource> chart() {
        return PatientBundle.patient("p1")
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .imaging("2022-06-01")
                .mastectomy("2018-02-01")
                .boneLesions(3, "2022-06-01")
                .resources();
    }

    /**
     * The prefetch of {@code resources} with {@code key}'s search split into pages of its size in {@code sizes}: the first
     * page is sent, the others are served by the stub under {@code /fhir/pages/{tag}/{key}/{n}}.
     */
    private static Map<String, JsonNode> paged(
            List<Resource> resources, Map<String, Integer> sizes, String tag, boolean withNext) {
        return paged(STUB, resources, sizes, tag, withNext);
    }

    static Map<String, JsonNode> paged(
            FhirServerStub stub, List<Resource> resources, Map<String, Integer> sizes, String tag, boolean withNext) {
        Map<String, JsonNode> prefetch = Charts.prefetch(resources);
        Map<String, List<Resource>> results = Charts.searchResults(resources);
        sizes.forEach((key, size) -> {
            List<Resource> all = results.get(key);
            List<Bundle> pages = new ArrayList<>();
            for (int from = 0; from < Math.max(1, all.size()); from += size) {
                pages.add(Charts.searchset(all.subList(from, Math.min(all.size(), from + size)), all.size()));
            }
            for (int n = 0; n < pages.size(); n++) {
                if (n + 1 < pages.size() && withNext) {
                    pages.get(n)
                            .addLink()
                            .setRelation(Bundle.LINK_NEXT)
                            .setUrl(stub.baseUrl() + "/pages/" + tag + "/" + key + "/" + (n + 1));
                }
                if (n > 0) {
                    stub.server()
                            .stubFor(get(urlPathEqualTo("/fhir/pages/" + tag + "/" + key + "/" + n))
                                    .willReturn(fhir(Vignettes.FHIR.encode(pages.get(n)))));
                }
            }
            prefetch.put(key, Charts.node(Vignettes.FHIR.encode(pages.get(0))));
        });
        return prefetch;
    }

    static JsonNode cards(Charts.Hook hook) {
        return CardResponses.withoutUuids(Charts.JSON.valueToTree(hook.cards()));
    }

    @Test
    void aFirstPageWithANextLinkIsCompletedThroughFhirServer() {
        Charts.Hook whole = Charts.hook(FETCHER, "p1", Charts.prefetch(chart()), null);
        Charts.Hook paged =
                Charts.hook(FETCHER, "p1", paged(chart(), Map.of("conditions", 2), "t", true), STUB.baseUrl());
        assertThat(whole.assessment().lesionCount()).isEqualTo(3);
        assertThat(cards(paged)).isEqualTo(cards(whole));
        assertThat(paged.data().problems()).isEmpty();
        WM.verify(getRequestedFor(urlPathEqualTo("/fhir/pages/t/conditions/1")));
    }

    @Test
    void aRequiredKeySentInPartWithoutFhirServerIs412Incomplete() {
        assertThatThrownBy(() -> Charts.hook(FETCHER, "p1", paged(chart(), Map.of("conditions", 2), "t", true), null))
                .isInstanceOfSatisfying(DataUnavailableException.class, e -> assertThat(e.reasons())
                        .containsExactly(Map.entry("conditions", "incomplete")));
    }

    /** Issue #27: the fix is the allow-list, so the answer says not-allowed, not incomplete. */
    @Test
    void aRequiredKeySentInPartWithAFhirServerOffTheAllowListIs412NotAllowed() {
        assertThatThrownBy(() -> Charts.hook(
                        FETCHER, "p1", paged(chart(), Map.of("conditions", 2), "t", true), "http://127.0.0.10:9/fhir"))
                .isInstanceOfSatisfying(DataUnavailableException.class, e -> {
                    assertThat(e.reasons()).containsExactly(Map.entry("conditions", "not-allowed"));
                    assertThat(e.getMessage()).contains("fhirServer is not allowed", "ombc.fhir.allowed-servers");
                });
        WM.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void anOptionalKeySentInPartIsLeftOutAndNamedOnTheDataQualityCard() {
        List<Resource> resources = new ArrayList<>(chart());
        resources.addAll(PatientBundle.patient("p1")
                .mastectomy("2018-03-01")
                .mastectomy("2018-04-01")
                .resources()
                .subList(1, 3));
        Charts.Hook hook = Charts.hook(FETCHER, "p1", paged(resources, Map.of("procedures", 1), "t", true), null);
        assertThat(hook.data().problems())
                .containsExactly("procedures was sent only in part and the rest could not "
                        + "be read (no-fhir-server): assessed without it.");
        assertThat(hook.data().resources()).noneMatch(r -> r.fhirType().equals("Procedure"));
        assertThat(hook.cards()).hasSize(2);
        assertThat(hook.cards().get(1).detail()).contains("procedures was sent only in part");
    }

    @Test
    void aTotalLargerThanTheEntriesWithoutANextLinkIsReadAgainFromTheServer() {
        STUB.servePrefetch("p1", toJson(Charts.prefetch(chart())));
        Charts.Hook whole = Charts.hook(FETCHER, "p1", Charts.prefetch(chart()), null);
        Charts.Hook paged =
                Charts.hook(FETCHER, "p1", paged(chart(), Map.of("conditions", 2), "t", false), STUB.baseUrl());
        assertThat(cards(paged)).isEqualTo(cards(whole));
        WM.verify(getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }

    @Test
    void aNextLinkOffTheFhirServerIsNotFollowed() {
        Map<String, JsonNode> prefetch = paged(chart(), Map.of("conditions", 2), "t", true);
        String page1 = prefetch.get("conditions").toString().replace(STUB.baseUrl(), "http://localhost:1/fhir");
        prefetch.put("conditions", Charts.node(page1));
        assertThatThrownBy(() -> Charts.hook(FETCHER, "p1", prefetch, STUB.baseUrl()))
                .isInstanceOfSatisfying(DataUnavailableException.class, e -> assertThat(e.reasons())
                        .containsEntry("conditions", "incomplete"));
        String traversal =
                prefetch.get("conditions").toString().replace("http://localhost:1/fhir", STUB.baseUrl() + "/..");
        prefetch.put("conditions", Charts.node(traversal));
        assertThatThrownBy(() -> Charts.hook(FETCHER, "p1", prefetch, STUB.baseUrl()))
                .isInstanceOf(DataUnavailableException.class);
        WM.verify(0, getRequestedFor(anyUrl()));
    }

    private static JsonNode toJson(Map<String, JsonNode> prefetch) {
        return Charts.JSON.valueToTree(prefetch);
    }
}
