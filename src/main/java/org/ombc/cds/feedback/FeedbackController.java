package org.ombc.cds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.audit.AdminAccess;
import org.ombc.cds.audit.AuditProperties;
import org.ombc.cds.audit.DatabaseHookCallRecorder;
import org.ombc.cds.audit.FeedbackItem;
import org.ombc.cds.audit.FeedbackStore;
import org.ombc.cds.audit.IssuedCardIndex;
import org.ombc.cds.audit.StorageUnavailableException;
import org.ombc.cds.protocol.services.CdsServiceRegistry;
import org.ombc.cds.security.CdsJwtVerifier;
import org.ombc.cds.web.ApiProblem;
import org.ombc.cds.web.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS Hooks 2.0 feedback ({@code POST /cds-services/{id}/feedback}) and the governance API that reads it back
 * ({@code GET /ombc/feedback}, {@code GET /ombc/feedback/summary}, admin token).
 */
@RestController
public class FeedbackController {

    private static final Logger log = LoggerFactory.getLogger(FeedbackController.class);

    /** How long feedback waits for the audit of the cards it is about; then 503 (see {@link #feedback}). */
    private static final Duration AUDIT_WAIT = Duration.ofSeconds(10);

    private final FeedbackStore store;
    private final DatabaseHookCallRecorder audit;
    private final FeedbackValidator validator;
    private final CdsServiceRegistry services;
    private final IssuedCardIndex cards;
    private final Clock clock;
    private final AdminAccess admin;

    public FeedbackController(
            FeedbackStore store,
            IssuedCardIndex cards,
            CdsServiceRegistry services,
            Clock clock,
            AuditProperties properties,
            DatabaseHookCallRecorder audit) {
        this.store = store;
        this.audit = audit;
        this.services = services;
        this.validator = new FeedbackValidator(cards, properties.maxFeedbackItems(), clock);
        this.cards = cards;
        this.clock = clock;
        this.admin = new AdminAccess(properties);
    }

    @PostMapping(
            path = "/cds-services/{id}/feedback",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> feedback(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal CdsJwtVerifier.Caller caller) {
        services.require(id);
        if (caller != null) {
            requireOwnCards(body, caller.iss());
        }
        FeedbackValidator.Result result = validator.validate(id, body);
        if (!result.problems().isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-feedback",
                    String.join("; ", result.problems()),
                    Map.of("problems", result.problems()));
        }
        awaitAuditOf(result.items());
        int stored = store.storeFeedback(result.items(), clock.instant());
        log.info("feedback stored: {} new of {} item(s)", stored, result.items().size());
        return Map.of("stored", stored, "duplicates", result.items().size() - stored);
    }

    /**
     * The cards this feedback is about were validated from memory; their audit rows may still be queued. Feedback is
     * made durable before its 200, so their rows are written first: a crash right after the 200 must not keep the
     * feedback and lose the card it is about. A database too far behind to write them within {@link #AUDIT_WAIT}
     * gets a 503: the client retries, nothing is stored out of order.
     */
    private void awaitAuditOf(List<FeedbackItem> items) {
        try {
            if (!audit.awaitAudited(items.stream().map(FeedbackItem::card).toList(), AUDIT_WAIT)) {
                throw new StorageUnavailableException(new java.util.concurrent.TimeoutException(
                        "the audit of the cards is " + AUDIT_WAIT.toSeconds() + " s behind"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException(e);
        }
    }

    /**
     * Feedback belongs to the caller: only the issuer a card was issued to may report its outcome (checked before
     * anything else about the items, so that another EHR learns nothing of the card).
     */
    private void requireOwnCards(JsonNode body, String iss) {
        JsonNode feedback = body == null ? null : body.get("feedback");
        if (feedback == null || !feedback.isArray()) {
            return;
        }
        for (int i = 0; i < feedback.size(); i++) {
            JsonNode card = feedback.get(i).get("card");
            if (card == null || !card.isTextual()) {
                continue;
            }
            var issued = cards.find(card.asText());
            if (issued.isPresent() && !iss.equals(issued.get().issuer())) {
                log.info("feedback refused: feedback[{}] is on a card issued to another caller", i);
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN, "forbidden", "feedback[" + i + "].card was not issued to this caller.");
            }
        }
    }

    @GetMapping(path = "/ombc/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            HttpServletRequest request) {
        requireAdmin(authorization, request);
        Instant start = instant(from, Instant.EPOCH, "from");
        Instant end = instant(to, clock.instant().plusSeconds(1), "to");
        return Map.of("feedback", store.feedback(start, end));
    }

    @GetMapping(path = "/ombc/feedback/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> summary(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            HttpServletRequest request) {
        requireAdmin(authorization, request);
        List<Map<String, Object>> rows = store.summary();
        return Map.of("recommendations", rows);
    }

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<Object> storageDown(StorageUnavailableException e) {
        log.warn(
                "feedback storage unavailable: {}",
                e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("Retry-After", "30");
        return ErrorBody.entity(
                HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", e.getMessage(), Map.of(), headers);
    }

    private void requireAdmin(@Nullable String authorization, HttpServletRequest request) {
        admin.require(authorization, request);
    }

    private static Instant instant(@Nullable String value, Instant fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("'" + name + "' must be an ISO 8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }
}
