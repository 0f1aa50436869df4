package org.ombc.cds.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.ombc.cds.config.OmbcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The CDS Hooks trust model: JWT verification unless the sandbox profile turns it off, loudly. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Placeholder until the JWT checks move into this chain (issue 11): the servlet filter still guards. */
    @Bean
    org.springframework.security.web.SecurityFilterChain ombcSecurityFilterChain(
            org.springframework.security.config.annotation.web.builders.HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable()).authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.disable()).requestCache(r -> r.disable()).securityContext(c -> c.disable())
                .sessionManagement(s -> s.disable()).anonymous(a -> a.disable()).build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JwksCache jwksCache(SecurityProperties security, Clock clock) {
        return new JwksCache(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build(), security.jwksMinRefresh(), Duration.ofSeconds(3),
                clock);
    }

    @Bean
    CdsJwtVerifier cdsJwtVerifier(SecurityProperties security, JwksCache keys, Clock clock) {
        return new CdsJwtVerifier(security.trustedIssuers(), keys, security.clockSkew(), clock);
    }

    @Bean
    FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthenticationFilter(SecurityProperties security,
                                                                           CdsJwtVerifier verifier,
                                                                           OmbcProperties properties,
                                                                           ObjectMapper json) {
        FilterRegistrationBean<JwtAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new JwtAuthenticationFilter(verifier, properties.publicBaseUrl(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(security.enabled());
        if (!security.enabled()) {
            log.warn("""

                    ***********************************************************************************
                    *  SANDBOX: CDS calls are accepted WITHOUT authentication (ombc.security.enabled  *
                    *  is false). Never expose this instance to real patient data.                     *
                    ***********************************************************************************""");
        } else if (security.trustedIssuers().isEmpty()) {
            log.warn("No trusted issuers are configured (ombc.security.trusted-issuers): every CDS call will be "
                    + "refused with 401. See README, 'Registering an EHR'.");
        } else {
            log.info("JWT verification on: {} trusted issuer(s)", security.trustedIssuers().size());
        }
        return registration;
    }
}
