package org.ombc.cds.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Configuration table of {@code docs/configuration.md} is what an operator reads: it must list every
 * {@code ombc.*} property the service binds, with the default the code applies, and nothing that no longer exists.
 * The property list is the metadata {@code spring-boot-configuration-processor} generates from the properties records.
 */
class ConfigurationDocumentationTest {

    private static final Path DOCUMENT = Path.of("docs/configuration.md");

    private static final Pattern ROW =
            Pattern.compile("^\\| `(ombc\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void configurationTableListsExactlyTheBoundPropertiesWithTheirDefaults() throws IOException {
        Map<String, String> bound = boundProperties();
        Map<String, String> documented = documentedProperties();

        assertThat(documented.keySet())
                .as("%s Configuration table rows (ombc.*)", DOCUMENT)
                .containsExactlyInAnyOrderElementsOf(bound.keySet());
        bound.forEach((name, dflt) -> {
            if (dflt != null) {
                assertThat(documented.get(name).toLowerCase(java.util.Locale.ROOT))
                        .as("%s default of %s", DOCUMENT, name)
                        .contains("`" + dflt.toLowerCase(java.util.Locale.ROOT) + "`");
            }
        });
    }

    /** name -> default as text (null when the code has none, e.g. an unset URL or an empty list). */
    private static Map<String, String> boundProperties() throws IOException {
        JsonNode metadata = new ObjectMapper()
                .readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json")
                        .toFile());
        Map<String, String> out = new TreeMap<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("ombc.")) {
                JsonNode dflt = property.get("defaultValue");
                out.put(name, dflt == null || dflt.isNull() || dflt.isArray() ? null : dflt.asText());
            }
        }
        assertThat(out).as("generated configuration metadata").isNotEmpty();
        return out;
    }

    private static Map<String, String> documentedProperties() throws IOException {
        String document = Files.readString(DOCUMENT);
        int start = document.indexOf("\n## Configuration");
        assertThat(start).as("%s has a Configuration section", DOCUMENT).isPositive();
        int end = document.indexOf("\n## ", start + 1);
        String section = document.substring(start, end < 0 ? document.length() : end);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            assertThat(out.put(row.group(1), row.group(2)))
                    .as("%s lists %s once", DOCUMENT, row.group(1))
                    .isNull();
        }
        return out;
    }
}
