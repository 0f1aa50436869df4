package org.ombc.cds.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context shared by HTTP tests of the sandbox profile: every class that carries this annotation
 * reuses the same cached context, so it starts once per test run. The FHIR fallback deadline is generous here: on a
 * loaded build machine (several builds on 2 cores) a 2 s deadline turned fallback replays into 412s; deadlines
 * themselves are tested in FhirFetcherTest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:sandbox-tests;DB_CLOSE_DELAY=-1",
            "ombc.max-request-bytes=200KB",
            "ombc.fhir.timeout=15s"
        })
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("sandbox")
@Import(SwitchableDataSource.Config.class)
public @interface HttpTest {}
