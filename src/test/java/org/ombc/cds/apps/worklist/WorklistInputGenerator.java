package org.ombc.cds.apps.worklist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.apps.sandbox.DemoPatient;
import org.ombc.cds.apps.sandbox.SyntheticPatients;
import org.ombc.cds.apps.sandbox.VignetteCatalogue;
import org.ombc.cds.support.Vignettes;

/**
 * Writes a Bulk Data export of {@code n} synthetic patients for the worklist measurement (docs/worklist.md):
 * every tenth a sandbox demo case, the others random charts with 0 to 9 lesions, each under a new id
 * ({@code w1}, {@code w2}, ...), one NDJSON file per resource type, patients interleaved as an export writes them.
 * {@code java -cp ... org.ombc.cds.apps.worklist.WorklistInputGenerator DIR [N] [SEED]}
 */
public final class WorklistInputGenerator {

    private WorklistInputGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 28;
        long lines = write(dir, n, seed);
        System.out.println(n + " patients, " + lines + " lines in " + dir);
    }

    static long write(Path dir, int n, long seed) throws IOException {
        List<DemoPatient> demos = VignetteCatalogue.cases();
        Random random = new Random(seed);
        Map<String, BufferedWriter> files = new HashMap<>();
        long lines = 0;
        try {
            for (int i = 1; i <= n; i++) {
                List<Resource> chart = i % 10 == 0
                        ? demos.get((i / 10) % demos.size()).resources()
                        : SyntheticPatients.randomChart(random, random.nextInt(10))
                                .resources();
                String oldId = chart.stream()
                        .filter(Patient.class::isInstance)
                        .findFirst()
                        .orElseThrow()
                        .getIdElement()
                        .getIdPart();
                String newId = "w" + i;
                for (Resource r : chart) {
                    Resource copy = r.copy();
                    if (copy instanceof Patient) {
                        copy.setId(newId);
                    }
                    String json = Vignettes.FHIR
                            .encode(copy)
                            .replace(
                                    "\"reference\":\"Patient/" + oldId + "\"",
                                    "\"reference\":\"Patient/" + newId + "\"");
                    BufferedWriter out = files.get(r.fhirType());
                    if (out == null) {
                        out = Files.newBufferedWriter(dir.resolve(r.fhirType() + ".ndjson"), StandardCharsets.UTF_8);
                        files.put(r.fhirType(), out);
                    }
                    out.write(json);
                    out.write('\n');
                    lines++;
                }
            }
        } finally {
            for (BufferedWriter out : files.values()) {
                out.close();
            }
        }
        return lines;
    }
}
