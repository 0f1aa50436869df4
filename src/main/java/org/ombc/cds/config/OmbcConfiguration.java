package org.ombc.cds.config;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.ombc.cds.apps.smart.SmartProperties;
import org.ombc.cds.audit.CardLinks;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.cards.OrderSignCards;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.AllowedServers;
import org.ombc.cds.chart.fetch.FhirFetcher;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.fetch.PrefetchTemplates;
import org.ombc.cds.chart.mapping.DraftOrderReader;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.fhir.FhirEntry;
import org.ombc.cds.fhir.FhirJson;
import org.ombc.cds.knowledge.FhirProfileValidator;
import org.ombc.cds.knowledge.ProfilePackage;
import org.ombc.cds.knowledge.ProfilePackageLoader;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.TerminologyExtension;
import org.ombc.cds.knowledge.ValidatorAvailability;
import org.ombc.cds.knowledge.terminologyserver.TerminologyServerExtension;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.protocol.services.CdsService;
import org.ombc.cds.protocol.services.CdsServiceRegistry;
import org.ombc.cds.protocol.services.OrderSignService;
import org.ombc.cds.protocol.services.PatientViewService;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.web.BodySizeLimitFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Wires the plain-Java capabilities (model, logic, cards, fhir) into the Spring application. */
@Configuration(proxyBeanMethods = false)
public class OmbcConfiguration {

    private final OmbcProperties properties;

    public OmbcConfiguration(OmbcProperties properties) {
        this.properties = properties;
    }

    @Bean
    FhirJson fhirJson() {
        return new FhirJson(FhirContext.forR4Cached());
    }

    @Bean
    ProfilePackage profilePackage(FhirJson fhir) {
        return ProfilePackageLoader.load(fhir);
    }

    @Bean
    Terminology terminology(ProfilePackage profiles) {
        return profiles.terminology();
    }

    @Bean
    FhirToOmbc fhirToOmbc(Terminology terminology, Clock clock) {
        return new FhirToOmbc(terminology, clock);
    }

    /**
     * Main cards link their full-evidence page, signed ({@link CardLinks}), at the URL the client called, the
     * clinical rules applied ({@code /ombc/rules}), and the tumour-board view only when an EHR can launch it: a
     * registered SMART client ({@code ombc.smart.clients}), or open servers allowed (the sandbox). Otherwise the
     * link would only lead to an error page.
     */
    @Bean
    OmbcCards ombcCards(
            FhirJson fhir, ObjectMapper json, Terminology terminology, CardLinks links, SmartProperties smart) {
        boolean launchable = !smart.clients().isEmpty() || smart.allowOpenServers();
        return new OmbcCards(
                fhir,
                json,
                terminology,
                "ombc-cds OMBC assessment",
                uuid -> links.sign(uuid)
                        .flatMap(sig -> baseUrl().map(base -> base + "/ombc/cards/" + uuid + "?sig=" + sig)),
                () -> launchable ? baseUrl().map(base -> base + "/smart/launch") : java.util.Optional.empty(),
                () -> baseUrl().map(base -> base + "/ombc/rules"));
    }

