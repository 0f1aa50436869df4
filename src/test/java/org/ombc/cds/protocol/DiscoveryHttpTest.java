package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HttpTest
class DiscoveryHttpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void discoveryListsThePatientViewServiceWithEveryPrefetchTheLogicNeeds() throws Exception {
        mvc.perform(get("/cds-services"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.services.length()").value(2))
                .andExpect(jsonPath("$.services[0].id").value("ombc-patient-view"))
                .andExpect(jsonPath("$.services[0].hook").value("patient-view"))
                .andExpect(jsonPath("$.services[0].title").isNotEmpty())
                .andExpect(jsonPath("$.services[0].description").isNotEmpty())
                .andExpect(jsonPath("$.services[0].prefetch.patient").value("Patient/{{context.patientId}}"))
                .andExpect(
                        jsonPath("$.services[0].prefetch.conditions").value("Condition?patient={{context.patientId}}"))
                .andExpect(jsonPath("$.services[0].prefetch.observations")
                        .value(org.hamcrest.Matchers.containsString("http://loinc.org|16112-5")))
                .andExpect(jsonPath("$.services[0].prefetch.medicationRequests").exists())
                .andExpect(
                        jsonPath("$.services[0].prefetch.medicationStatements").exists())
                .andExpect(jsonPath("$.services[0].prefetch.procedures").exists())
                .andExpect(jsonPath("$.services[0].prefetch.diagnosticReports")
                        .value(org.hamcrest.Matchers.containsString("v2-0074|RAD")));
    }

    @Test
    void theOrderSignServiceAsksForTheSameChartAsPatientView() throws Exception {
        String served =
                mvc.perform(get("/cds-services")).andReturn().getResponse().getContentAsString();
        var services = json.readTree(served).get("services");
        assertThat(services.get(1).get("id").asText()).isEqualTo("ombc-order-sign");
        assertThat(services.get(1).get("hook").asText()).isEqualTo("order-sign");
        assertThat(services.get(1).get("description").asText()).isNotBlank();
        assertThat(services.get(1).get("prefetch")).isEqualTo(services.get(0).get("prefetch"));
    }

    /** Run with {@code -Dhooks.write=true} to rewrite hooks/discovery.json after a deliberate change. */
    @Test
    void theDiscoveryDocumentInHooksIsWhatTheServiceServes() throws Exception {
        String served =
                mvc.perform(get("/cds-services")).andReturn().getResponse().getContentAsString();
        Path file = Path.of("hooks", "discovery.json");
        if (Boolean.getBoolean("hooks.write")) {
            java.nio.file.Files.writeString(
                    file, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n");
        }
        assertThat(json.readTree(served)).isEqualTo(HookRequests.read(file));
    }

    @Test
    void browserClientsGetCorsPreflightAnswers() throws Exception {
        mvc.perform(options("/cds-services/ombc-patient-view")
                        .header("Origin", "https://sandbox.cds-hooks.org")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"))
                .andExpect(
                        header().string("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST")));
        mvc.perform(get("/cds-services").header("Origin", "https://sandbox.cds-hooks.org"))
                .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"));
    }

    @Test
    void healthIsUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void askingForTheErrorPageItselfIsNotFoundNotAServerError() throws Exception {
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
