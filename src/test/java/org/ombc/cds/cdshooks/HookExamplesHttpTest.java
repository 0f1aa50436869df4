package org.ombc.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.ombc.cds.support.CardResponses.withoutUuids;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.support.CardConformance;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replays every example request of {@code hooks/patient-view/} and compares the answer with the example response
 * next to it (uuids aside). Run with {@code -Dhooks.write=true} to rewrite the responses after a deliberate change.
 */
@HttpTest
class HookExamplesHttpTest {

    private static final FhirServerStub FHIR = new FhirServerStub();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void serveTheCandidateFromAFhirServer() {
        ObjectNode candidate = HookRequests.load("ombc-candidate");
        FHIR.servePrefetch(candidate.at("/context/patientId").asText(), candidate.get("prefetch"));
    }

    @AfterAll
    static void stop() {
        FHIR.close();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(HookRequests.DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".request.json"))
                    .map(n -> n.substring(0, n.length() - ".request.json".length())).sorted().toList();
            assertThat(names).contains("ombc-candidate", "polymetastatic", "no-breast-cancer", "no-prefetch-fhir-server");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachExampleRequestGetsItsExampleResponse(String name) throws Exception {
        JsonNode response = replay(name);
        CardConformance.assertConformant(response);
        Path expected = HookRequests.DIR.resolve(name + ".response.json");
        JsonNode normalised = withoutUuids(response);
        if (Boolean.getBoolean("hooks.write")) {
            Files.writeString(expected, json.writerWithDefaultPrettyPrinter().writeValueAsString(normalised) + "\n");
        }
        assertThat(normalised).isEqualTo(HookRequests.read(expected));
    }

    @Test
    void theFhirServerFallbackGivesTheSameCardsAsThePrefetch() throws Exception {
        assertThat(withoutUuids(replay("no-prefetch-fhir-server"))).isEqualTo(withoutUuids(replay("ombc-candidate")));
    }

    private JsonNode replay(String name) throws Exception {
        ObjectNode request = HookRequests.load(name);
        if (request.has("fhirServer")) {
            request.put("fhirServer", FHIR.baseUrl());
        }
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        String body = mvc.perform(post("/cds-services/ombc-patient-view").contentType(MediaType.APPLICATION_JSON)
                .content(HookRequests.text(request))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(body);
    }
}
