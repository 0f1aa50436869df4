package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableCommitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE", "jdbc:h2:./data/ombc",
            "jdbc:h2:~/ombc;write_delay=500;AUTO_SERVER=TRUE", "jdbc:h2:tcp://db.example/~/ombc;WRITE_DELAY=0",
            "JDBC:H2:FILE:/var/lib/ombc/db"})
    void anH2DatabaseOnDiskIsCheckpointedAfterAcknowledgedCommits(String url) {
        assertThat(DurableCommits.isH2OnDisk(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:ombc;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://localhost/mem:ombc",
            "jdbc:postgresql://db:5432/ombc"})
    void memoryAndServerDatabasesAreLeftToThemselves(String url) {
        assertThat(DurableCommits.isH2OnDisk(url)).isFalse();
    }
}
