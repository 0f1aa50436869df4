package org.ombc.cds.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.protocol.json.CdsHooksModel.Discovery;
import org.ombc.cds.protocol.json.CdsHooksModel.Response;
import org.ombc.cds.protocol.services.CdsService;
import org.ombc.cds.protocol.services.CdsServiceRegistry;
import org.ombc.cds.protocol.services.HookOutcome;
import org.ombc.cds.protocol.services.HookRequest;
import org.ombc.cds.security.CdsJwtVerifier;
import org.ombc.cds.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CDS Hooks 2.0 endpoints: discovery, and each call dispatched to the registered service of its id
 * ({@link CdsServiceRegistry}) once the one request check ({@link HookRequestCheck}) has passed it.
 */
@RestController
public class CdsServicesController {

    private static final Logger log = LoggerFactory.getLogger(CdsServicesController.class);

    private final CdsServiceRegistry services;
    private final HookCallRecorder recorder;
    private final HookResponseCache recentResponses;
    private final HookRequestCheck requestCheck;
    private final ObjectWriter responseWriter;

    public CdsServicesController(
            CdsServiceRegistry services,
            HookCallRecorder recorder,
            HookResponseCache recentResponses,
            ObjectMapper json) {
        this.services = services;
        this.recorder = recorder;
        this.recentResponses = recentResponses;
        this.requestCheck = new HookRequestCheck(json);
        this.responseWriter = json.writerFor(Response.class);
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    public Discovery discovery() {
        return services.discovery();
    }

    @PostMapping(
            path = "/cds-services/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> call(
            @PathVariable String id, @RequestBody byte[] body, @AuthenticationPrincipal CdsJwtVerifier.Caller caller) {
        long started = System.nanoTime();
        CdsService service = services.require(id);
        HookRequest request = requestCheck.check(body, service);
        // A client retrying a hookInstance gets the same answer (same cards, same uuids). Per caller: another
        // issuer sending the same body and hookInstance gets its own answer, not this one's.
        String retryKey = id + "\n" + (caller == null ? "" : caller.iss()) + "\n" + request.hookInstance() + "\n"
                + Hashes.sha256(body);
        byte[] cached = recentResponses.getIfPresent(retryKey);
        if (cached != null) {
            log.debug("hook {} answered from the retry cache", LogSafe.of(request.hookInstance()));
            return json(cached);
        }
        HookOutcome outcome = service.evaluate(request);
        // Written once: the same bytes go to the client and to the retry cache.
        byte[] answer = write(new Response(outcome.cards(), null));
        recentResponses.put(retryKey, answer);
        recorder.record(id, request, outcome, System.nanoTime() - started, caller == null ? null : caller.iss());
        return json(answer);
    }

    private byte[] write(Response response) {
        try {
            return responseWriter.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hook answer could not be written as JSON", e);
        }
    }

    private static ResponseEntity<byte[]> json(byte[] answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
