package org.ombc.cds.bench;

import static org.ombc.cds.apps.sandbox.PatientBundle.icd;
import static org.ombc.cds.apps.sandbox.PatientBundle.sct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.OmbcCards;
import org.ombc.cds.chart.fetch.PatientData;
import org.ombc.cds.chart.fetch.PatientDataService;
import org.ombc.cds.chart.mapping.FhirToOmbc;
import org.ombc.cds.logic.Assessment;
import org.ombc.cds.logic.OmbcAssessor;
import org.ombc.cds.protocol.json.CdsHooksModel;
import org.ombc.cds.support.Fetchers;
import org.ombc.cds.support.Vignettes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The work of one patient-view call for a realistic chart (about 60 resources in 7 prefetch keys): parse the
 * prefetch with HAPI, map to the OMBC model, assess, build the cards and write the JSON answer. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class HookBenchmark {

    private final ObjectMapper json = new ObjectMapper();
    private Map<String, JsonNode> prefetch;
    private PatientDataService data;
    private FhirToOmbc mapper;
    private OmbcAssessor assessor;
    private OmbcCards cards;
    private List<Resource> resources;
    private byte[] requestBytes;
    private com.fasterxml.jackson.databind.ObjectReader requestReader;

    @Setup
    public void setUp() throws Exception {
        PatientBundle chart = realisticChart();
        resources = chart.resources();
        prefetch = Prefetch.of(json, chart);
        data = new PatientDataService(Vignettes.FHIR, Fetchers.offline(), null);
        mapper = new FhirToOmbc(Vignettes.TERMINOLOGY);
        assessor = new OmbcAssessor(Vignettes.TERMINOLOGY.knowledgeVersion(), Vignettes.PROFILES.trials());
        cards = new OmbcCards(Vignettes.FHIR, json, Vignettes.TERMINOLOGY, "ombc-cds");
        var body = json.createObjectNode().put("hook", "patient-view").put("hookInstance", "h-1");
        body.putObject("context").put("patientId", "bench-1").put("userId", "Practitioner/1");
        body.set("prefetch", json.valueToTree(prefetch));
        requestBytes = json.writeValueAsBytes(body);
        requestReader = json.readerFor(CdsHooksModel.Request.class)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        if (resources.size() < 55) {
            throw new IllegalStateException("chart too small: " + resources.size());
        }
    }

    /** The whole call: prefetch JSON to response JSON. */
    @Benchmark
    public String parseMapAssessCards() throws Exception {
        PatientData patientData = data.gather("bench-1", prefetch, null, null);
        Assessment assessment = assessor.assess(mapper.map(patientData.resources()));
        return json.writeValueAsString(new CdsHooksModel.Response(cards.cards(assessment, "bench-1", List.of()), null));
    }

    /** Parse once: the request bytes bound to the model, the prefetch trees handed to HAPI as they are. */
    @Benchmark
    public int requestToResourcesParseOnce() throws Exception {
        CdsHooksModel.Request request = requestReader.readValue(requestBytes);
        int n = 0;
        for (JsonNode value : request.prefetch().values()) {
            n += org.ombc.cds.fhir.FhirJson.resourcesOf(Vignettes.FHIR.parse(value))
                    .size();
        }
        return n;
    }

    /** Before: the request read into a tree, bound, each prefetch value written back to text and parsed again. */
    @Benchmark
    public int requestToResourcesWriteBackAndReparse() throws Exception {
        JsonNode tree = json.readTree(requestBytes);
        CdsHooksModel.Request request = json.treeToValue(tree, CdsHooksModel.Request.class);
        int n = org.ombc.cds.privacy.Hashes.sha256(tree.toString()).length() > 0 ? 0 : 1;
        for (JsonNode value : request.prefetch().values()) {
            n += org.ombc.cds.fhir.FhirJson.resourcesOf(Vignettes.FHIR.parse(value.toString()))
                    .size();
        }
        return n;
    }

    /**
     * Writes the benchmark's chart as a patient-view request, the body of the load run ({@code src/test/load}):
     * {@code java -cp <test classpath> org.ombc.cds.bench.HookBenchmark src/test/load/full-chart.request.json}.
     */
    public static void main(String[] args) throws Exception {
        HookBenchmark benchmark = new HookBenchmark();
        benchmark.setUp();
        JsonNode request = benchmark.json.readTree(benchmark.requestBytes);
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), benchmark.json.writeValueAsString(request));
    }

    /** The clinical logic alone, on resources already parsed. */
    @Benchmark
    public Assessment mapAndAssess() {
        return assessor.assess(mapper.map(resources));
    }

    /**
     * A treated luminal patient with a relapse: 3 lesions in 2 organs, an older resolved lesion, repeated receptor,
     * nodal and imaging results, 2 years of therapy, and vital-sign-like noise the logic must skip.
     */
    static PatientBundle realisticChart() {
        PatientBundle chart = PatientBundle.patient("bench-1")
                .primary("2016-02-10")
                .nCategory("pN1a", "2016-03-01")
                .luminal("2016-02-20")
                .luminal("2019-06-01")
                .er(true, "2021-04-01")
                .mastectomy("2016-03-01")
                .endocrineTherapy("2016-04-01", "2021-04-01")
                .pastMetastasis("old-lung", sct("94391008"), "2019-05-01", "2019-09-01")
                .metastasis("bone-1", icd("C79.51"), "2021-03-20")
                .lesionCount("bone-1", 2)
                .metastasis("liver-1", sct("94381002"), "2021-03-20")
                .lesionSize("liver-1", 18, "mm")
                .progression(false, "2021-06-01");
        for (int i = 0; i < 12; i++) {
            chart.imaging((2016 + i / 2) + "-0" + (1 + i % 9) + "-10");
        }
        for (int i = 0; i < 24; i++) {
            var obs = chart.observation(
                    PatientBundle.code(PatientBundle.LOINC, "8867-4"), "2020-0" + (1 + i % 9) + "-01");
            obs.setValue(new org.hl7.fhir.r4.model.Quantity(70 + i));
            chart.add(obs);
        }
        for (int i = 0; i < 6; i++) {
            chart.add(chart.condition("other", sct("38341003"), "2010-01-01", "active"));
        }
        return chart;
    }

    /** Splits a chart into the seven prefetch keys, each a searchset Bundle, as an EHR would send it. */
    static final class Prefetch {
        private Prefetch() {}

        static Map<String, JsonNode> of(ObjectMapper json, PatientBundle chart) throws Exception {
            Map<String, String> keys = Map.of(
                    "Condition",
                    "conditions",
                    "Observation",
                    "observations",
                    "MedicationRequest",
                    "medicationRequests",
                    "MedicationStatement",
                    "medicationStatements",
                    "Procedure",
                    "procedures",
                    "DiagnosticReport",
                    "diagnosticReports");
            Map<String, JsonNode> prefetch = new java.util.HashMap<>();
            prefetch.put(
                    "patient",
                    json.readTree(Vignettes.FHIR.encode(chart.resources().get(0))));
            for (var entry : keys.entrySet()) {
                Bundle bundle = PatientBundle.bundleOf(chart.resources().stream()
                        .filter(r -> r.fhirType().equals(entry.getKey()))
                        .toList());
                bundle.setType(Bundle.BundleType.SEARCHSET);
                prefetch.put(entry.getValue(), json.readTree(Vignettes.FHIR.encode(bundle)));
            }
            return prefetch;
        }
    }
}
