package org.ombc.cds.apps.smart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.privacy.Hashes;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Spring Security's OAuth2 client registrations, made when an EHR launches the app: the issuer is known only then,
 * and its endpoints come from its SMART configuration. One registration per issuer, kept for an hour.
 */
final class SmartClientRegistrations implements ClientRegistrationRepository {

    static final String REDIRECT_PATH = "/smart/app";

    /** SMART App Launch 2.0 scopes for the resources the assessment reads. */
    private static final List<String> PATIENT_RESOURCES = List.of(
            "Patient",
            "Condition",
            "Observation",
            "MedicationRequest",
            "MedicationStatement",
            "Procedure",
            "DiagnosticReport");

    private final Cache<String, ClientRegistration> registrations = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(1_000)
            .build();

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return registrations.getIfPresent(registrationId);
    }

    /** Registers (or refreshes) the client for one issuer and returns its registration id. */
    String register(String iss, SmartProperties.Client client, SmartServerMetadata server, boolean ehrLaunch) {
        String id = "smart-" + Hashes.sha256(iss).substring(0, 16);
        boolean confidential =
                client.clientSecret() != null && !client.clientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(id)
                .clientId(client.clientId())
                .clientAuthenticationMethod(
                        confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + REDIRECT_PATH)
                .scope(scopes(ehrLaunch, server.speaksV2Scopes()))
                .authorizationUri(server.authorizationEndpoint())
                .tokenUri(server.tokenEndpoint())
                .clientName("ombc-cds tumour-board view");
        if (confidential) {
            builder.clientSecret(client.clientSecret());
        }
        registrations.put(id, builder.build());
        return id;
    }

    /**
     * {@code launch} for an EHR launch (the EHR supplies the patient), {@code launch/patient} for a standalone
     * one (the user picks the patient at the server); read access to each resource the rules read.
     */
    static List<String> scopes(boolean ehrLaunch, boolean v2) {
        List<String> scopes = new ArrayList<>(List.of(ehrLaunch ? "launch" : "launch/patient", "openid", "fhirUser"));
        for (String resource : PATIENT_RESOURCES) {
            scopes.add("patient/" + resource + (v2 ? ".rs" : ".read"));
        }
        return scopes;
    }
}
