package org.ombc.cds.protocol;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ombc.cds.chart.fetch.PrefetchKey;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.protocol.json.CdsHooksModel.Request;
import org.ombc.cds.protocol.services.CdsService;
import org.ombc.cds.protocol.services.HookRequest;
import org.ombc.cds.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The one check of a CDS Hooks 2.0 request, for every service: the body's JSON shape, hook, hookInstance,
 * context (patientId as a FHIR id, userId, the service's own fields), the prefetch shape and
 * fhirServer/fhirAuthorization. Every problem is named in one 400 answer, none is fixed silently; what passes is a
 * {@link HookRequest}, the only form the services see.
 */
final class HookRequestCheck {

    /** The error code of a request that does not pass (docs/integration.md, Errors). */
    static final String INVALID_REQUEST = "invalid-request";

    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** CDS Hooks 2.0: "hookInstance: A universally unique identifier (UUID) for this particular hook call". */
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectReader requestReader;

    HookRequestCheck(ObjectMapper json) {
        // Bound straight from the bytes: the prefetch values become Jackson trees that HAPI walks as they are
        // (FhirJson.parse(JsonNode)), with FHIR decimals kept exact as HAPI's own reader keeps them.
        // A number or boolean where the specification has a string (hookInstance, fhirAuthorization.access_token)
        // is the client's mistake: named as a wrong type, not silently turned into text.
        ObjectMapper strict = json.copy();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        this.requestReader = strict.readerFor(Request.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The request for {@code service}, checked; anything wrong is an {@link ApiProblem} (400). */
    HookRequest check(byte[] body, CdsService service) {
        Request request = parse(body);
        List<String> problems = problems(request, service.hook());
        if (request.context() != null && request.context().isObject()) {
            problems.addAll(service.contextProblems(request.context()));
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems), problems);
        }
        // problems() above refuses a request without hook, hookInstance or an object context.
        String hook = Objects.requireNonNull(request.hook(), "hook checked");
        String hookInstance = Objects.requireNonNull(request.hookInstance(), "hookInstance checked");
        JsonNode context = Objects.requireNonNull(request.context(), "context checked");
        return new HookRequest(
                hook,
                hookInstance,
                context.get("patientId").asText(),
                context,
                request.prefetch(),
                request.fhirServer(),
                request.fhirAuthorization() == null
                        ? null
                        : request.fhirAuthorization().access_token());
    }

    private static ApiProblem invalid(String detail, List<String> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail, Map.of("problems", problems));
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
                    ? m.getPath().get(0).getFieldName()
                    : null;
            if (field == null) {
                throw ApiProblem.badRequest("The request does not have the CDS Hooks 2.0 shape.");
            }
            // Named in problems too, as every other invalid member is (docs/integration.md, Errors).
            throw invalid(
                    "The request member '" + field + "' has the wrong type.",
                    List.of(field + " has the wrong JSON type"));
        }
    }

    private static boolean startsAnObject(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' '
                    && b != '\t'
                    && b != '\n'
                    && b != '\r'
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    static List<String> problems(Request request, String expectedHook) {
        List<String> problems = new ArrayList<>();
        if (request.hook() == null || request.hook().isBlank()) {
            problems.add("hook is required");
        } else if (!expectedHook.equals(request.hook())) {
            problems.add("hook must be '" + expectedHook + "' for this service");
        }
        if (request.hookInstance() == null || request.hookInstance().isBlank()) {
            problems.add("hookInstance is required");
        } else if (!UUID.matcher(request.hookInstance()).matches()) {
            problems.add("hookInstance must be a UUID");
        }
        JsonNode context = request.context();
        if (context == null || !context.isObject()) {
            problems.add("context is required and must be an object");
        } else {
            if (requireText(context, "patientId", problems)
                    && !ResourceIds.isFhirId(context.get("patientId").asText())) {
                // It is put into the FHIR queries of the fallback ({{context.patientId}}) and compared with the
                // ids of the prefetch resources: only a FHIR R4 id can be either.
                problems.add("context.patientId must be a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-', '.')");
            }
            requireText(context, "userId", problems);
        }
        if (request.prefetch() != null) {
            for (PrefetchKey key : PrefetchKey.values()) {
                JsonNode value = request.prefetch().get(key.key());
                if (value != null && !value.isNull() && !value.isObject()) {
                    problems.add("prefetch." + key.key() + " must be a FHIR resource, a Bundle or null");
                }
            }
        }
        if (request.fhirServer() != null && !isAbsoluteHttpUrl(request.fhirServer())) {
            problems.add("fhirServer must be an absolute http(s) base URL without query, fragment or user info");
        }
        if (request.fhirAuthorization() != null) {
            if (request.fhirServer() == null) {
                problems.add("fhirAuthorization is only allowed with fhirServer");
            }
            if (request.fhirAuthorization().access_token() == null
                    || request.fhirAuthorization().access_token().isBlank()) {
                problems.add("fhirAuthorization.access_token is required");
            } else if (!BEARER_TOKEN
                    .matcher(request.fhirAuthorization().access_token())
                    .matches()) {
                // RFC 6750 b64token: anything else cannot travel in an Authorization header to the FHIR server.
                problems.add("fhirAuthorization.access_token must be an RFC 6750 bearer token (letters, digits, "
                        + "'-._~+/', trailing '=')");
            }
            if (request.fhirAuthorization().token_type() != null
                    && !"Bearer".equalsIgnoreCase(request.fhirAuthorization().token_type())) {
                problems.add("fhirAuthorization.token_type must be 'Bearer'");
            }
        }
        return problems;
    }

    /** Adds a problem unless {@code context.field} is a non-blank string; says whether it is. */
    private static boolean requireText(JsonNode context, String field, List<String> problems) {
        JsonNode value = context.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add("context." + field + " is required and must be a string");
            return false;
        }
        return true;
    }

    private static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            // A base URL: the service appends /Patient/{id} to it, so a query, fragment or user info would make
            // another request than the client meant (or hide the host it names).
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
