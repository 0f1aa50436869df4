package org.ombc.cds.apps.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombc.cds.apps.sandbox.PatientBundle;
import org.ombc.cds.cards.AssessmentJson;
import org.ombc.cds.support.Vignettes;

/** The batch over NDJSON files: grouping by patient, whose data, unreadable lines, the exit codes of the command. */
class WorklistRunTest {

    static final WorklistPipeline PIPELINE = WorklistPipeline.fromClasspath(Clock.systemUTC());

    @TempDir
    @SuppressWarnings("NullAway.Init")
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static PatientBundle oligo(String id) {
        return PatientBundle.patient(id)
                .primary("2018-01-01")
                .luminal("2018-01-05")
                .imaging("2022-06-01")
                .boneLesions(2, "2022-06-01");
    }

    private Map<String, WorklistRow> run(@Nullable String fhirServer) throws Exception {
        Map<String, WorklistRow> rows = new LinkedHashMap<>();
        new WorklistRun(PIPELINE.fhir(), PIPELINE.charts(), err, java.time.Duration.ofSeconds(2))
                .run(dir, fhirServer, row -> rows.put(row.patientId(), row));
        return rows;
    }

    @Test
    void recordsOfOnePatientSpreadOverFilesAndOutOfOrderMakeOneChart() throws Exception {
        List<List<Resource>> charts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            charts.add(
                    i % 3 == 0
                            ? oligo("p" + i).resources()
                            : PatientBundle.patient("p" + i)
                                    .primary("2019-03-01")
                                    .resources());
        }
        BulkExports.write(dir, charts, true, 7);
        assertThat(dir.resolve("Condition-2.ndjson")).exists();

        Map<String, WorklistRow> rows = run(null);

