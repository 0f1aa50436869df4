package org.ombc.cds.apps.worklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The NDJSON files of a Bulk Data export folder that a chart is made of: the resource types the hook reads
 * (its prefetch templates), named as Bulk Data names them ({@code Condition.ndjson}, {@code Condition-2.ndjson},
 * {@code Condition_1.ndjson}). Other files are listed, not read.
 */
record BulkFiles(List<Path> read, List<Path> ignored) {

    static final List<String> TYPES = List.of(
            "Patient",
            "Condition",
            "Observation",
            "MedicationRequest",
            "MedicationStatement",
            "Procedure",
            "DiagnosticReport");

    static BulkFiles in(Path dir) throws IOException {
        List<Path> read = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                (typeOf(file.getFileName().toString()) != null ? read : ignored).add(file);
            }
        }
        return new BulkFiles(List.copyOf(read), List.copyOf(ignored));
    }

    /** The resource type a file name stands for, or null: the longest type the name starts with. */
    static @Nullable String typeOf(String name) {
        if (!name.endsWith(".ndjson")) {
            return null;
        }
        String found = null;
        for (String type : TYPES) {
            if (name.startsWith(type) && (found == null || type.length() > found.length())) {
                String rest = name.substring(type.length(), name.length() - ".ndjson".length());
                if (rest.isEmpty() || !Character.isLetter(rest.charAt(0))) {
                    found = type;
                }
            }
        }
        return found;
    }

    boolean hasPatients() {
        return read.stream()
                .anyMatch(f -> "Patient".equals(typeOf(f.getFileName().toString())));
    }
}
