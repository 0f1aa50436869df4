package org.ombc.cds.apps.sandbox;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.fhir.ResourceIds;
import org.ombc.cds.web.ErrorBody;

/**
 * {@code POST /fhir/_services/smart/Launch}: the launch registration the public CDS Hooks sandbox makes for each
 * SMART link of a card before it enables the link (HSPC sandbox convention, not a FHIR or SMART standard). It sends
 * {@code {"launchUrl": ..., "parameters": {"patient": ..., "appContext"?: ...}}} and opens
 * {@code launchUrl?launch=<launch_id>&iss=<fhir base>} only if the answer has a {@code launch_id}. The answer is
 * {@code {"launch_id": ...}} for a sandbox patient, 400 otherwise.
 */
@Interceptor
final class LaunchRegistration {

    static final String PATH = "/_services/smart/Launch";
    private static final int MAX_BODY = 64 * 1024;

    private final SandboxStore store;
    private final SandboxLaunches launches;
    private final ObjectMapper json = new ObjectMapper();

    LaunchRegistration(SandboxStore store, SandboxLaunches launches) {
        this.store = store;
        this.launches = launches;
    }

    /** Answers the registration itself; every other request goes on to HAPI. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!PATH.equalsIgnoreCase(request.getPathInfo())) {
            return true;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            ErrorBody.write(
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "method-not-allowed",
                    "The launch registration takes POST.",
                    Map.of());
            return false;
        }
        String patient = patientOf(request);
        if (patient == null
                || !ResourceIds.isFhirId(patient)
                || store.read("Patient", patient).isEmpty()) {
            ErrorBody.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "bad-request",
                    "The launch registration needs parameters.patient, the id of a sandbox patient.",
                    Map.of());
            return false;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), Map.of("launch_id", launches.register(patient)));
        return false;
    }

    private @Nullable String patientOf(HttpServletRequest request) {
        try {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                return null;
            }
            JsonNode patient = json.readTree(body).path("parameters").path("patient");
            return patient.isTextual() ? patient.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
