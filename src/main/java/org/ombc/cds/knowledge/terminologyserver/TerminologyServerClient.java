package org.ombc.cds.knowledge.terminologyserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.jspecify.annotations.Nullable;

/**
 * Asks one question of the terminology server with HAPI's generic client, blocking up to the socket timeout.
 * No redirect is followed (the URL is the operator's, not the request's), no capability statement is fetched, and
 * an answer that is not a readable {@code Parameters} with the expected output fails the question.
 */
final class TerminologyServerClient implements AutoCloseable {

    /** A {@code $subsumes} or {@code $validate-code} answer is a few hundred bytes; this leaves room for messages. */
    static final long MAX_RESPONSE_BYTES = 64 * 1024;

    private final IGenericClient client;
    private final CloseableHttpClient http;
    private final MeterRegistry meters;

    private TerminologyServerClient(IGenericClient client, CloseableHttpClient http, MeterRegistry meters) {
        this.client = client;
        this.http = http;
        this.meters = meters;
    }

    /**
     * @param timeout     connect and read timeout of one request: a thread is never held much longer
     * @param connections requests at once
     */
    static TerminologyServerClient connect(String baseUrl, Duration timeout, int connections, MeterRegistry meters) {
        int millis = (int) Math.max(1, timeout.toMillis());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(5, TimeUnit.MINUTES);
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections);
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(millis)
                        .setSocketTimeout(millis)
                        .setConnectionRequestTimeout(millis)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .addInterceptorLast(new LimitedResponses(MAX_RESPONSE_BYTES))
                .build();
        // A context of its own: the client factory's settings are per context, and the shared one serves parsing.
        FhirContext fhir = FhirContext.forR4();
        IRestfulClientFactory factory = fhir.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setHttpClient(http);
        // Builds the parser's model of Parameters now, at start, rather than inside the first chart's deadline.
        fhir.newJsonParser().parseResource(Parameters.class, "{\"resourceType\":\"Parameters\"}");
        return new TerminologyServerClient(fhir.newRestfulGenericClient(baseUrl), http, meters);
    }

    /** @throws RuntimeException when the server fails, times out or answers something unreadable */
    boolean isMember(Question question) {
        String operation = question.root() != null ? "subsumes" : "validate-code";
        Timer.Sample sample = Timer.start(meters);
        try {
            return question.root() != null ? subsumes(question.root(), question.code()) : validates(question);
        } finally {
            sample.stop(meters.timer("ombc.terminology.requests", "operation", operation));
        }
    }

    /** {@code subsumes} or {@code equivalent}: the code is the root or one of its descendants. */
    private boolean subsumes(String root, String code) {
        Parameters answer = client.operation()
                .onType(CodeSystem.class)
                .named("$subsumes")
                .withParameter(Parameters.class, "system", new UriType(ConceptFamilies.SNOMED))
                .andParameter("codeA", new CodeType(root))
                .andParameter("codeB", new CodeType(code))
                .useHttpGet()
                .execute();
        if (!(output(answer, "outcome") instanceof CodeType outcome) || !outcome.hasValue()) {
            throw new UnreadableAnswerException("$subsumes");
        }
        return switch (outcome.getValue()) {
            case "subsumes", "equivalent" -> true;
            case "subsumed-by", "not-subsumed" -> false;
            default -> throw new UnreadableAnswerException("$subsumes");
        };
    }

    private boolean validates(Question question) {
        Parameters answer = client.operation()
                .onType(ValueSet.class)
                .named("$validate-code")
                .withParameter(Parameters.class, "url", new UriType(question.valueSetUrl()))
                .andParameter("system", new UriType(question.system()))
                .andParameter("code", new CodeType(question.code()))
                .useHttpGet()
                .execute();
        if (!(output(answer, "result") instanceof BooleanType result) || !result.hasValue()) {
            throw new UnreadableAnswerException("$validate-code");
        }
        return result.booleanValue();
    }

    private static @Nullable Type output(Parameters answer, String name) {
        for (Parameters.ParametersParameterComponent parameter : answer.getParameter()) {
            if (name.equals(parameter.getName())) {
                return parameter.getValue();
            }
        }
        return null;
    }

    /** A Parameters answer without the output the operation defines. */
    static final class UnreadableAnswerException extends IllegalStateException {
        UnreadableAnswerException(String operation) {
            super(operation + " answer without its output");
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
