package org.ombc.cds.apps.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The first pass: every line of every file goes, unchanged, to one of {@code n} bucket files chosen by a hash of
 * its patient, so that each bucket holds whole charts and is small enough to group in memory. Memory is the
 * write buffers alone, whatever the input's size; one sequential read and one write of the input on disk.
 * A record is {@code patientId TAB source TAB json}: the source (file and line number) names a line that cannot
 * be read without quoting it.
 */
final class PatientSpill {

    /** Input bytes per bucket: a bucket is read whole into memory in the second pass. */
    static final long BUCKET_BYTES = 16L * 1024 * 1024;
    /** Open bucket files at most; beyond it buckets grow instead (16 KB of write buffer each). */
    static final int MAX_BUCKETS = 2048;

    private static final int BUFFER = 16 * 1024;

    private final ObjectMapper json;
    private final InputCounts counts;

    PatientSpill(ObjectMapper json, InputCounts counts) {
        this.json = json;
        this.counts = counts;
    }

    static int bucketsFor(long inputBytes) {
        return (int) Math.max(1, Math.min(MAX_BUCKETS, (inputBytes + BUCKET_BYTES - 1) / BUCKET_BYTES));
    }

    static int bucketOf(String patientId, int buckets) {
        return Math.floorMod(patientId.hashCode(), buckets);
    }

    /** Spills {@code files} into {@code buckets} files under {@code tempDir}; returns them in bucket order. */
    List<Path> spill(List<Path> files, Path tempDir, int buckets) throws IOException {
        List<Path> paths = new ArrayList<>(buckets);
        List<BufferedWriter> writers = new ArrayList<>(buckets);
        try {
            for (int i = 0; i < buckets; i++) {
                Path path = tempDir.resolve("bucket-" + i + ".tsv");
                paths.add(path);
                writers.add(new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER));
            }
            for (Path file : files) {
                spillFile(file, writers);
            }
        } catch (Throwable t) {
            // The spill's own failure is the one reported; a writer that also fails to close is added to it.
            IOException close = closeAll(writers);
            if (close != null) {
                t.addSuppressed(close);
            }
            throw t;
        }
        IOException close = closeAll(writers);
        if (close != null) {
            throw close;
        }
        return paths;
    }

    /** Closes every writer; returns the first failure, or null. */
    private static @Nullable IOException closeAll(List<BufferedWriter> writers) {
        IOException first = null;
        for (BufferedWriter writer : writers) {
            try {
                writer.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        return first;
    }

    private void spillFile(Path file, List<BufferedWriter> writers) throws IOException {
        String name = file.getFileName().toString().replace('\t', ' ');
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                counts.lineRead();
                JsonNode resource;
                try {
                    resource = json.readTree(line);
                } catch (JsonProcessingException e) {
                    counts.unreadable(name + " line " + number + ": not JSON");
                    continue;
                }
                if (resource == null || !resource.isObject()) {
                    counts.unreadable(name + " line " + number + ": not a JSON object");
                    continue;
                }
                String type = resource.path("resourceType").asText("");
                if (!BulkFiles.TYPES.contains(type)) {
                    counts.otherType(type.isEmpty() ? "(no resourceType)" : type);
                    continue;
                }
                String patientId = SubjectOf.patientId(resource);
                if (patientId == null) {
                    counts.noPatient(type);
                    continue;
                }
                BufferedWriter out = writers.get(bucketOf(patientId, writers.size()));
                out.write(patientId);
                out.write('\t');
                out.write(name);
                out.write(" line ");
                out.write(Long.toString(number));
                out.write('\t');
                out.write(line);
                out.write('\n');
            }
        }
    }
}
