package org.ombc.cds.apps.smart;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring Security's authorization request, with what SMART App Launch adds: PKCE (S256) always, {@code aud} = the
 * FHIR server the token is for, and the EHR's {@code launch} id.
 */
final class SmartAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    SmartAuthorizationRequestResolver(ClientRegistrationRepository registrations) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_PATH);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    /** An unknown or expired registration id is no authorization request: the path then answers 404. */
    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return withLaunchContext(delegate.resolve(request), request);
        } catch (IllegalArgumentException unknownRegistration) {
            return null;
        }
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        try {
            return withLaunchContext(delegate.resolve(request, registrationId), request);
        } catch (IllegalArgumentException unknownRegistration) {
            return null;
        }
    }

    private static @Nullable OAuth2AuthorizationRequest withLaunchContext(
            @Nullable OAuth2AuthorizationRequest base, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (base == null || session == null || !(session.getAttribute(SmartSession.ISS) instanceof String iss)) {
            return base;
        }
        Object launch = session.getAttribute(SmartSession.LAUNCH);
        return OAuth2AuthorizationRequest.from(base)
                .additionalParameters(params -> {
                    params.put("aud", iss);
                    if (launch instanceof String id) {
                        params.put("launch", id);
                    }
                })
                .build();
    }
}
