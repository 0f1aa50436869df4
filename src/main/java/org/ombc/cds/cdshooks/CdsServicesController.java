package org.ombc.cds.cdshooks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ombc.cds.hookjson.CdsHooksModel.Discovery;
import org.ombc.cds.hookjson.CdsHooksModel.Request;
import org.ombc.cds.hookjson.CdsHooksModel.Response;
import org.ombc.cds.fhir.Hashes;
import org.ombc.cds.security.CdsJwtVerifier;
import org.ombc.cds.services.CdsService;
import org.ombc.cds.services.CdsServiceRegistry;
import org.ombc.cds.services.HookOutcome;
import org.ombc.cds.web.ApiProblem;
import org.ombc.cds.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The CDS Hooks 2.0 endpoints: discovery, and every CDS service by its id ({@link CdsServiceRegistry}). */
@RestController
public class CdsServicesController {

    private static final Logger log = LoggerFactory.getLogger(CdsServicesController.class);

    private final CdsServiceRegistry services;
    private final HookCallRecorder recorder;
    private final HookResponseCache recentResponses;
    private final ObjectReader requestReader;
    private final ObjectWriter responseWriter;

    public CdsServicesController(CdsServiceRegistry services, HookCallRecorder recorder,
                                 HookResponseCache recentResponses, ObjectMapper json) {
        this.services = services;
        this.recorder = recorder;
        this.recentResponses = recentResponses;
        // Bound straight from the bytes: the prefetch values become Jackson trees that HAPI walks as they are
        // (FhirJson.parse(JsonNode)), with FHIR decimals kept exact as HAPI's own reader keeps them.
        // A number or boolean where the specification has a string (hookInstance, fhirAuthorization.access_token)
        // is the client's mistake: named as a wrong type, not silently turned into text.
        ObjectMapper strict = json.copy();
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.requestReader = strict.readerFor(Request.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
        this.responseWriter = json.writerFor(Response.class);
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    public Discovery discovery() {
        return services.discovery();
    }

    @PostMapping(path = "/cds-services/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> call(@PathVariable String id, @RequestBody byte[] body,
                         @AuthenticationPrincipal CdsJwtVerifier.Caller caller) {
        long started = System.nanoTime();
        CdsService service = services.require(id);
        Request request = parse(body);
        List<String> problems = new ArrayList<>(RequestValidator.problems(request, service.hook()));
        if (request.context() != null && request.context().isObject()) {
            problems.addAll(service.contextProblems(request.context()));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", String.join("; ", problems),
                    Map.of("problems", problems));
        }
        // Per caller: another issuer sending the same body and hookInstance gets its own answer, not this one's.
        String retryKey = id + "\n" + (caller == null ? "" : caller.iss()) + "\n" + request.hookInstance() + "\n"
                + Hashes.sha256(body);
        byte[] cached = recentResponses.getIfPresent(retryKey);
        if (cached != null) {
            log.debug("hook {} answered from the retry cache", LogSafe.of(request.hookInstance()));
            return json(cached);
        }
        HookOutcome outcome = service.evaluate(request);
        // Written once: the same bytes go to the client and to the retry cache.
        byte[] answer = write(new Response(outcome.cards(), null));
        recentResponses.put(retryKey, answer);
        recorder.record(id, request, outcome, System.nanoTime() - started, caller == null ? null : caller.iss());
        return json(answer);
    }

    private byte[] write(Response response) {
        try {
            return responseWriter.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hook answer could not be written as JSON", e);
        }
    }

    private static ResponseEntity<byte[]> json(byte[] answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    private Request parse(byte[] body) {
        if (!startsAnObject(body)) {
            throw ApiProblem.badRequest("The request body must be a JSON object.");
        }
        try {
            return requestReader.readValue(body);
        } catch (StreamReadException e) {
            throw ApiProblem.badRequest("The request body is not valid JSON of the expected shape.");
        } catch (IOException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : null;
            if (field == null) {
                throw ApiProblem.badRequest("The request does not have the CDS Hooks 2.0 shape.");
            }
            // Named in problems too, as every other invalid member is (docs/integration.md, Errors).
            String problem = field + " has the wrong JSON type";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "The request member '" + field + "' has the wrong type.", Map.of("problems", List.of(problem)));
        }
    }

    private static boolean startsAnObject(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
