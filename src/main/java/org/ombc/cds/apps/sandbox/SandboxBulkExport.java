package org.ombc.cds.apps.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR Bulk Data export (v2, "Asynchronous Request Pattern") over the sandbox patients, so that the worklist's
 * whole flow runs on one machine: {@code GET /fhir/$export} (or {@code /fhir/Patient/$export}) with
 * {@code Prefer: respond-async} answers 202 and a status URL; that URL answers 202 with {@code Retry-After} for
 * the first {@link #PENDING_POLLS} polls, as a real server does while it works, then 200 with the manifest; each
 * file of the manifest is NDJSON of one resource type. No access token is required (sandbox).
 */
final class SandboxBulkExport {

    static final String KICK_OFF = "/$export";
    static final String PATIENT_KICK_OFF = "/Patient/$export";
    static final String STATUS = "/$export-poll-status";
    static final String FILES = "/$export-file/";
    /** Polls answered "in progress" before the manifest: a client must honour Retry-After at least once. */
    static final int PENDING_POLLS = 1;

    private static final int MAX_JOBS = 20;
    private static final Pattern FILE = Pattern.compile("/\\$export-file/([0-9a-f-]{36})/([A-Za-z]+)\\.ndjson");
    static final List<String> TYPES = List.of(
            "Patient",
            "Condition",
            "Observation",
            "MedicationRequest",
            "MedicationStatement",
            "Procedure",
            "DiagnosticReport");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;
    private final SandboxStore store;
    /** Jobs by id, oldest dropped first; the value is how many polls are still answered "in progress". */
    private final Map<String, Integer> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_JOBS;
        }
    };

    SandboxBulkExport(FhirContext fhir, SandboxStore store) {
        this.fhir = fhir;
        this.store = store;
    }

    static boolean handles(String pathInfo) {
        return pathInfo != null
                && (pathInfo.equals(KICK_OFF)
                        || pathInfo.equals(PATIENT_KICK_OFF)
                        || pathInfo.equals(STATUS)
                        || pathInfo.startsWith(FILES));
    }

    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            outcome(response, 405, "Bulk Data export is read with GET here.");
            return;
        }
        String path = request.getPathInfo();
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.length() - path.length());
        if (path.equals(KICK_OFF) || path.equals(PATIENT_KICK_OFF)) {
            kickOff(request, response, base);
        } else if (path.equals(STATUS)) {
            status(
                    request.getParameter("_jobId"),
                    response,
                    base,
                    request.getRequestURL() + "?" + request.getQueryString());
        } else {
            file(path, response);
        }
    }

    private void kickOff(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            outcome(response, 400, "Bulk Data kick-off needs the header 'Prefer: respond-async'.");
            return;
        }
        String id = UUID.randomUUID().toString();
        synchronized (jobs) {
            jobs.put(id, PENDING_POLLS);
        }
        response.setStatus(202);
        response.setHeader("Content-Location", base + STATUS + "?_jobId=" + id);
    }

    private void status(String id, HttpServletResponse response, String base, String request) throws IOException {
        Integer pending;
        synchronized (jobs) {
            pending = id == null ? null : jobs.get(id);
            if (pending != null && pending > 0) {
                jobs.put(id, pending - 1);
            }
        }
        if (pending == null) {
            outcome(response, 404, "No such export job.");
        } else if (pending > 0) {
            response.setStatus(202);
            response.setHeader("Retry-After", "1");
            response.setHeader("X-Progress", "in progress");
        } else {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("transactionTime", Instant.now().toString());
            manifest.put("request", request);
            manifest.put("requiresAccessToken", false);
            ArrayNode output = manifest.putArray("output");
            for (String type : TYPES) {
                output.addObject().put("type", type).put("url", base + FILES + id + "/" + type + ".ndjson");
            }
            manifest.putArray("error");
            response.setStatus(200);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getWriter(), manifest);
        }
    }

    private void file(String path, HttpServletResponse response) throws IOException {
        Matcher m = FILE.matcher(path);
        boolean known;
        synchronized (jobs) {
            known = m.matches() && jobs.containsKey(m.group(1));
        }
        if (!known || !TYPES.contains(m.group(2))) {
            outcome(response, 404, "No such export file.");
            return;
        }
        response.setStatus(200);
        response.setContentType("application/fhir+ndjson");
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getWriter();
        for (Resource r : ofType(m.group(2))) {
            out.write(fhir.newJsonParser().encodeResourceToString(r));
            out.write('\n');
        }
    }

    private List<Resource> ofType(String type) {
        List<Resource> out = new ArrayList<>();
        for (SandboxStore.Listing patient : store.listings()) {
            for (Resource r : store.patientResources(patient.id())) {
                if (r.fhirType().equals(type)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private void outcome(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        byte[] body = ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":"
                        + "\"processing\",\"diagnostics\":" + JSON.writeValueAsString(text) + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(body);
    }
}
