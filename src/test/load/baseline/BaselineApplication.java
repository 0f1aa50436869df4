package org.ombc.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of the load run (src/test/load/run.sh): the same Spring Boot, Tomcat and Jackson as ombc-cds, serving
 * <ul>
 * <li>{@code POST /fixed}: reads the body, answers a fixed card (no parsing);</li>
 * <li>{@code POST /hapi-parse}: reads the body into a Jackson tree and parses every prefetch value with HAPI FHIR
 * (straight from the tree, the fastest way HAPI offers), then answers the same fixed card.</li>
 * </ul>
 * No security, database or actuator: the floor is the web stack and HAPI alone. Not part of the build: run.sh
 * compiles it against the application's classpath and starts it with {@code --spring.config.name=baseline}.
 */
@SpringBootApplication(
        exclude = {
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            DataSourceAutoConfiguration.class
        })
@RestController
public class BaselineApplication {

    public record Card(String uuid, String summary, String indicator, Map<String, String> source) {}

    public record Response(List<Card> cards) {}

    private static final Response FIXED = new Response(List.of(new Card(
            "6c0c8c8e-6f61-4f4e-9a53-5b1f9d3f1a10",
            "Oligometastatic breast cancer: consider metastasis-directed therapy",
            "warning",
            Map.of("label", "baseline"))));

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final ObjectReader reader = new ObjectMapper()
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFactory.withExactBigDecimals(true));

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @PostMapping(path = "/fixed", consumes = "application/json", produces = "application/json")
    public Response fixed(@RequestBody byte[] body) {
        return FIXED;
    }

    @PostMapping(path = "/hapi-parse", consumes = "application/json", produces = "application/json")
    public Response hapiParse(@RequestBody byte[] body) throws Exception {
        JsonNode prefetch = reader.readTree(body).path("prefetch");
        int resources = 0;
        for (Iterator<JsonNode> values = prefetch.elements(); values.hasNext(); ) {
            JsonNode value = values.next();
            if (value instanceof ObjectNode object) {
                JacksonStructure structure = new JacksonStructure();
                structure.setNativeObject(object);
                resources += ((IJsonLikeParser) fhir.newJsonParser()).parseResource(structure) == null ? 0 : 1;
            }
        }
        if (resources == 0) {
            throw new IllegalArgumentException("no prefetch");
        }
        return FIXED;
    }
}
