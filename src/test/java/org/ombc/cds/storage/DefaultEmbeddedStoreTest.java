package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped default database (application.yml) is the store chosen by measurement (docs/storage-choice.md):
 * SQLite in WAL mode with each commit on disk when it returns. A URL edited without those settings would lose
 * acknowledged feedback or seen token ids on a crash, which this test catches.
 */
class DefaultEmbeddedStoreTest {

    @Test
    void theDefaultUrlOpensSqliteInWalModeWithFullSynchronousCommits(@TempDir Path dir) throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty("spring.datasource.url");

        assertThat(url).startsWith("jdbc:sqlite:./data/");
        String inTempDir = url.replace("./data/", dir.toAbsolutePath() + "/");
        try (Connection connection = DriverManager.getConnection(inTempDir);
                Statement statement = connection.createStatement()) {
            try (ResultSet journal = statement.executeQuery("pragma journal_mode")) {
                assertThat(journal.next()).isTrue();
                assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet synchronous = statement.executeQuery("pragma synchronous")) {
                assertThat(synchronous.next()).isTrue();
                assertThat(synchronous.getInt(1)).as("2 is FULL").isEqualTo(2);
            }
        }
    }
}
