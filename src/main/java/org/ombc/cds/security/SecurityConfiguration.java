package org.ombc.cds.security;

import java.time.Clock;
import org.ombc.cds.settings.OmbcProperties;
import org.ombc.cds.storage.DurableCommits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The CDS Hooks trust model on Spring Security. The firewall ({@link CanonicalPathFirewall}) refuses every request
 * whose path is not in canonical form before any rule is applied; the rules then match the normalised path, and
 * {@link #NEEDS_TOKEN} is written once and used both to run the JWT checks and to deny the route unless they
 * passed. The sandbox profile ({@code ombc.security.enabled=false}) opens every route, loudly, but keeps the
 * firewall.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** Case-insensitive, so that {@code /CDS-SERVICES/...} is protected too, not merely unrouted. */
    private static final PathPatternRequestMatcher.Builder PATHS =
            PathPatternRequestMatcher.withPathPatternParser(caseInsensitive());

    /**
     * Every call that carries patient data: any method on {@code /cds-services/**} (services, their feedback, and
     * any service added later) and {@code /ombc/assessment}, except discovery ({@code GET /cds-services}) and CORS
     * preflight ({@code OPTIONS}).
     */
    public static final RequestMatcher NEEDS_TOKEN = new AndRequestMatcher(
            new OrRequestMatcher(
                    PATHS.matcher("/cds-services/**"),
                    PATHS.matcher("/ombc/assessment"),
                    PATHS.matcher("/ombc/assessment/**")),
            new NegatedRequestMatcher(new OrRequestMatcher(
                    PATHS.matcher(HttpMethod.OPTIONS, "/**"), PATHS.matcher(HttpMethod.GET, "/cds-services"))));

    private static PathPatternParser caseInsensitive() {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        return parser;
    }

    /** Case-insensitive like {@link #NEEDS_TOKEN}: every spelling of the hook routes takes the hook chain. */
    static final RequestMatcher HOOK_ROUTES =
            new OrRequestMatcher(PATHS.matcher("/cds-services"), PATHS.matcher("/cds-services/**"));

    /**
     * The hook routes' own chain, first: only the filters a CDS call needs (the security context, the token check,
     * the 401/403 answers, authorisation, the response headers). No anonymous principal, servlet-API wrapper,
     * session management or URL-encoding guard: a hook call is stateless and its controller reads the caller from
     * the context. The filters are listed in docs/performance.md ("What each change bought") and by
     * {@code SecuredServiceHttpTest.aHookCallPassesOnlyTheFiltersItNeeds}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain hookSecurityFilterChain(
            HttpSecurity http, SecurityProperties security, CdsJwtVerifier verifier, OmbcProperties properties)
            throws Exception {
        http.securityMatcher(HOOK_ROUTES)
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        return trustModel(http, security, verifier, properties, false);
    }

    /** Every other route (the assessment API, card pages, feedback summaries, the sandbox): the same trust model. */
    @Bean
    SecurityFilterChain ombcSecurityFilterChain(
            HttpSecurity http, SecurityProperties security, CdsJwtVerifier verifier, OmbcProperties properties)
            throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return trustModel(http, security, verifier, properties, true);
    }

    private static SecurityFilterChain trustModel(
            HttpSecurity http,
            SecurityProperties security,
            CdsJwtVerifier verifier,
            OmbcProperties properties,
            boolean sayAtStart)
            throws Exception {
        ProblemEntryPoint problems = new ProblemEntryPoint();
        http.csrf(c -> c.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        Audiences audiences = new Audiences(properties.publicBaseUrl(), security.allowedHosts());
        if (security.enabled()) {
            http.addFilterBefore(
                    new JwtAuthenticationFilter(NEEDS_TOKEN, verifier, audiences, problems), AuthorizationFilter.class);
            http.authorizeHttpRequests(a ->
                    a.requestMatchers(NEEDS_TOKEN).authenticated().anyRequest().permitAll());
            if (sayAtStart) {
                startupMessages(security, audiences);
            }
        } else {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            if (sayAtStart) {
                log.warn("""

                        ***********************************************************************************
                        *  SANDBOX: CDS calls are accepted WITHOUT authentication (ombc.security.enabled  *
                        *  is false). Never expose this instance to real patient data.                     *
                        ***********************************************************************************""");
            }
        }
        return http.build();
    }

    /**
     * Spring Security would otherwise wrap each of its filters in a Micrometer observation on every request (a
     * measurable part of a hook call's time) even with the observations switched off by property;
     * {@code http.server.requests} already times the whole call.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static void startupMessages(SecurityProperties security, Audiences audiences) {
        if (security.trustedIssuers().isEmpty()) {
            log.warn("No trusted issuers are configured (ombc.security.trusted-issuers): every CDS call will be "
                    + "refused with 401. See docs/security.md, 'Registering an EHR'.");
        } else {
            log.info(
                    "JWT verification on: {} trusted issuer(s)",
                    security.trustedIssuers().size());
        }
        if (!audiences.configured()) {
            log.warn("Neither ombc.public-base-url nor ombc.security.allowed-hosts is set: no token's 'aud' can "
                    + "match, every CDS call will be refused with 401 wrong-audience. See docs/security.md, "
                    + "'JWT checks'.");
        }
    }

    /** Refuses every non-canonical path, odd methods and characters (see {@link CanonicalPathFirewall}). */
    @Bean
    HttpFirewall httpFirewall() {
        return new CanonicalPathFirewall();
    }

    /** A firewall refusal is a JSON 400, not the servlet container's HTML page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemEntryPoint();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JwksCache jwksCache(SecurityProperties security, Clock clock) {
        JwksCache keys = new JwksCache(
                security.jwksCacheTtl(),
                security.jwksMinRefresh(),
                security.jwksConnectTimeout(),
                security.jwksFetchTimeout(),
                Math.toIntExact(security.jwksMaxBytes().toBytes()),
                clock);
        // Pinned key sets are read now, so that an unreadable file or a private key in it is said at start.
        for (TrustedIssuer issuer : security.trustedIssuers()) {
            if (issuer.jwksUri() == null) {
                try {
                    keys.local(issuer);
                } catch (JwtRejectedException e) {
                    log.warn(
                            "The key set of trusted issuer {} cannot be read ({}): every call from it will be "
                                    + "refused with 401 keys-unavailable.",
                            issuer.iss(),
                            issuer.jwksFile() != null ? "jwks-file " + issuer.jwksFile() : "inline jwks");
                }
            }
        }
        return keys;
    }

    @Bean
    ReplayGuard replayGuard(JdbcTemplate jdbc, DurableCommits durable, Clock clock, SecurityProperties security) {
        if (security.enabled() && durable.checkpointsAfterCommits()) {
            // Measured (docs/storage.md, docs/performance.md): a checkpoint per accepted token grows the H2 file, 32 MB
            // after 1,409 calls at 10 a second and 1.4 GB after two minutes of load, none of it given back after.
            log.warn("JWT replay protection stores each token's id in an H2 database on disk with a checkpoint per"
                    + " call: the file grows with every call and H2 does not give the space back under load. Use"
                    + " PostgreSQL for a service in use (docs/storage.md).");
        }
        return new DatabaseReplayGuard(jdbc, durable, clock, security.replayPurgeInterval());
    }

    @Bean
    CdsJwtVerifier cdsJwtVerifier(SecurityProperties security, JwksCache keys, Clock clock, ReplayGuard replays) {
        return new CdsJwtVerifier(
                security.trustedIssuers(), keys, security.clockSkew(), security.maxTokenLifetime(), clock, replays);
    }
}
