package org.ombc.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ombc.cds.storage.DurableCommits;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator who runs the secured service on the embedded H2 file is told at start that its replay store grows
 * the file with every call (docs/storage.md); one on PostgreSQL, or the sandbox, is not.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedReplayStoreWarningTest {

    private static final String WARNING = "JWT replay protection stores each token's id in an H2 database on disk";

    @Test
    void securedServiceOnTheEmbeddedH2FileWarnsAtStart(CapturedOutput output) {
        startReplayGuard(true, "jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE");

        assertThat(output).contains(WARNING).contains("Use PostgreSQL");
    }

    @Test
    void securedServiceOnAnH2FileWithoutTheFilePrefixOrBehindAnH2ServerWarnsAtStart(CapturedOutput output) {
        startReplayGuard(true, "jdbc:h2:./data/ombc");
        assertThat(output).contains(WARNING);
        int first = output.getOut().indexOf(WARNING);

        startReplayGuard(true, "jdbc:h2:tcp://db.hospital.example:9092/./data/ombc");
        assertThat(output.getOut().indexOf(WARNING, first + 1))
                .as("second warning")
                .isPositive();
    }

    @Test
    void securedServiceOnPostgresqlDoesNotWarn(CapturedOutput output) {
        startReplayGuard(true, "jdbc:postgresql://db.hospital.example:5432/ombc");

        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void sandboxWithoutJwtsDoesNotWarn(CapturedOutput output) {
        startReplayGuard(false, "jdbc:h2:file:./data/ombc");

        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void inMemoryH2DoesNotWarn(CapturedOutput output) {
        startReplayGuard(true, "jdbc:h2:mem:ombc");

        assertThat(output).doesNotContain(WARNING);
    }

    private static void startReplayGuard(boolean jwtsRequired, String jdbcUrl) {
        JdbcTemplate jdbc = new JdbcTemplate();
        SecurityProperties security = new SecurityProperties(
                jwtsRequired,
                List.of(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                List.of(),
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                org.springframework.util.unit.DataSize.ofKilobytes(50));
        new SecurityConfiguration().replayGuard(jdbc, new DurableCommits(jdbc, jdbcUrl), Clock.systemUTC(), security);
    }
}
