package org.ombc.cds.apps.smart;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The tumour-board app's own security: a browser session, and Spring Security's OAuth2 client doing the SMART
 * authorization code flow with PKCE. It covers only {@code /smart/**} and the authorization redirect; the CDS
 * Hooks API keeps its stateless JWT chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartProperties.class)
class SmartConfiguration {

    @Bean
    SmartClientRegistrations smartClientRegistrations() {
        return new SmartClientRegistrations();
    }

    /** Tokens live in the server-side session only: never in the browser, a URL or a log. */
    @Bean
    OAuth2AuthorizedClientRepository smartAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityFilterChain smartAppSecurityFilterChain(
            HttpSecurity http,
            SmartClientRegistrations registrations,
            OAuth2AuthorizedClientRepository authorizedClients,
            SmartProperties properties)
            throws Exception {
        http.securityMatcher("/smart/**", SmartAuthorizationRequestResolver.AUTHORIZATION_PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Client(client -> client.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationCodeGrant(grant -> grant.authorizationRequestResolver(
                                        new SmartAuthorizationRequestResolver(registrations))
                                .accessTokenResponseClient(
                                        new SmartTokenResponseClient(properties.discoveryTimeout()))))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                        + "form-action 'self'; frame-ancestors *"))
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
