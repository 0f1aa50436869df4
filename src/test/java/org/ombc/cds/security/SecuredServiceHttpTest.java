package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.Tokens;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The default profile: every call that carries patient data needs a JWT of a registered issuer. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:secured-tests;DB_CLOSE_DELAY=-1",
            "ombc.security.allowed-hosts=localhost"
        })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecuredServiceHttpTest {

    private static final String ISS = "https://ehr.example.org";
    private static final String SERVICE_URL = "http://localhost/cds-services/ombc-patient-view";
    private static final ECKey KEY = Tokens.ecKey(Curve.P_384, "ehr-key-1");
    private static final String ADMIN_TOKEN = "admin-" + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void trustTheTestEhr(DynamicPropertyRegistry registry) {
        registry.add("ombc.security.trusted-issuers[0].iss", () -> ISS);
        registry.add("ombc.security.trusted-issuers[0].jwks", () -> Tokens.jwks(KEY));
        registry.add("ombc.audit.admin-token", () -> ADMIN_TOKEN);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    javax.sql.DataSource dataSource;

    private ResultActions call(ObjectNode request, String authorization) throws Exception {
        var builder = post("/cds-services/ombc-patient-view")
                .contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(request));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return mvc.perform(builder);
    }

    private static String validToken() {
        return "Bearer "
                + Tokens.sign(
                        KEY, JWSAlgorithm.ES384, Tokens.claims(ISS, SERVICE_URL).build());
    }

    @Test
    void aSignedCallOfARegisteredEhrGetsCards() throws Exception {
        call(HookRequests.load("ombc-candidate"), validToken())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[0].indicator").value("warning"));
    }

    @Autowired
    java.util.List<org.springframework.security.web.SecurityFilterChain> chains;

    /**
     * Issue #26, item 3: a hook call passes only the filters it needs (context, token check, 401/403 answers,
     * authorisation, response headers); no anonymous principal, servlet-API wrapper or session handling.
     */
    @Test
    void aHookCallPassesOnlyTheFiltersItNeeds() {
        var hookCall =
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/cds-services/ombc-patient-view");
        hookCall.setServletPath("/cds-services/ombc-patient-view");
        var chain = chains.stream().filter(c -> c.matches(hookCall)).findFirst().orElseThrow();
        assertThat(chain.getFilters())
                .extracting(f -> f.getClass().getSimpleName())
                .containsExactly(
                        "WebAsyncManagerIntegrationFilter",
                        "SecurityContextHolderFilter",
                        "HeaderWriterFilter",
                        "ExceptionTranslationFilter",
                        "JwtAuthenticationFilter",
                        "AuthorizationFilter");
    }

    @Test
    void aHookAnswerIsNeverCachedNorSniffed() throws Exception {
        call(HookRequests.load("ombc-candidate"), validToken())
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void anUnsignedCallIs401NamingTheCheck() throws Exception {
        call(HookRequests.load("ombc-candidate"), null)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("missing-token")))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.check").value("missing-token"));
    }

    /** The integrator is told what to fix: the aud expected and the aud received (issue #27). */
    @Test
    void aTokenForAnotherServiceIs401NamingBothAudiences() throws Exception {
        String token = "Bearer "
                + Tokens.sign(
                        KEY,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, "http://localhost/cds-services/another")
                                .build());
        call(HookRequests.load("ombc-candidate"), token)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.check").value("wrong-audience"))
                .andExpect(jsonPath("$.expectedAudience[0]").value("http://localhost/cds-services/ombc-patient-view"))
                .andExpect(jsonPath("$.receivedAudience[0]").value("http://localhost/cds-services/another"))
                .andExpect(jsonPath(
                        "$.detail",
                        org.hamcrest.Matchers.containsString("http://localhost/cds-services/ombc-patient-view")));
    }

    /** order-sign is checked the same way: its own URL as aud, nothing without a token. */
    @Test
    void theOrderSignServiceNeedsATokenForItsOwnUrl() throws Exception {
        ObjectNode request = HookRequests.load(HookRequests.ORDER_SIGN_DIR, "palliative-radiotherapy");
        var call = post("/cds-services/ombc-order-sign")
                .contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(request));
        mvc.perform(call)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.check").value("missing-token"));
        mvc.perform(call.header("Authorization", validToken()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.check").value("wrong-audience"));
        String own = "Bearer "
                + Tokens.sign(
                        KEY,
                        JWSAlgorithm.ES384,
                        Tokens.claims(ISS, "http://localhost/cds-services/ombc-order-sign")
                                .build());
        mvc.perform(post("/cds-services/ombc-order-sign")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(request))
                        .header("Authorization", own))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cards[0].indicator").value("warning"));
    }

    @Test
    void aReplayedTokenIs401() throws Exception {
        String token = validToken();
        call(HookRequests.load("polymetastatic"), token).andExpect(status().isOk());
        call(HookRequests.load("polymetastatic"), token)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.check").value("replayed"));
    }

    @Test
    void theAssessmentApiNeedsATokenToo() throws Exception {
        mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a401IsReadableByBrowserClients() throws Exception {
        mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .header("Origin", "https://sandbox.cds-hooks.org"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"));
    }

    @Test
    void theAuditRecordsTheVerifiedIssuer() throws Exception {
        String body = call(HookRequests.load("ombc-candidate"), validToken())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String uuid = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .at("/cards/0/uuid")
                .asText();
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("select count(*) from issued_card where uuid = ?", Integer.class, uuid)
                        == 1);
        assertThat(jdbc.queryForObject(
                        "select c.caller_iss from hook_call c join issued_card i on i.hook_call_id = c.id"
                                + " where i.uuid = ?",
                        String.class,
                        uuid))
                .isEqualTo(ISS);
    }

    @Test
    void feedbackAcceptsATokenForTheServiceOrForTheFeedbackUrl() throws Exception {
        String body = call(HookRequests.load("ombc-candidate"), validToken())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String uuid = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .at("/cards/0/uuid")
                .asText();
        for (String aud : java.util.List.of(SERVICE_URL, SERVICE_URL + "/feedback")) {
            String feedback = "{\"feedback\":[{\"card\":\"" + uuid + "\",\"outcome\":\"overridden\",\"overrideReason\":"
                    + "{\"userComment\":\"aud " + aud.length() + "\"},\"outcomeTimestamp\":\"2026-11-26T10:00:00Z\"}]}";
            mvc.perform(post("/cds-services/ombc-patient-view/feedback")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(feedback)
                            .header(
                                    "Authorization",
                                    "Bearer "
                                            + Tokens.sign(
                                                    KEY,
                                                    JWSAlgorithm.ES384,
                                                    Tokens.claims(ISS, aud).build())))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/cds-services/ombc-patient-view/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theGovernanceApiNeedsTheAdminToken() throws Exception {
        mvc.perform(get("/ombc/feedback"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("A valid admin bearer token is required."));
        mvc.perform(get("/ombc/feedback/summary").header("Authorization", "Bearer wrong"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/ombc/feedback/summary").header("Authorization", validToken()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/ombc/feedback").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback").isArray());
        mvc.perform(get("/ombc/feedback?from=yesterday").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andExpect(status().isBadRequest());
    }

    @Test
    void discoveryStaysOpen() throws Exception {
        mvc.perform(get("/cds-services")).andExpect(status().isOk());
    }

    @Test
    void theFallbackIsOffByDefaultAndSaysSo() throws Exception {
        ObjectNode request = HookRequests.load("no-prefetch-fhir-server");
        call(request, validToken())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.keys.patient").value("not-allowed"));
    }

    @Test
    void aFullHookCallLogsNoPatientDataEvenAtDebug(CapturedOutput output) throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ObjectNode patient = (ObjectNode) request.at("/prefetch/patient");
        patient.putArray("name")
                .addObject()
                .put("family", "Quennellwright")
                .putArray("given")
                .add("Zelphira");
        patient.put("birthDate", "1911-11-11");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try {
            call(request, validToken()).andExpect(status().isOk());
            call(request, null).andExpect(status().isUnauthorized());
        } finally {
            root.setLevel(before);
        }
        assertThat(output.getAll())
                .as("debug logging was on")
                .contains(" DEBUG ")
                .contains("ombc-patient-view")
                .doesNotContain(
                        "Zelphira", "Quennellwright", "1911-11-11", "\"resourceType\"", "ombc-candidate-1", "eyJ");
    }
}
