package org.ombc.cds.cdshooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.ombc.cds.hookjson.CdsHooksModel.Request;

import com.fasterxml.jackson.databind.JsonNode;

/** The checks common to every CDS Hooks 2.0 request of ours; every problem is named, none is fixed silently. */
final class RequestValidator {

    private static final java.util.regex.Pattern BEARER_TOKEN =
            java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    /** CDS Hooks 2.0: "hookInstance: A universally unique identifier (UUID) for this particular hook call". */
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestValidator() {
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
            requireText(context, "patientId", problems);
            requireText(context, "userId", problems);
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
            } else if (!BEARER_TOKEN.matcher(request.fhirAuthorization().access_token()).matches()) {
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

    private static void requireText(JsonNode context, String field, List<String> problems) {
        JsonNode value = context.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add("context." + field + " is required and must be a string");
        }
    }

    private static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            // A base URL: the service appends /Patient/{id} to it, so a query, fragment or user info would make
            // another request than the client meant (or hide the host it names).
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
