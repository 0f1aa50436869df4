package org.ombc.cds.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.web.ErrorBody;
import org.ombc.cds.web.MarkdownPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The full-evidence page of an issued card ("How this was decided"), opened from the card's link in a browser that
 * carries no token: the signed URL is the capability ({@link CardLinks}). Unsigned, tampered, unknown or expired
 * (older than {@code ombc.audit.card-memory}) links are all the same 404. The page is HTML rendered from the stored
 * markdown with every HTML character escaped and unsafe URLs dropped; it has no patient name, id or birth date,
 * scripts are forbidden by its Content-Security-Policy and it sends no Referer to the sources it links.
 */
@RestController
public class CardPageController {

    private static final Logger log = LoggerFactory.getLogger(CardPageController.class);
    /** How long a page just issued waits for its audit row to be written (the writer flushes for it at once). */
    private static final Duration AUDIT_WAIT = Duration.ofSeconds(5);

    private final AuditStore store;
    private final CardLinks links;
    private final Clock clock;
    private final Duration valid;
    private final DatabaseHookCallRecorder audit;

    public CardPageController(
            AuditStore store,
            CardLinks links,
            Clock clock,
            AuditProperties properties,
            DatabaseHookCallRecorder audit) {
        this.store = store;
        this.links = links;
        this.clock = clock;
        this.valid = properties.cardMemory();
        this.audit = audit;
    }

    @GetMapping(
            path = "/ombc/cards/{uuid}",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<String> page(
            @PathVariable String uuid, @RequestParam(required = false) @Nullable String sig) {
        if (!links.verify(uuid, sig)) {
            return notFound();
        }
        Optional<CardPages.Page> page = store.cardPage(uuid);
        if (page.isEmpty() && awaitAudited(uuid)) {
            // Opened the moment the hook answered: its audit row was still queued, and is now written.
            page = store.cardPage(uuid);
        }
        if (page.isEmpty() || page.get().issuedAt().plus(valid).isBefore(clock.instant())) {
            return notFound();
        }
        String body = MarkdownPage.html(
                "ombc-cds: how this card was decided",
                page.get().fullDetail(),
                "Issued " + page.get().issuedAt() + " by ombc-cds. Decision support only: the tumour board decides. "
                        + "This link expires " + page.get().issuedAt().plus(valid) + ".");
        return ResponseEntity.ok()
                .headers(MarkdownPage::secure)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    /** Whether the card's audit row was queued here and has now been written (false: nothing to wait for). */
    private boolean awaitAudited(String uuid) {
        try {
            return audit.wasQueued(uuid) && audit.awaitAudited(List.of(uuid), AUDIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** RFC 9457, like every other error of the service. */
    private static ResponseEntity<String> notFound() {
        String body;
        try {
            body = new String(
                    ErrorBody.bytes(
                            404,
                            "not-found",
                            "No card page at this address, or its link has expired.",
                            java.util.Map.of()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .headers(MarkdownPage::secure)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<Object> storageDown(StorageUnavailableException e) {
        log.warn(
                "card page storage unavailable: {}",
                e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorBody.of(
                        503, "storage-unavailable", "The card store is unavailable; retry later.", java.util.Map.of()));
    }
}
