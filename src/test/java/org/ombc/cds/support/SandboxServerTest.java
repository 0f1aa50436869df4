package org.ombc.cds.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sandbox on a real port, for what MockMvc cannot reach (HAPI's FHIR servlet, a browser): one cached context
 * shared by every class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:sandbox-server-tests;DB_CLOSE_DELAY=-1")
@ActiveProfiles("sandbox")
public @interface SandboxServerTest {}
