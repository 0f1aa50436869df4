package org.ombc.cds.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedDatabaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE", "jdbc:h2:./data/ombc",
            "jdbc:h2:~/ombc;WRITE_DELAY=0", "jdbc:h2:mem:ombc;DB_CLOSE_DELAY=-1", "JDBC:H2:FILE:/var/lib/ombc/db",
            "jdbc:h2:file:./data/ombc;AUTO_SERVER=FALSE"})
    void anEmbeddedH2DatabaseIsHeldByOneProcess(String url) {
        assertThat(SharedDatabase.canBeShared(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/ombc", "jdbc:h2:tcp://db.example/~/ombc",
            "jdbc:h2:ssl://db.example/ombc", "jdbc:h2:file:./data/ombc;AUTO_SERVER=TRUE",
            "jdbc:h2:./data/ombc; auto_server = true"})
    void aServerDatabaseCanBeShared(String url) {
        assertThat(SharedDatabase.canBeShared(url)).isTrue();
    }
}
