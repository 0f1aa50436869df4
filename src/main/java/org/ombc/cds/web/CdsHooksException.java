package org.ombc.cds.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, answered as {@code {"error", "detail", ...}} with its status. Never carries
 * patient data or secrets: messages name fields, keys and classes of failure only.
 */
public class CdsHooksException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final Map<String, Object> details;

    public CdsHooksException(HttpStatus status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public CdsHooksException(HttpStatus status, String error, String detail, Map<String, Object> details) {
        super(detail);
        this.status = status;
        this.error = error;
        this.details = Map.copyOf(details);
    }

    public static CdsHooksException badRequest(String detail) {
        return new CdsHooksException(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }
}
