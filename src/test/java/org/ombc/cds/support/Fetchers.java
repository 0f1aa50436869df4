package org.ombc.cds.support;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.ombc.cds.chart.fetch.AllowedServers;
import org.ombc.cds.chart.fetch.FhirFetcher;
import org.ombc.cds.chart.fetch.PrefetchTemplates;

/** A FHIR fetcher with an empty allow list: for tests and benchmarks whose prefetch is complete. */
public final class Fetchers {

    private Fetchers() {}

    public static FhirFetcher offline() {
        return new FhirFetcher(
                Vignettes.FHIR,
                HttpClient.newHttpClient(),
                Executors.newSingleThreadExecutor(),
                new AllowedServers(List.of()),
                new PrefetchTemplates(Vignettes.TERMINOLOGY),
                Duration.ofSeconds(1),
                1,
                1 << 20,
                Caffeine.newBuilder().build(),
                new SimpleMeterRegistry());
    }
}
