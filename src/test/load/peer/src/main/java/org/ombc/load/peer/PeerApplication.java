package org.ombc.load.peer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsHooksDaoAuthorizationSvc;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.config.CdsHooksConfig;
import ca.uhn.hapi.fhir.cdshooks.controller.CdsHooksController;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsHooksContextBooter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The peer of the load run (src/test/load/run.sh): HAPI FHIR's CDS Hooks server module ({@code
 * hapi-fhir-server-cds-hooks} 8.8.0) serving one trivial patient-view service ({@link PeerService}), wired as HAPI's
 * own module tests wire it: {@link CdsHooksConfig} imported, a {@link CdsHooksContextBooter} that boots the services'
 * context, HAPI's {@link CdsHooksController} on {@code /cds-services}, and its CDS Hooks ObjectMapper as the only
 * message converter. Every call therefore goes HAPI's way: the body read into a map, converted to a tree, every
 * prefetch resource parsed with HAPI's FHIR parser, the prefetch checked against the service's templates, the
 * service invoked, the response written with HAPI's mapper. Module defaults kept (CDS Hooks version, pretty output).
 *
 * <p>No JPA server behind it (an empty {@link DaoRegistry}, as in HAPI's module tests): the load run sends the whole
 * prefetch, so nothing is fetched. Spring Boot's database, Flyway, Quartz and Elasticsearch auto-configurations are
 * off: the module's transitive dependencies (hapi-fhir-storage) put those libraries on the classpath, but the module
 * asks for none of them. Built only by run.sh, from its own pom; the project's build never sees it.
 */
@SpringBootApplication(
        exclude = {
            DataSourceAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class,
            JpaRepositoriesAutoConfiguration.class,
            FlywayAutoConfiguration.class,
            QuartzAutoConfiguration.class,
            ElasticsearchRestClientAutoConfiguration.class
        })
@Import(CdsHooksConfig.class)
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    CdsHooksContextBooter cdsHooksContextBooter() {
        CdsHooksContextBooter booter = new CdsHooksContextBooter();
        booter.setDefinitionsClass(PeerServices.class);
        booter.start();
        return booter;
    }

    @Bean
    DaoRegistry daoRegistry() {
        return new DaoRegistry();
    }

    /** Only asked for resources fetched from a DAO; none are. */
    @Bean
    ICdsHooksDaoAuthorizationSvc cdsHooksDaoAuthorizationSvc() {
        return resource -> {};
    }

    @Bean
    CdsHooksController cdsHooksController(ICdsServiceRegistry registry) {
        return new CdsHooksController(registry);
    }

    /** HAPI's CDS Hooks mapper reads the requests and writes the responses, as in HAPI's controller tests. */
    @Bean
    WebMvcConfigurer cdsHooksMessageConverter(
            @Qualifier(CdsHooksConfig.CDS_HOOKS_OBJECT_MAPPER_FACTORY) ObjectMapper cdsHooksMapper) {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(new MappingJackson2HttpMessageConverter(cdsHooksMapper));
            }
        };
    }
}
