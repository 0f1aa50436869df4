package org.ombc.cds.outside;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The census of issue #25: every Synthea person of a generated population, sent to a running service as the
 * {@code POST /ombc/assessment} Bundle and as the patient-view prefetch, counted against what Synthea itself
 * recorded (its breast cancer Conditions, its stage IV / M1 staging, its receptor results). Prints a Markdown
 * table. Run by {@code src/test/outside/synthea-census.sh}; not part of the build.
 *
 * <p>Arguments: the folder of Synthea's FHIR Bundles, the service's base URL.
 */
public final class SyntheaCensus {

    private static final String BREAST_CANCER = "254837009";
    private static final String M1 = "55440008";
    private static final String POSITIVE = "10828004";
    private static final String NEGATIVE = "260385009";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, Integer> counts = new TreeMap<>();

    private SyntheaCensus(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SyntheaCensus SYNTHEA_FHIR_DIR SERVICE_BASE_URL");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            // Synthea writes the hospitals and practitioners into files of their own: not persons.
            files = list.filter(p -> p.toString().endsWith(".json")
                            && !p.getFileName().toString().matches("(hospital|practitioner)Information.*"))
                    .sorted()
                    .toList();
        }
        SyntheaCensus census = new SyntheaCensus(args[1]);
        for (Path file : files) {
            census.count(file);
        }
        census.print();
    }

    private void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private int get(String key) {
        return counts.getOrDefault(key, 0);
    }

    private void count(Path file) throws IOException, InterruptedException {
        String body = Files.readString(file);
        JsonNode bundle = HookPrefetch.JSON.readTree(body);
        add("persons");
        Truth truth = Truth.of(bundle);
        if (truth.breastCancer()) {
            add("synthea breast cancer");
            add("synthea subtype " + truth.subtype());
            if (truth.stageFour()) {
                add("synthea stage IV / M1");
            }
        }
        HttpResponse<String> api = post("/ombc/assessment", "application/fhir+json", body);
        if (api.statusCode() != 200) {
            add("assessment API refused HTTP " + api.statusCode() + (truth.breastCancer() ? " (breast cancer)" : ""));
        } else {
            JsonNode a = HookPrefetch.JSON.readTree(api.body());
            if (a.path("breastCancer").asBoolean()) {
                add("service breast cancer");
                add("service subtype " + a.path("subtype").asText());
                if (!truth.breastCancer()) {
                    add("service breast cancer, Synthea none");
                }
            }
            if (a.path("metastatic").asBoolean()) {
                add("service metastatic");
            }
            if (truth.stageFour() && a.path("metastatic").asBoolean()) {
                add("stage IV recognised as metastatic");
            }
            if (truth.breastCancer() && a.path("subtype").asText().equals(truth.subtype())) {
                add("subtype agrees with Synthea");
            }
        }
        String request = HookPrefetch.JSON.writeValueAsString(
                HookPrefetch.request(HookPrefetch.of(bundle), UUID.randomUUID().toString()));
        HttpResponse<String> hook = post("/cds-services/ombc-patient-view", "application/json", request);
        if (hook.statusCode() != 200) {
            add("hook refused HTTP " + hook.statusCode() + (truth.breastCancer() ? " (breast cancer)" : ""));
        } else {
            for (JsonNode card : HookPrefetch.JSON.readTree(hook.body()).path("cards")) {
                if (card.path("detail").asText().startsWith("The assessment is incomplete")) {
                    add("hook data-quality card");
                    if (card.path("detail").asText().contains("Not used as recorded")) {
                        add("hook data-quality card naming records not used");
                    }
                }
            }
        }
    }

    private HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void print() {
        System.out.println("| count | Synthea (its own records) | service |");
        System.out.println("|---|---|---|");
        System.out.printf("| persons | %d | %d sent |%n", get("persons"), get("persons"));
        System.out.printf(
                "| breast cancer patients | %d | %d recognised (%d of them without a Synthea breast cancer)" + " |%n",
                get("synthea breast cancer"), get("service breast cancer"), get("service breast cancer, Synthea none"));
        System.out.printf(
                "| metastatic (Synthea stage IV / M1) | %d | %d metastatic, %d of the stage IV |%n",
                get("synthea stage IV / M1"), get("service metastatic"), get("stage IV recognised as metastatic"));
        for (String subtype : List.of("hr-positive-her2-negative", "her2-positive", "triple-negative", "unknown")) {
            System.out.printf(
                    "| subtype %s | %d | %d |%n",
                    subtype, get("synthea subtype " + subtype), get("service subtype " + subtype));
        }
        System.out.printf(
                "| subtype the same as Synthea's | | %d of %d |%n",
                get("subtype agrees with Synthea"), get("synthea breast cancer"));
        List<String> refused =
                counts.keySet().stream().filter(key -> key.contains("refused")).toList();
        if (refused.isEmpty()) {
            System.out.println("| charts refused (an HTTP status other than 200), either path | | 0 |");
        }
        refused.forEach(key -> System.out.printf("| %s | | %d |%n", key, get(key)));
        System.out.printf(
                "| hook answers with a data-quality card | | %d (%d naming records not used) |%n",
                get("hook data-quality card"), get("hook data-quality card naming records not used"));
    }

    /** What Synthea recorded: its breast cancer Condition, its stage IV or M1, and the subtype its receptors give. */
    private record Truth(boolean breastCancer, boolean stageFour, String subtype) {

        static Truth of(JsonNode bundle) {
            boolean cancer = false;
            boolean four = false;
            Map<String, String> receptors = new TreeMap<>();
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode r = entry.path("resource");
                String type = r.path("resourceType").asText();
                String code = r.path("code").path("coding").path(0).path("code").asText();
                JsonNode value = r.path("valueCodeableConcept").path("coding").path(0);
                if (type.equals("Condition") && code.equals(BREAST_CANCER)) {
                    cancer = true;
                } else if (type.equals("Observation")) {
                    four |= code.equals("21907-1")
                            && value.path("code").asText().equals(M1);
                    four |= code.equals("21908-9")
                            && value.path("display").asText().startsWith("Stage 4");
                    if (List.of("85337-4", "85339-0", "85319-2").contains(code)) {
                        // Synthea writes each receptor once, at diagnosis: the last one read is the only one.
                        receptors.put(code, value.path("code").asText());
                    }
                }
            }
            return new Truth(cancer, four, subtype(receptors));
        }

        /** clinical-rules 2, from Synthea's IHC results (its FISH ratio agreed with them in every chart we read). */
        private static String subtype(Map<String, String> r) {
            String er = r.get("85337-4");
            String pr = r.get("85339-0");
            String her2 = r.get("85319-2");
            if (POSITIVE.equals(her2)) {
                return "her2-positive";
            }
            boolean hrPositive = POSITIVE.equals(er) || POSITIVE.equals(pr);
            if (hrPositive && NEGATIVE.equals(her2)) {
                return "hr-positive-her2-negative";
            }
            if (NEGATIVE.equals(er) && NEGATIVE.equals(pr) && NEGATIVE.equals(her2)) {
                return "triple-negative";
            }
            return "unknown";
        }
    }
}
