package org.ombc.cds.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of error answers, used by the exception handler, every filter, the security chain and Tomcat's
 * own error valve: an RFC 9457 Problem Details body ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status} and {@code detail}, plus our extension members: {@code error} (the machine-readable
 * class, unchanged for existing clients) and whatever the caller adds ({@code keys}, {@code problems},
 * {@code check}). No member ever carries request content beyond what the caller put in {@code detail}.
 */
public final class ErrorBody {

    /** RFC 9457 media type. */
    public static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** Prefix of every {@code type}: one URN per error class, listed in docs/integration.md ("Errors"). */
    public static final String TYPE_PREFIX = "urn:ombc-cds:problem:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {}

    /** The body: type, title, status, detail, error and the extension members, in that order. */
    public static Map<String, Object> of(int status, String error, @Nullable String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + error);
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", error);
        extensions.forEach((k, v) -> {
            if (!body.containsKey(k)) {
                body.put(k, v);
            }
        });
        return body;
    }

    /** For Spring MVC handlers. */
    public static ResponseEntity<Object> entity(HttpStatus status, String error, @Nullable String detail) {
        return entity(status, error, detail, Map.of(), new HttpHeaders());
    }

    public static ResponseEntity<Object> entity(
            HttpStatus status, String error, @Nullable String detail, Map<String, ?> extensions, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(of(status.value(), error, detail, extensions), out, status);
    }

    /** For filters and anything else below Spring MVC: writes and completes the response. */
    public static void write(
            HttpServletResponse response, int status, String error, @Nullable String detail, Map<String, ?> extensions)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        byte[] bytes = bytes(status, error, detail, extensions);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The serialised body, for writers that are not servlet responses (Tomcat's error valve). */
    public static byte[] bytes(int status, String error, @Nullable String detail, Map<String, ?> extensions)
            throws IOException {
        return JSON.writeValueAsBytes(of(status, error, detail, extensions));
    }
}
