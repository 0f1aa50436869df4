package org.ombc.cds.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;

/** A WireMock FHIR server on a free loopback port that answers our prefetch queries for one patient. */
public final class FhirServerStub implements AutoCloseable {

    public static final Map<String, String> SEARCH_KEYS = Map.of(
            "conditions",
            "Condition",
            "observations",
            "Observation",
            "medicationRequests",
            "MedicationRequest",
            "medicationStatements",
            "MedicationStatement",
            "procedures",
            "Procedure",
            "diagnosticReports",
            "DiagnosticReport");

    private final WireMockServer server;

    public FhirServerStub() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        warmUp();
    }

    /**
     * WireMock answers its first request slowly (seconds on a busy build machine): spent here, not inside the
     * deadline of the first fallback call a test makes.
     */
    private void warmUp() {
        try {
            java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/warm-up"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port() + "/fhir";
    }

    /** Serves what {@code prefetch} holds, key by key, as the EHR's FHIR server would. */
    public FhirServerStub servePrefetch(String patientId, JsonNode prefetch) {
        server.stubFor(get(urlPathEqualTo("/fhir/Patient/" + patientId))
                .willReturn(fhir(prefetch.get("patient").toString())));
        SEARCH_KEYS.forEach((key, type) -> server.stubFor(get(urlPathEqualTo("/fhir/" + type))
                .withQueryParam("patient", equalTo(patientId))
                .willReturn(fhir(prefetch.get(key).toString()))));
        return this;
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhir(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/fhir+json")
                .withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
