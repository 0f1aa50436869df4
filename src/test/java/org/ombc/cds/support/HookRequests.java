package org.ombc.cds.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The example requests of {@code hooks/<hook>/}, loaded for tests that replay or vary them. */
public final class HookRequests {

    public static final Path DIR = Path.of("hooks", "patient-view");
    public static final Path ORDER_SIGN_DIR = Path.of("hooks", "order-sign");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HookRequests() {
    }

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

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
