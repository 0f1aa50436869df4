package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.ombc.cds.apps.worklist.ExportFailure.ExportException;
import org.ombc.cds.chart.fetch.AllowedServers;

/**
 * An access token by SMART Backend Services (SMART App Launch 2.0, "client-confidential-asymmetric"): the token
 * endpoint from the server's {@code .well-known/smart-configuration}, then a {@code client_credentials} grant
 * authenticated by a {@code private_key_jwt} client assertion signed with our registered key (RS384 for an RSA
 * key, ES384 for an EC P-384 key, the two algorithms the specification requires servers to support).
 */
public final class BackendServicesToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The specification's maximum lifetime of a client assertion. */
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

    private final HttpClient http;
    private final AllowedServers allowed;
    private final String clientId;
    private final JWK key;
    private final String scope;
    private final Duration timeout;
    private final Clock clock;

    public BackendServicesToken(
            HttpClient http,
            AllowedServers allowed,
            String clientId,
            JWK key,
            String scope,
            Duration timeout,
            Clock clock) {
        if (!(key instanceof RSAKey || key instanceof ECKey) || !key.isPrivate()) {
            throw new IllegalArgumentException("the Backend Services key must be a private RSA or EC P-384 JWK");
        }
        this.http = http;
        this.allowed = allowed;
        this.clientId = clientId;
        this.key = key;
        this.scope = scope;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads the private JWK of {@code ombc.worklist.private-key-file}. */
    public static JWK readKey(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("ombc.worklist.private-key-file is not a JWK", e);
        }
    }

    public String token(String fhirServer) throws ExportException {
        JsonNode configuration = getJson(fhirServer + "/.well-known/smart-configuration");
        String tokenEndpoint = configuration.path("token_endpoint").asText("");
        if (tokenEndpoint.isEmpty() || !allowed.allows(tokenEndpoint)) {
            throw new ExportException(
                    ExportFailure.UNAUTHORIZED,
                    "the server's token endpoint is missing or not " + "in ombc.fhir.allowed-servers");
        }
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion(tokenEndpoint);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (answer.statusCode() != 200) {
            throw new ExportException(ExportFailure.UNAUTHORIZED, "the token endpoint answered " + answer.statusCode());
        }
        String token = parse(answer.body()).path("access_token").asText("");
        if (token.isEmpty()) {
            throw new ExportException(ExportFailure.UNAUTHORIZED, "the token endpoint's answer has no access_token");
        }
        return token;
    }

    /** The signed client assertion: iss and sub our client id, aud the token endpoint, a fresh jti. */
    String assertion(String tokenEndpoint) throws ExportException {
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenEndpoint)
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .type(JOSEObjectType.JWT)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new ExportException(
                    ExportFailure.UNAUTHORIZED, "the client assertion could not be signed: " + e.getMessage());
        }
    }

    private JsonNode getJson(String url) throws ExportException {
        if (!allowed.allows(url)) {
            throw new ExportException(ExportFailure.NOT_ALLOWED, url);
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build());
        if (answer.statusCode() != 200) {
            throw new ExportException(
                    ExportFailure.UNAUTHORIZED, "smart-configuration answered " + answer.statusCode());
        }
        return parse(answer.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws ExportException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ExportException(
                    ExportFailure.TIMEOUT,
                    "no answer from " + request.uri() + " within " + timeout + " (ombc.fhir.timeout)");
        } catch (IOException e) {
            throw new ExportException(
                    ExportFailure.UNREACHABLE,
                    request.uri() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException(ExportFailure.TIMEOUT, "interrupted");
        }
    }

    private static JsonNode parse(String body) throws ExportException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ExportException(ExportFailure.UNAUTHORIZED, "the answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ExportException(ExportFailure.UNAUTHORIZED, "the answer is not JSON");
        }
    }
}
