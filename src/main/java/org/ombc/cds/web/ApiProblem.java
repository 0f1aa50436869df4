package org.ombc.cds.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client of any endpoint (CDS Hooks, assessment, feedback, worklist, admin) can act on, answered as the
 * one Problem Details body of {@link ErrorBody} with its status and {@code error} code. Never carries
 * patient data or secrets: messages name fields, keys and classes of failure only.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final Map<String, Object> details;

    public ApiProblem(HttpStatus status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String error, String detail, Map<String, Object> details) {
        super(detail);
        this.status = status;
        this.error = error;
        this.details = Map.copyOf(details);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", detail);
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
