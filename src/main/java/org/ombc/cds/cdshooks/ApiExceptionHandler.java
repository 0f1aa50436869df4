package org.ombc.cds.cdshooks;

import java.util.Map;

import org.ombc.cds.fhir.DataUnavailableException;
import org.ombc.cds.fhir.InvalidPrefetchException;
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
 * Turns every failure into a JSON body with the right status: 400 for what the client sent wrong, 404/405/415 from
 * Spring MVC, 413 for oversized bodies, and 500 only for our own bugs, without a stack trace or request content.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CdsHooksException.class)
    ResponseEntity<Object> cdsHooks(CdsHooksException e) {
        log.info("answered {} {}: {}", e.status().value(), e.error(), e.getMessage());
        return json(e.status(), ErrorBody.of(e.error(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(InvalidPrefetchException.class)
    ResponseEntity<Object> invalidPrefetch(InvalidPrefetchException e) {
        log.info("answered 400 invalid-prefetch: {}", e.getMessage());
        return json(HttpStatus.BAD_REQUEST, ErrorBody.of("invalid-prefetch", e.getMessage()));
    }

    @ExceptionHandler(DataUnavailableException.class)
    ResponseEntity<Object> unavailable(DataUnavailableException e) {
        log.info("answered 412 data-unavailable: {}", e.reasons());
        return json(HttpStatus.PRECONDITION_FAILED,
                ErrorBody.of("data-unavailable", e.getMessage(), Map.of("keys", e.reasons())));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return json(HttpStatus.PAYLOAD_TOO_LARGE, ErrorBody.of("payload-too-large", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        BodyTooLargeException tooLarge = causeOf(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("unexpected failure ({})", e.getClass().getName(), e);
        return json(HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorBody.of("internal-error", "The service failed unexpectedly; the failure is logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                ? "The request body is missing." : "The request body is not valid JSON of the expected shape.";
        return json(HttpStatus.BAD_REQUEST, ErrorBody.of("bad-request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String error = status == null ? "error" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String detail = switch (statusCode.value()) {
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
        out.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(ErrorBody.of(error, detail), out, statusCode);
    }

    private static ResponseEntity<Object> json(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
