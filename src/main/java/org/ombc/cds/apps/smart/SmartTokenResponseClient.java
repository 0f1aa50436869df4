package org.ombc.cds.apps.smart;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Exchanges the authorization code (with the PKCE verifier) through Spring Security, bounded in time, and keeps
 * the launch context SMART returns beside the token: {@code patient}, the chart the token was granted for.
 */
final class SmartTokenResponseClient implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

    /** A FHIR logical id (R4 {@code id} datatype). */
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final RestClientAuthorizationCodeTokenResponseClient delegate =
            new RestClientAuthorizationCodeTokenResponseClient();

    SmartTokenResponseClient(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        delegate.setRestClient(RestClient.builder()
                .requestFactory(factory)
                .messageConverters(
                        List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
        OAuth2AccessTokenResponse response = delegate.getTokenResponse(request);
        Object patient = response.getAdditionalParameters().get("patient");
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(
                        SmartSession.PATIENT,
                        patient instanceof String id && FHIR_ID.matcher(id).matches() ? id : "",
                        RequestAttributes.SCOPE_SESSION);
        return response;
    }
}
