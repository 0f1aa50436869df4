package org.ombc.cds.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The example requests of {@code hooks/<hook>/}, loaded for tests that replay or vary them. */
public final class HookRequests {

    public static final Path DIR = Path.of("hooks", "patient-view");
    public static final Path ORDER_SIGN_DIR = Path.of("hooks", "order-sign");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HookRequests() {}

    public static ObjectNode load(String name) {
        return load(DIR, name);
    }

    public static ObjectNode load(Path dir, String name) {
        return (ObjectNode) read(dir.resolve(name + ".request.json"));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fires the candidate example through {@code mvc} with a fresh hookInstance (so the retry cache never answers)
     * and returns its main card; the call must answer 200.
     */
    public static JsonNode candidateMainCard(MockMvc mvc) throws Exception {
        ObjectNode request = load("ombc-candidate");
        request.put("hookInstance", UUID.randomUUID().toString());
        MockHttpServletResponse response = mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(text(request)))
                .andReturn()
                .getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("hook answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        return JSON.readTree(response.getContentAsString()).at("/cards/0");
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
