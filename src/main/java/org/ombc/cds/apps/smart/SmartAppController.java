package org.ombc.cds.apps.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.apps.smart.timeline.TimelineModel;
import org.ombc.cds.apps.smart.timeline.TimelineSvg;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.chart.fetch.AllowedServers;
import org.ombc.cds.chart.fetch.DataUnavailableException;
import org.ombc.cds.knowledge.Terminology;
import org.ombc.cds.knowledge.ValueSetId;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.privacy.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMART App Launch 2.0 endpoints of the tumour-board view. {@code /smart/launch} takes an EHR launch
 * ({@code iss} and {@code launch}) or a standalone one ({@code iss}, and {@code patient} for an open server such as
 * the sandbox's {@code /fhir}); {@code /smart/app} is the redirect URI and the page. The chart goes through the
 * same fetch, mapping and rules as the CDS card.
 */
@RestController
class SmartAppController {

    private static final Logger log = LoggerFactory.getLogger(SmartAppController.class);

    private final SmartProperties properties;
    private final SmartClientRegistrations registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final AllowedServers allowedServers;
    private final ChartAssessment pipeline;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, String> agentNames;
    private final OpenServerLaunches openLaunches;

    SmartAppController(
            SmartProperties properties,
            SmartClientRegistrations registrations,
            OAuth2AuthorizedClientRepository authorizedClients,
            AllowedServers allowedServers,
            ChartAssessment pipeline,
            HttpClient fhirHttpClient,
            ObjectMapper json,
            Clock clock,
            Terminology terminology,
            ObjectProvider<OpenServerLaunches> openLaunches) {
        this.openLaunches = openLaunches.getIfAvailable(() -> launch -> Optional.empty());
        this.properties = properties;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.allowedServers = allowedServers;
        this.pipeline = pipeline;
        this.http = fhirHttpClient;
        this.json = json;
        this.clock = clock;
        this.agentNames = terminology.concepts(ValueSetId.SYSTEMIC_THERAPY).stream()
                .filter(c -> c.display() != null)
                .collect(Collectors.toMap(Terminology.Concept::code, Terminology.Concept::display, (a, b) -> a));
    }

    @GetMapping("/smart/launch")
    ResponseEntity<String> launch(
            @RequestParam(required = false) @Nullable String iss,
            @RequestParam(required = false) @Nullable String launch,
            @RequestParam(required = false) @Nullable String patient,
            HttpServletRequest request) {
        if (iss == null || !SmartServerMetadata.isHttpUrl(iss) || !allowedServers.allows(iss)) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "This FHIR server is not one the service may read",
                    "Launch with iss set to a FHIR server listed in ombc.fhir.allowed-servers.");
        }
        if ((launch != null && launch.length() > 512)
                || (patient != null
                        && !SmartTokenResponseClient.FHIR_ID.matcher(patient).matches())) {
            return problem(HttpStatus.BAD_REQUEST, "The launch parameters are not valid", "launch or patient");
        }
        Optional<SmartServerMetadata> server;
        try {
            server = SmartServerMetadata.discover(http, json, iss, properties.discoveryTimeout());
        } catch (IOException | RuntimeException e) {
            log.info(
                    "SMART launch: smart-configuration of server {} unreadable: {}",
                    Hashes.shortHash(iss),
                    e.getClass().getSimpleName());
            return problem(
                    HttpStatus.BAD_GATEWAY,
                    "The FHIR server's SMART configuration could not be read",
                    "Try again; if it persists, the EHR's .well-known/smart-configuration is not reachable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted", "Try again.");
        }
        request.getSession().invalidate();
        HttpSession session = request.getSession(true);
        session.setAttribute(SmartSession.ISS, SmartServerMetadata.stripSlash(iss));
        if (server.isPresent()) {
            Optional<SmartProperties.Client> client = clientFor(iss);
            if (client.isEmpty()) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "This EHR has not registered the app",
                        "Add the EHR's iss and the client id it issued to ombc.smart.clients.");
            }
            if (launch != null) {
                session.setAttribute(SmartSession.LAUNCH, launch);
            }
            String id = registrations.register(
                    SmartServerMetadata.stripSlash(iss), client.get(), server.get(), launch != null);
            session.setAttribute(SmartSession.REGISTRATION, id);
            return redirect(SmartAuthorizationRequestResolver.AUTHORIZATION_PATH + "/" + id);
        }
        String launched = patient != null || launch == null
                ? patient
                : openLaunches.patient(launch).orElse(null);
        if (properties.allowOpenServers() && launched != null) {
            session.setAttribute(SmartSession.PATIENT, launched);
            return redirect(SmartClientRegistrations.REDIRECT_PATH);
        }
        if (properties.allowOpenServers() && launch != null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown or expired launch",
                    "Open the card's link again from the CDS client (a launch is kept ten minutes).");
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "This FHIR server offers no SMART authorisation",
                "It publishes no .well-known/smart-configuration, and open servers are not allowed here "
                        + "(ombc.smart.allow-open-servers).");
    }

    @GetMapping(SmartClientRegistrations.REDIRECT_PATH)
    ResponseEntity<String> app(@RequestParam(required = false) @Nullable String error, HttpServletRequest request) {
        if (error != null) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    "The EHR did not authorise the app",
                    "Authorisation answered: " + error.replaceAll("[^A-Za-z0-9_-]", "?"));
        }
        HttpSession session = request.getSession(false);
        String iss = session == null ? null : (String) session.getAttribute(SmartSession.ISS);
        if (iss == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "No launch in this browser session",
                    "Open the app from the EHR (or /smart/launch) again.");
        }
        String token = null;
        if (session.getAttribute(SmartSession.REGISTRATION) instanceof String registration) {
            OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                    registration, SecurityContextHolder.getContext().getAuthentication(), request);
            if (client == null) {
                return problem(
                        HttpStatus.UNAUTHORIZED, "The app is not authorised yet", "Open the app from the EHR again.");
            }
            token = client.getAccessToken().getTokenValue();
        }
        String patient = (String) session.getAttribute(SmartSession.PATIENT);
        if (patient == null || patient.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The EHR gave no patient",
                    "The token response carried no patient context; launch from a patient's chart.");
        }
        try {
            ChartAssessment.Result chart = pipeline.assess(patient, Map.of(), iss, token);
            Assessment assessment = chart.assessment();
            String svg = TimelineSvg.render(TimelineModel.of(assessment, LocalDate.now(clock), agentNames));
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noStore())
                    .body(TumourBoardPage.render(assessment, svg, chart.problems()));
        } catch (DataUnavailableException e) {
            return problem(
                    HttpStatus.PRECONDITION_FAILED,
                    "The chart could not be read from the FHIR server",
                    "Not obtained: " + String.join(", ", e.reasons().keySet()) + ".");
        }
    }

    private Optional<SmartProperties.Client> clientFor(String iss) {
        return properties.clients().stream()
                .filter(c -> new AllowedServers(java.util.List.of(c.iss())).allows(iss))
                .findFirst();
    }

    private static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(path))
                .build();
    }

    private static ResponseEntity<String> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                        + TumourBoardPage.esc(title) + "</title></head><body><h1>" + TumourBoardPage.esc(title)
                        + "</h1><p>" + TumourBoardPage.esc(detail) + "</p></body></html>");
    }
}
