package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.ombc.cds.chart.ChartAssessment;
import org.ombc.cds.fhir.FhirJson;

/**
 * A worklist run over a folder of Bulk Data NDJSON files, in two passes so that memory stays bounded whatever the
 * population: the lines are spilled to temporary bucket files by patient ({@link PatientSpill}), then each bucket
 * is grouped in memory and its charts assessed in parallel, rows handed out bucket by bucket, by patient id
 * within a bucket. The temporary files are removed at the end.
 */
public final class WorklistRun {

    /** What the run did: for the closing lines and the coordinator page. */
    public record Summary(long patients, long candidates, long lines, double seconds, List<String> leftOut) {

        public double patientsPerSecond() {
            return seconds > 0 ? patients / seconds : 0;
        }
    }

    /** The input folder cannot be used: no such folder, or no Patient file in it. */
    public static final class UnusableInputException extends IOException {
        public UnusableInputException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJson fhir;
    private final ChartAssessment pipeline;
    private final PrintStream err;
    private final Duration progressEvery;

    public WorklistRun(FhirJson fhir, ChartAssessment pipeline, PrintStream err, Duration progressEvery) {
        this.fhir = fhir;
        this.pipeline = pipeline;
        this.err = err;
        this.progressEvery = progressEvery;
    }

    /**
     * Assesses every patient of the export files in {@code inputDir}.
     *
     * @param fhirServer the export's FHIR base (absolute references to it count), or null
     * @param rows       receives every row, in output order, on the calling thread
     */
    public Summary run(Path inputDir, @Nullable String fhirServer, RowSink rows) throws IOException {
        if (!Files.isDirectory(inputDir)) {
            throw new UnusableInputException("not a folder: " + inputDir);
        }
        BulkFiles files = BulkFiles.in(inputDir);
        if (!files.hasPatients()) {
            throw new UnusableInputException(
                    "no Patient*.ndjson file in " + inputDir + ": a worklist needs the export's Patient resources");
        }
        for (Path ignored : files.ignored()) {
            err.println("worklist: not read (not a chart's resource type): " + ignored.getFileName());
        }
        InputCounts counts = new InputCounts();
        Progress progress = new Progress(err, System::nanoTime, progressEvery);
        Path temp = Files.createTempDirectory("ombc-worklist-");
        try {
            long bytes = 0;
            for (Path file : files.read()) {
                bytes += Files.size(file);
            }
            int buckets = PatientSpill.bucketsFor(bytes);
            progress.phase(String.format(
                    java.util.Locale.ROOT,
                    "grouping %d files (%.1f MB) by patient into %d " + "bucket(s)",
                    files.read().size(),
                    bytes / 1e6,
                    buckets));
            List<Path> spilled = new PatientSpill(JSON, counts).spill(files.read(), temp, buckets);
            progress.phase(counts.lines() + " lines grouped; assessing each patient's chart");
            PatientCharts charts = new PatientCharts(fhir, pipeline, fhirServer, counts);
            long patients = 0;
            long candidates = 0;
            for (Path bucket : spilled) {
                List<WorklistRow> done = assessBucket(bucket, charts);
                Files.delete(bucket);
                for (WorklistRow row : done) {
                    rows.accept(row);
                    patients++;
                    candidates += row.candidate() ? 1 : 0;
                }
                progress.patientsDone(patients);
            }
            return new Summary(patients, candidates, counts.lines(), progress.seconds(), counts.summary());
        } finally {
            deleteTree(temp);
        }
    }

    /** Receives rows; may fail with an I/O error (the output file). */
    @FunctionalInterface
    public interface RowSink {
        void accept(WorklistRow row) throws IOException;
    }

    /** One bucket's charts, grouped in memory and assessed on every core, in patient id order. */
    private static List<WorklistRow> assessBucket(Path bucket, PatientCharts charts) throws IOException {
        Map<String, List<PatientCharts.Line>> byPatient = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(bucket, StandardCharsets.UTF_8)) {
            String record;
            while ((record = in.readLine()) != null) {
                int id = record.indexOf('\t');
                int source = record.indexOf('\t', id + 1);
                byPatient
                        .computeIfAbsent(record.substring(0, id), k -> new ArrayList<>())
                        .add(new PatientCharts.Line(record.substring(id + 1, source), record.substring(source + 1)));
            }
        }
        return byPatient.entrySet().parallelStream()
                .map(e -> charts.row(e.getKey(), e.getValue()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Removes the bucket files; a failure is said, not thrown, so that it cannot hide the run's own error. */
    private void deleteTree(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            err.println("worklist: could not remove the temporary folder " + dir + " (it holds patient data): "
                    + e.getMessage());
        }
    }
}
