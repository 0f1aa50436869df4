package org.ombc.cds.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real application as an operating-system process ({@code java -cp target/classes:<runtime dependencies>}), on a
 * random port, in a working directory of the test's choosing (so the default {@code ./data/} H2 database lands
 * there). It can be killed as a crash kills it ({@code SIGKILL}: no shutdown hook, nothing flushed) or stopped as
 * an operator stops it ({@code SIGTERM}: graceful shutdown).
 */
public final class ClasspathApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ClasspathApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the application and waits until it serves HTTP.
     *
     * @param jvmOptions options of the application's JVM, if any
     */
    public static ClasspathApp start(Path workDir, List<String> jvmOptions, List<String> args) {
        try {
            Path log = Files.createTempFile(workDir, "app-", ".log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            // Lean restarts: the client compiler only, a small serial heap.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp",
                    classpath(),
                    "org.ombc.cds.OmbcCdsApplication",
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO"));
            command.addAll(args);
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int[] port = {0};
            try {
                await().atMost(START_TIMEOUT)
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> !process.isAlive() || (port[0] = port(log)) > 0);
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the application did not start in time; its log: " + tail(log), e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited at start; its log: " + tail(log));
            }
            return new ClasspathApp(process, log, port[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port from Tomcat's "started on port" line, or 0 while there is none. */
    private static int port(Path log) throws IOException {
        Matcher started = STARTED.matcher(Files.readString(log));
        return started.find() ? Integer.parseInt(started.group(1)) : 0;
    }

    /** target/classes and the runtime dependencies written by the build (target/runtime-classpath.txt). */
    private static String classpath() throws IOException {
        Path dependencies = Path.of("target", "runtime-classpath.txt");
        if (!Files.exists(dependencies)) {
            throw new IllegalStateException("target/runtime-classpath.txt is missing: run the build through Maven");
        }
        return Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(dependencies).trim();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code kill -9}: the process ends at once, as in a crash or an OOM killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application survived SIGKILL");
        }
    }

    /** {@code kill} (SIGTERM): Spring's graceful shutdown; returns once the process has exited. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not stop within 60 s; its log: " + tail(log));
        }
    }

    public String log() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
