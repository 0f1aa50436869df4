package org.ombc.cds.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The default (secured) profile on a real Tomcat port, for what MockMvc skips (Tomcat's own parsing and
 * normalisation, connection handling): one cached context shared by every class that carries this annotation.
 * The trusted issuer is {@link SecuredServer#ISS} with key {@link SecuredServer#KEY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:secured-server-tests;DB_CLOSE_DELAY=-1",
            "ombc.security.allowed-hosts=localhost,127.0.0.1",
            "ombc.audit.admin-token=" + SecuredServer.ADMIN_TOKEN
        })
@ContextConfiguration(initializers = SecuredServer.Keys.class)
public @interface SecuredServerTest {}
