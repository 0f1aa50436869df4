package org.ombc.cds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.ombc.cds.support.HookRequests;
import org.ombc.cds.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fuzzing (issue 11): the example hook requests and {@code /ombc/assessment} bodies, mutated at any JSON path
 * (a value of another JSON type, null, huge numbers, deep nesting, long strings), never get a 5xx, never a stack
 * trace or an exception class name in the body, and are answered within 2 s. jqwik generates the mutations; the
 * calls go through the shared Spring test context.
 */
@HttpTest
class MalformedInputFuzzTest {

    /** Writes nesting deeper than Jackson's default limit: the service's reader must refuse it, not the test's. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(10_000)
                    .build())
            .build());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CALLS = Integer.getInteger("fuzz.calls", 80);

    @Autowired
    MockMvc mvc;

    /** A mutation: the value at {@code path} replaced by {@code value}. */
    record Mutation(JsonPointer path, JsonNode value) {
        @Override
        public String toString() {
            String shown = value.toString();
            return path + " := " + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown);
        }
    }

    private static List<JsonNode> hookRequests() {
        try (Stream<Path> files = Files.list(HookRequests.DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".request.json"))
                    .sorted()
                    .map(f -> {
                        ObjectNode request = (ObjectNode) HookRequests.read(f);
                        if (request.has("fhirServer")) {
                            // A closed port: nothing on this machine is called by the fuzz.
                            request.put("fhirServer", "http://127.0.0.1:1/fhir");
                        }
                        return (JsonNode) request;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> assessmentBodies() {
        try (Stream<Path> files = Files.list(Path.of("fhir-profiles", "examples"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("Bundle-"))
                    .sorted()
                    .map(HookRequests::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path in the document, the root excluded. */
    private static List<JsonPointer> paths(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                JsonPointer child = at.append(
                        JsonPointer.compile("/" + name.replace("~", "~0").replace("/", "~1")));
                out.add(child);
                paths(node.get(name), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.append(JsonPointer.compile("/" + i));
                out.add(child);
                paths(node.get(i), child, out);
            }
        }
        return out;
    }

    private static Arbitrary<JsonNode> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890123456789", "1e-400", "-0")
                        .map(n -> n.contains("e") || n.contains("-0")
                                ? NODES.numberNode(new BigDecimal(n))
                                : NODES.numberNode(new BigInteger(n))),
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.of("2019-13-45", "9999-12-31", "0000-00-00", "2019-02-30T25:61:00Z", "yesterday", "")
                        .map(NODES::textNode),
                Arbitraries.integers().between(1_000, 60_000).map(n -> NODES.textNode("x".repeat(n))),
                Arbitraries.create(NODES::objectNode),
                Arbitraries.create(NODES::arrayNode),
                Arbitraries.create(() -> (JsonNode)
                        NODES.arrayNode().add(1).add("x").add(NODES.nullNode()).add(NODES.objectNode())),
                Arbitraries.integers().between(2, 1_200).map(MalformedInputFuzzTest::nested));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static Arbitrary<String> mutated(List<JsonNode> documents) {
        return Arbitraries.of(documents).flatMap(doc -> {
            List<JsonPointer> paths = paths(doc, JsonPointer.empty(), new ArrayList<>());
            Arbitrary<Mutation> mutation =
                    Combinators.combine(Arbitraries.of(paths), hostileValues()).as(Mutation::new);
            return mutation.list().ofMinSize(1).ofMaxSize(3).map(list -> apply(doc, list));
        });
    }

    /**
     * Each value is copied in: a later mutation may write inside an earlier one's value, and a node shared between
     * two places (or samples) would let it write a cycle that no client can send.
     */
    private static String apply(JsonNode doc, List<Mutation> mutations) {
        JsonNode copy = doc.deepCopy();
        for (Mutation generated : mutations) {
            Mutation m = new Mutation(generated.path(), generated.value().deepCopy());
            JsonNode parent = copy.at(m.path().head());
            String last = m.path().last().getMatchingProperty();
            if (parent instanceof ObjectNode object) {
                object.set(last, m.value());
            } else if (parent instanceof ArrayNode array
                    && m.path().last().getMatchingIndex() >= 0
                    && m.path().last().getMatchingIndex() < array.size()) {
                array.set(m.path().last().getMatchingIndex(), m.value());
            }
        }
        try {
            return JSON.writeValueAsString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertNeverAServerFailure(String path, String contentType, String body) throws Exception {
        long started = System.nanoTime();
        MockHttpServletResponse response = mvc.perform(
                        post(path).contentType(contentType).content(body))
                .andReturn()
                .getResponse();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String answer = response.getContentAsString();
        String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
        assertThat(response.getStatus()).as("status for %s", shown).isLessThan(500);
        assertThat(answer)
                .as("body for %s", shown)
                .doesNotContain("Exception", "\tat ", "java.", "ca.uhn.", "org.ombc.", "org.springframework.");
        assertThat(millis).as("ms for %s", shown).isLessThan(2000);
    }

    @Test
    void mutatedHookRequestsNeverFailTheServer() throws Exception {
        List<JsonNode> requests = hookRequests();
        assertNeverAServerFailure(
                "/cds-services/ombc-patient-view",
                MediaType.APPLICATION_JSON_VALUE,
                JSON.writeValueAsString(requests.get(0)));
        for (String body : (Iterable<String>) mutated(requests).sampleStream().limit(CALLS)::iterator) {
            assertNeverAServerFailure("/cds-services/ombc-patient-view", MediaType.APPLICATION_JSON_VALUE, body);
        }
    }

    @Test
    void mutatedAssessmentBodiesNeverFailTheServer() throws Exception {
        List<JsonNode> bundles = assessmentBodies();
        assertNeverAServerFailure("/ombc/assessment", "application/fhir+json", JSON.writeValueAsString(bundles.get(0)));
        for (String body : (Iterable<String>) mutated(bundles).sampleStream().limit(CALLS)::iterator) {
            assertNeverAServerFailure("/ombc/assessment", "application/fhir+json", body);
        }
    }

    /** The two shapes issue 11 reported as 500 with an 85-line stack trace, named. */
    @Test
    void anEntryResourceThatIsNotAnObjectOrAnExtensionHoldingAStringIs400NamingTheKey() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.at("/prefetch/conditions/entry/0")).put("resource", "not an object");
        MockHttpServletResponse response = mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(request)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("prefetch.conditions");

        request = HookRequests.load("ombc-candidate");
        ((ObjectNode) request.at("/prefetch/observations/entry/0/resource"))
                .putArray("extension")
                .add("x");
        response = mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(request)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("prefetch.observations");

        ObjectNode bundle = (ObjectNode) assessmentBodies().get(1);
        ((ObjectNode) bundle.at("/entry/0")).put("resource", 7);
        response = mvc.perform(post("/ombc/assessment")
                        .contentType("application/fhir+json")
                        .content(JSON.writeValueAsString(bundle)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void oneUnreadableDateIsIgnoredAndItsRecordNamedOnTheDataQualityCard() throws Exception {
        ObjectNode request = HookRequests.load("ombc-candidate");
        request.put("hookInstance", java.util.UUID.randomUUID().toString());
        ObjectNode count = (ObjectNode) request.at("/prefetch/observations/entry/0/resource");
        count.put("effectiveDateTime", "2019-13-45");
        MockHttpServletResponse response = mvc.perform(post("/cds-services/ombc-patient-view")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(HookRequests.text(request)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("Observation " + count.get("id").asText()
                        + " has a date that cannot be read (effective): it was ignored");
    }
}
