package org.ombc.cds.chart.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.apps.sandbox.SyntheticPatients;
import org.ombc.cds.support.Charts;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.Vignettes;

/** Incomplete data (clinical-rules 8) over random charts split into random pages. */
class PagedPrefetchPropertiesTest {

    private static final FhirServerStub STUB = new FhirServerStub();
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

    @BeforeTry
    void reset() {
        STUB.server().resetAll();
    }

    @AfterContainer
    static void stop() {
        STUB.close();
        EXECUTOR.shutdownNow();
    }

    /**
     * Splitting any prefetch search into pages never changes the cards when fhirServer can give the rest, and
     * never gives "no card" silently when it cannot (issue 12).
     */
    @Property(tries = 40)
    void pagingNeverChangesTheCardsAndNeverSilencesThem(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int size, @ForAll boolean serverCanGiveTheRest) {
        Random random = new Random(seed);
        PatientBundle chart = SyntheticPatients.randomChart(random, random.nextInt(9));
        chart.mastectomy("2019-01-01");
        List<Resource> resources = chart.resources();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String key : Charts.searchResults(resources).keySet()) {
            if (random.nextBoolean()) {
                sizes.put(key, size);
            }
        }
        Charts.Hook whole = Charts.hook(FETCHER, chart.patientId(), Charts.prefetch(resources), null);
        Map<String, JsonNode> prefetch = IncompleteDataTest.paged(STUB, resources, sizes, Long.toHexString(seed), true);
        if (serverCanGiveTheRest) {
            Charts.Hook paged = Charts.hook(FETCHER, chart.patientId(), prefetch, STUB.baseUrl());
            assertThat(IncompleteDataTest.cards(paged)).isEqualTo(IncompleteDataTest.cards(whole));
            return;
        }
        List<String> split = sizes.entrySet().stream()
                .filter(e -> Charts.searchResults(resources).get(e.getKey()).size() > e.getValue())
                .map(Map.Entry::getKey)
                .toList();
        Charts.Hook paged;
        try {
            paged = Charts.hook(FETCHER, chart.patientId(), prefetch, null);
        } catch (DataUnavailableException e) {
            assertThat(e.reasons()).isNotEmpty().allSatisfy((key, reason) -> {
                assertThat(reason).isEqualTo("incomplete");
                assertThat(split).contains(key);
            });
            return;
        }
        assertThat(split).noneMatch(k -> k.equals("conditions") || k.equals("observations"));
        for (String key : split) {
            assertThat(paged.data().problems()).anyMatch(p -> p.startsWith(key + " was sent only in part"));
        }
        if (!whole.cards().isEmpty()) {
            assertThat(paged.cards()).as("never no card silently").isNotEmpty();
        }
        if (split.isEmpty()) {
            assertThat(IncompleteDataTest.cards(paged)).isEqualTo(IncompleteDataTest.cards(whole));
        }
    }
}
