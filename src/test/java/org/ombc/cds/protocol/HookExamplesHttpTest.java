package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombc.cds.support.CardResponses.withoutUuids;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombc.cds.support.CardConformance;
import org.ombc.cds.support.FhirServerStub;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Replays every example request of {@code hooks/patient-view/} and {@code hooks/order-sign/} and compares the answer with the example response
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

    /** Every example of both services: the hook folder names the service. */
    static Stream<Arguments> examples() throws IOException {
        List<String> patientView = names(HookRequests.DIR);
        assertThat(patientView)
                .contains("ombc-candidate", "polymetastatic", "no-breast-cancer", "no-prefetch-fhir-server");
        List<String> orderSign = names(HookRequests.ORDER_SIGN_DIR);
        assertThat(orderSign)
                .contains(
                        "palliative-radiotherapy",
                        "radiotherapy-intent-not-stated",
                        "curative-radiotherapy",
                        "polymetastatic-palliative-radiotherapy",
                        "unknown-order-types",
                        "no-prefetch-fhir-server");
        return Stream.concat(
                patientView.stream().map(n -> Arguments.of(HookRequests.DIR, n)),
                orderSign.stream().map(n -> Arguments.of(HookRequests.ORDER_SIGN_DIR, n)));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".request.json"))
                    .map(n -> n.substring(0, n.length() - ".request.json".length()))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("examples")
    void eachExampleRequestGetsItsExampleResponse(Path dir, String name) throws Exception {
        JsonNode response = replay(dir, name);
        CardConformance.assertConformant(response);
        Path expected = dir.resolve(name + ".response.json");
        JsonNode normalised = withoutUuids(response);
        if (Boolean.getBoolean("hooks.write")) {
            Files.writeString(expected, json.writerWithDefaultPrettyPrinter().writeValueAsString(normalised) + "\n");
        }
        assertThat(normalised).isEqualTo(HookRequests.read(expected));
    }

    @Test
    void theFhirServerFallbackGivesTheSameCardsAsThePrefetch() throws Exception {
        assertThat(withoutUuids(replay(HookRequests.DIR, "no-prefetch-fhir-server")))
                .isEqualTo(withoutUuids(replay(HookRequests.DIR, "ombc-candidate")));
        assertThat(withoutUuids(replay(HookRequests.ORDER_SIGN_DIR, "no-prefetch-fhir-server")))
                .isEqualTo(withoutUuids(replay(HookRequests.ORDER_SIGN_DIR, "palliative-radiotherapy")));
    }

    private JsonNode replay(Path dir, String name) throws Exception {
        ObjectNode request = HookRequests.load(dir, name);
        String service = dir.equals(HookRequests.ORDER_SIGN_DIR) ? "ombc-order-sign" : "ombc-patient-view";
        if (request.has("fhirServer")) {
            request.put("fhirServer", FHIR.baseUrl());
        }
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        String body = mvc.perform(post("/cds-services/" + service)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(request)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }
}
