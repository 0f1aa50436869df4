package org.ombc.cds.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.chart.fetch.DataUnavailableException;
import org.ombc.cds.chart.fetch.InvalidPrefetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into a Problem Details body ({@link ErrorBody}) with the right status: 400 for what the client sent wrong, 404/405/415 from
 * Spring MVC, 413 for oversized bodies, and 500 only for our own bugs, without a stack trace or request content.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        log.info("answered {} {}: {}", e.status().value(), e.error(), LogSafe.of(e.getMessage()));
        return ErrorBody.entity(e.status(), e.error(), e.getMessage(), e.details(), new HttpHeaders());
    }

    @ExceptionHandler(InvalidPrefetchException.class)
    ResponseEntity<Object> invalidPrefetch(InvalidPrefetchException e) {
        log.info("answered 400 invalid-prefetch: {}", LogSafe.of(e.getMessage()));
        return ErrorBody.entity(HttpStatus.BAD_REQUEST, "invalid-prefetch", e.getMessage());
    }

    @ExceptionHandler(DataUnavailableException.class)
    ResponseEntity<Object> unavailable(DataUnavailableException e) {
        log.info("answered 412 data-unavailable: {}", LogSafe.of(e.reasons()));
        return ErrorBody.entity(
                HttpStatus.PRECONDITION_FAILED,
                "data-unavailable",
                e.getMessage(),
                Map.of("keys", e.reasons()),
                new HttpHeaders());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return ErrorBody.entity(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", e.getMessage());
    }

    @ExceptionHandler(BodyReadTimeoutException.class)
    ResponseEntity<Object> tooSlow(BodyReadTimeoutException e) {
        return ErrorBody.entity(
                HttpStatus.REQUEST_TIMEOUT, "request-timeout", e.getMessage(), Map.of(), connectionClose());
    }

    private static HttpHeaders connectionClose() {
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return headers;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        BodyReadTimeoutException tooSlow = causeOf(e, BodyReadTimeoutException.class);
        if (tooSlow != null) {
            return tooSlow(tooSlow);
        }
        log.error("unexpected failure ({})", e.getClass().getName(), LogSafe.throwable(e));
        return ErrorBody.entity(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "The service failed unexpectedly; the failure is logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        BodyReadTimeoutException tooSlow = causeOf(ex, BodyReadTimeoutException.class);
        if (tooSlow != null) {
            return tooSlow(tooSlow);
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "The request body is missing."
                : "The request body is not valid JSON of the expected shape.";
        return ErrorBody.entity(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String error = status == null
                ? "error"
                : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String detail =
                switch (statusCode.value()) {
                    case 404 -> "No such resource.";
                    case 405 -> "Method not allowed here.";
                    case 406 -> "This service answers application/json.";
                    case 415 -> "Send the body as application/json.";
                    default -> status == null ? "Request failed." : status.getReasonPhrase() + ".";
                };
        HttpHeaders out = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            out.setAllow(headers.getAllow());
        }
        return new ResponseEntity<>(
                ErrorBody.of(statusCode.value(), error, detail, Map.of()), withProblemType(out), statusCode);
    }

    private static HttpHeaders withProblemType(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
