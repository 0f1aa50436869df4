package org.ombc.cds.apps.worklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Resource;
import org.ombc.cds.support.Vignettes;

/**
 * Charts written as a Bulk Data export writes them: one NDJSON file per resource type, one resource per line,
 * patients mixed. {@code spread} splits each type over two files ({@code Condition.ndjson},
 * {@code Condition-2.ndjson}) and shuffles the lines, so that one patient's records are far apart and out of order.
 */
final class BulkExports {

    private BulkExports() {}

    static void write(Path dir, List<? extends List<? extends Resource>> charts, boolean spread, long seed) {
        List<Resource> all = new ArrayList<>();
        charts.forEach(all::addAll);
        if (spread) {
            Collections.shuffle(all, new Random(seed));
        }
        int n = 0;
        for (Resource r : all) {
            String file = r.fhirType() + (spread && n++ % 2 == 1 ? "-2" : "") + ".ndjson";
            append(dir.resolve(file), Vignettes.FHIR.encode(r) + "\n");
        }
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
