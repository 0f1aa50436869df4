package org.ombc.cds.apps.worklist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar ombc-cds.jar worklist --input DIR --output FILE.csv [--fhir-server URL]}: the worklist of a
 * Bulk Data export folder, without the web server or the database. Exit 0 when the CSV is written (lines that
 * cannot be read are named on stderr and skipped: one broken line must not cost a night's worklist); 2 when the
 * input or output cannot be used; 1 on an I/O failure during the run. The CSV is written to a temporary file
 * beside {@code FILE} and moved into place at the end, so that a failed run never leaves half a worklist.
 */
public final class WorklistCommand {

    public static final String NAME = "worklist";
    static final String USAGE = "usage: worklist --input DIR --output FILE.csv [--fhir-server URL]";

    private WorklistCommand() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path input = null;
        Path output = null;
        String fhirServer = null;
        for (int i = 1; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> input = value == null ? null : Path.of(value);
                case "--output" -> output = value == null ? null : Path.of(value);
                case "--fhir-server" -> fhirServer = value;
                default -> {
                    err.println("worklist: unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (input == null || output == null) {
            err.println(USAGE);
            return 2;
        }
        return run(input, output, fhirServer, WorklistPipeline.fromClasspath(Clock.systemUTC()), out, err);
    }

    static int run(
            Path input,
            Path output,
            @Nullable String fhirServer,
            WorklistPipeline pipeline,
            PrintStream out,
            PrintStream err) {
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            err.println("worklist: cannot write " + output + ": its folder does not exist or is not writable");
            return 2;
        }
        Path partial = dir.resolve(output.getFileName() + ".partial");
        try {
            WorklistRun.Summary summary;
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                WorklistCsv csv = new WorklistCsv(writer);
                summary = new WorklistRun(pipeline.fhir(), pipeline.charts(), err, Duration.ofSeconds(2))
                        .run(input, fhirServer, csv::write);
            }
            Files.move(
                    partial,
                    output,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (String line : summary.leftOut()) {
                err.println("worklist: " + line);
            }
            out.println(String.format(
                    Locale.ROOT,
                    "worklist: %d patients (%d oligometastatic) from %d lines in " + "%.1f s, %.0f patients/s: %s",
                    summary.patients(),
                    summary.candidates(),
                    summary.lines(),
                    summary.seconds(),
                    summary.patientsPerSecond(),
                    output));
            return 0;
        } catch (WorklistRun.UnusableInputException e) {
            err.println("worklist: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("worklist: failed: " + e.getMessage());
            return 1;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                err.println("worklist: could not remove " + partial + ": " + e.getMessage());
            }
        }
    }
}
