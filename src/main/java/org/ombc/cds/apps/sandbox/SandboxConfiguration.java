package org.ombc.cds.apps.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.ombc.cds.fhir.FhirJson;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The integrator sandbox: demo patients, a FHIR endpoint at /fhir and the card viewer at /. Sandbox profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
public class SandboxConfiguration implements WebMvcConfigurer {

    @Bean
    SandboxStore sandboxStore(FhirJson fhir) throws IOException {
        Map<String, Bundle> examples = new LinkedHashMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:fhir-profiles/examples/Bundle-*.json")) {
            try (InputStream in = file.getInputStream()) {
                String name = file.getFilename().replace("Bundle-", "").replace(".json", "");
                examples.put("Hook example '" + name + "' (hooks/patient-view)", (Bundle)
                        fhir.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return new SandboxStore(VignetteCatalogue.cases(), examples);
    }

    @Bean
    SandboxLaunches sandboxLaunches() {
        return new SandboxLaunches();
    }

    @Bean
    ServletRegistrationBean<SandboxFhirServer> sandboxFhirServer(
            FhirJson fhir, SandboxStore store, SandboxLaunches launches) {
        ServletRegistrationBean<SandboxFhirServer> registration =
                new ServletRegistrationBean<>(new SandboxFhirServer(fhir.context(), store, launches), "/fhir/*");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox-ui/**").addResourceLocations("classpath:/sandbox-ui/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/sandbox-ui/index.html");
    }
}