        assertThat(rows).hasSize(30);
        for (int i = 0; i < 30; i++) {
            AssessmentJson alone = AssessmentJson.of(Vignettes.assess(
                    i % 3 == 0 ? oligo("p" + i) : PatientBundle.patient("p" + i).primary("2019-03-01")));
            assertThat(Objects.requireNonNull(rows.get("p" + i)).assessment())
                    .as("p%d", i)
                    .isEqualTo(alone);
        }
        assertThat(Objects.requireNonNull(rows.get("p0")).assessment().oligometastatic())
                .isEqualTo("yes");
        assertThat(Objects.requireNonNull(rows.get("p0")).assessment().lesionCount())
                .isEqualTo(2);
        assertThat(Objects.requireNonNull(rows.get("p1")).assessment().oligometastatic())
                .isNull();
    }

    @Test
    void aLineThatIsNotFhirIsNamedAndSkippedAndTheOthersAreAssessed() throws Exception {
        BulkExports.write(dir, List.of(oligo("a").resources(), oligo("b").resources()), false, 1);
        BulkExports.append(dir.resolve("Condition.ndjson"), "{not json\n");
        BulkExports.append(
                dir.resolve("Observation.ndjson"),
                "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/a\"},\"code\":7}\n");

        Map<String, WorklistRow> rows = run(null);

        assertThat(rows.keySet()).containsExactly("a", "b");
        assertThat(Objects.requireNonNull(rows.get("a")).assessment().oligometastatic())
                .isEqualTo("yes");
        String log = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("worklist: 2 line");
        assertThat(new WorklistRun(PIPELINE.fhir(), PIPELINE.charts(), err, java.time.Duration.ofSeconds(2))
                        .run(dir, null, row -> {})
                        .leftOut())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("2 line(s) skipped, not FHIR R4 JSON")
                        .contains("Condition.ndjson line ")
                        .contains("Observation.ndjson line ")
                        .doesNotContain("not json"));
    }

    @Test
    void recordsOfAGroupOfNoSubjectOrOfAnotherServerAreLeftOutAndCounted() throws Exception {
        PatientBundle chart = oligo("c");
        List<Resource> resources = new ArrayList<>(chart.resources());
        Condition lesion = (Condition)
                PatientBundle.patient("c")
                        .metastasis("extra", PatientBundle.sct("94222008"), "2022-06-01")
                        .resources()
                        .stream()
                        .filter(r -> r.getIdElement().getIdPart().contains("extra"))
                        .findFirst()
                        .orElseThrow();
        resources.add(lesion.copy().setSubject(new Reference("Group/all")).setId("g1"));
        resources.add(lesion.copy().setSubject(null).setId("g2"));
        resources.add(lesion.copy()
                .setSubject(new Reference("https://elsewhere.example/fhir/Patient/c"))
                .setId("g3"));
        resources.add(lesion.copy()
                .setSubject(new Reference("https://ehr.example/fhir/Patient/c"))
                .setId("g4"));
        BulkExports.write(dir, List.of(resources), false, 1);

        WorklistRun.Summary summary = new WorklistRun(
                        PIPELINE.fhir(), PIPELINE.charts(), err, java.time.Duration.ofSeconds(2))
                .run(dir, "https://ehr.example/fhir", row -> {
                    assertThat(row.assessment().lesionCount())
                            .as("2 bone lesions + the one of this server")
                            .isEqualTo(3);
                    assertThat(row.dataProblems()).isGreaterThanOrEqualTo(1);
                });

        assertThat(summary.patients()).isEqualTo(1);
        assertThat(summary.leftOut()).anySatisfy(l -> assertThat(l).startsWith("2 record(s) naming no patient"));
        assertThat(summary.leftOut()).anySatisfy(l -> assertThat(l).startsWith("1 record(s) whose patient reference"));
    }

    @Test
    void theCommandWritesTheCsvAndExitsZeroOrNamesUnusableInputAndExitsTwo() throws Exception {
        BulkExports.write(dir, List.of(oligo("x,1").resources()), false, 1);
        Path csv = dir.resolve("out").resolve("worklist.csv");
        Files.createDirectories(csv.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code =
                WorklistCommand.run(dir, csv, null, PIPELINE, new PrintStream(out, true, StandardCharsets.UTF_8), err);

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", WorklistCsv.HEADER));
        assertThat(lines)
                .as("'x,1' is not a FHIR id: its records name no patient")
                .hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 patients");

        Files.writeString(
                dir.resolve("Patient.ndjson"),
                Vignettes.FHIR.encode(oligo("x1").resources().get(0)) + "\n");
        BulkExports.write(
                dir,
                List.of(oligo("x1")
                        .resources()
                        .subList(1, oligo("x1").resources().size())),
                false,
                1);
        assertThat(WorklistCommand.run(dir, csv, null, PIPELINE, new PrintStream(out), err))
                .isZero();
        assertThat(Files.readString(csv)).contains("\r\nx1,yes,2,metachronous-oligorecurrence,");
        assertThat(dir.resolve("out").resolve("worklist.csv.partial")).doesNotExist();

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(WorklistCommand.run(empty, csv, null, PIPELINE, new PrintStream(out), err))
                .isEqualTo(2);
        assertThat(WorklistCommand.run(dir.resolve("missing"), csv, null, PIPELINE, new PrintStream(out), err))
                .isEqualTo(2);
        assertThat(WorklistCommand.run(
                        dir, dir.resolve("no-such-folder").resolve("w.csv"), null, PIPELINE, new PrintStream(out), err))
                .isEqualTo(2);
        assertThat(WorklistCommand.run(new String[] {"worklist", "--input"}, new PrintStream(out), err))
                .isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("no Patient*.ndjson file")
                .contains("not a folder")
                .contains("cannot write");
    }

    @Test
    void csvFieldsAreQuotedPerRfc4180() {
        assertThat(WorklistCsv.quoted("plain")).isEqualTo("plain");
        assertThat(WorklistCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(WorklistCsv.quoted("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(WorklistCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void fileNamesOfBulkDataAreReadByTypeAndOthersIgnored() {
        assertThat(BulkFiles.typeOf("Condition.ndjson")).isEqualTo("Condition");
        assertThat(BulkFiles.typeOf("Condition-2.ndjson")).isEqualTo("Condition");
        assertThat(BulkFiles.typeOf("MedicationRequest_1.ndjson")).isEqualTo("MedicationRequest");
        assertThat(BulkFiles.typeOf("Practitioner.ndjson")).isNull();
        assertThat(BulkFiles.typeOf("PatientX.ndjson")).isNull();
        assertThat(BulkFiles.typeOf("Condition.json")).isNull();
    }

    @Test
    void referencesRouteToTheirPatient() {
        assertThat(SubjectOf.fromReference("Patient/1")).isEqualTo("1");
        assertThat(SubjectOf.fromReference("https://ehr/fhir/Patient/a-b.c")).isEqualTo("a-b.c");
        assertThat(SubjectOf.fromReference("Patient/1/_history/2")).isEqualTo("1");
        assertThat(SubjectOf.fromReference("Group/1")).isNull();
        assertThat(SubjectOf.fromReference("urn:uuid:1")).isNull();
        assertThat(SubjectOf.fromReference("Patient/a b")).isNull();
    }
}
