package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped default database (application.yml) opens as an H2 file with the 4 MB page cache that keeps the
 * collector's pauses short at clinical rates (docs/performance.md): a URL edited without it would open with H2's
 * 16 MB again, which this test catches.
 */
class DefaultEmbeddedStoreTest {

    @Test
    void theDefaultUrlOpensAnH2FileWithAFourMegabytePageCache(@TempDir Path dir) throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty("spring.datasource.url");

        assertThat(DatabaseUrls.isH2OnDisk(url))
                .as("an H2 file, made durable by checkpoints")
                .isTrue();
        String inTempDir =
                url.replace("./data/ombc", dir.resolve("ombc").toAbsolutePath().toString());
        try (Connection connection = DriverManager.getConnection(inTempDir, "sa", "");
                ResultSet cache = connection
                        .createStatement()
                        .executeQuery(
                                "select setting_value from information_schema.settings where setting_name = 'CACHE_SIZE'")) {
            assertThat(cache.next()).isTrue();
            assertThat(cache.getString(1)).isEqualTo("4096");
        }
    }
}
