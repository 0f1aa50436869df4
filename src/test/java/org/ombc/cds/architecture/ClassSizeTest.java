package org.ombc.cds.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A class a newcomer can read in one sitting (HELPERS.md style; issue 17): no main source file over
 * {@value #MAX_LINES} lines. A longer one is several classes in one; split it along its seams.
 */
class ClassSizeTest {

    private static final int MAX_LINES = 300;

    @Test
    void noMainClassIsOverThreeHundredLines() throws IOException {
        Path root = Path.of("src/main/java");
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.put(name, lines);
                }
            }
        }
        assertThat(tooLong).as("main classes over %d lines", MAX_LINES).isEmpty();
    }
}