    /** {@code ombc.public-base-url}, else the base of the request being answered; empty outside a request. */
    private java.util.Optional<String> baseUrl() {
        String configured = properties.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return java.util.Optional.of(
                    configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured);
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .toUriString());
    }

    @Bean
    PrefetchTemplates prefetchTemplates(Terminology terminology) {
        return new PrefetchTemplates(terminology);
    }

    /**
     * Parses FHIR server answers ({@code ombc.fhir.fetch-threads}). No thread here ever waits on a server (the HTTP
     * exchanges are asynchronous), so a slow server cannot take them.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService fhirFetchExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.fhir().fetchThreadCount(), r -> {
            Thread t = new Thread(r, "fhir-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    HttpClient fhirHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(properties.fhir().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    Cache<String, List<FhirEntry>> fhirQueryCache(MeterRegistry meters) {
        Cache<String, List<FhirEntry>> cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.fhir().cache().ttl())
                .maximumSize(properties.fhir().cache().maxEntries())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "ombc.fhir.queries");
        return cache;
    }

    @Bean
    Cache<String, byte[]> hookResponseCache(MeterRegistry meters) {
        Cache<String, byte[]> cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.hookResponseTtl())
                .maximumWeight(properties.hookResponseMemory().toBytes())
                .<String, byte[]>weigher((key, answer) -> key.length() + answer.length)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "ombc.hook.responses");
        return cache;
    }

    /** The only FHIR servers the service calls: the CDS fallback and the tumour-board app alike. */
    @Bean
    AllowedServers allowedFhirServers() {
        return new AllowedServers(properties.fhir().allowedServers());
    }

    @Bean
    FhirFetcher fhirFetcher(
            FhirJson fhir,
            HttpClient fhirHttpClient,
            ExecutorService fhirFetchExecutor,
            PrefetchTemplates templates,
            Cache<String, List<FhirEntry>> fhirQueryCache,
            MeterRegistry meters,
            AllowedServers allowedFhirServers) {
        return new FhirFetcher(
                fhir,
                fhirHttpClient,
                fhirFetchExecutor,
                allowedFhirServers,
                templates,
                properties.fhir().timeout(),
                properties.fhir().maxPages(),
                properties.fhir().maxResponseBytes().toBytes(),
                fhirQueryCache,
                meters);
    }

    @Bean
    PatientDataService patientDataService(FhirJson fhir, FhirFetcher fetcher, ProfilePackage profiles) {
        FhirProfileValidator validator = properties.validation().enabled()
                ? ValidatorAvailability.profileValidator(fhir.context(), profiles, "ombc.validation.enabled")
                : null;
        return new PatientDataService(fhir, fetcher, validator);
    }

    /**
     * A hospital's terminology server widens the published expansions per chart when {@code
     * ombc.terminology.server-url} is set (clinical-rules 10); otherwise the expansions alone, which work offline.
     */
    @Bean
    TerminologyExtension terminologyExtension(ProfilePackage profiles, MeterRegistry meters) {
        OmbcProperties.TerminologyServer settings = properties.terminology();
        if (!settings.enabled()) {
            return TerminologyExtension.NONE;
        }
        return TerminologyServerExtension.create(settings, properties.fhir().timeout(), profiles.valueSets(), meters);
    }

    @Bean
    ChartAssessment chartAssessment(
            PatientDataService data,
            FhirToOmbc mapper,
            OmbcAssessor assessor,
            TerminologyExtension terminologyExtension) {
        return new ChartAssessment(data, mapper, assessor, terminologyExtension);
    }

    @Bean
    PatientViewService patientViewService(PrefetchTemplates templates, ChartAssessment chart, OmbcCards cards) {
        return new PatientViewService(templates, chart, cards);
    }

    @Bean
    OrderSignService orderSignService(
            PrefetchTemplates templates,
            ChartAssessment chart,
            FhirJson fhir,
            Terminology terminology,
            OmbcCards cards,
            Clock clock) {
        return new OrderSignService(
                templates,
                chart,
                fhir,
                new DraftOrderReader(terminology),
                new OrderSignCards(cards, terminology),
                clock);
    }

    /**
     * Every {@link CdsService} bean, in discovery order by each service's {@code @Order} (patient-view first, then
     * order-sign): a new hook service is a new bean, not an edit here.
     */
    @Bean
    CdsServiceRegistry cdsServiceRegistry(List<CdsService> services) {
        return new CdsServiceRegistry(services);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(org.ombc.cds.security.SecurityProperties security) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxRequestBytes().toBytes(), security.bodyReadTimeout()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Browser-based CDS clients (the public CDS Hooks sandbox is one) call discovery, the service, its feedback and,
     * in the sandbox, the FHIR endpoint; preflight requests are answered here. A filter
     * rather than MVC mappings, so that answers given before MVC (401 from the JWT check, 413) carry the headers
     * too and the browser can read them.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("WWW-Authenticate", "Retry-After"));
        cors.setMaxAge(Duration.ofHours(1));
        // Matched on the full path: for /fhir (HAPI's own servlet) Spring's URL-pattern source would see only the
        // path within that servlet and miss it. The sandbox's FHIR endpoint and demo data are included: the public
        // CDS Hooks sandbox reads /fhir from its own origin.
        List<String> prefixes = List.of("/cds-services", "/ombc/", "/fhir", "/sandbox/");
        CorsConfigurationSource source = request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return prefixes.stream().anyMatch(path::startsWith) ? cors : null;
        };
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
