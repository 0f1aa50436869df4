package org.ombc.cds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlsTest {

    /** url, on disk (checkpointed after acknowledged commits), can be shared by replicas (retry answers in it). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE | true  | false",
                "jdbc:h2:./data/ombc                             | true  | false",
                "JDBC:H2:FILE:/var/lib/ombc/db                   | true  | false",
                "jdbc:h2:file:./data/ombc;AUTO_SERVER=FALSE      | true  | false",
                "jdbc:h2:~/ombc;write_delay=500;AUTO_SERVER=TRUE | true  | true",
                "jdbc:h2:./data/ombc; auto_server = true         | true  | true",
                "jdbc:h2:tcp://db.example/~/ombc;WRITE_DELAY=0   | true  | true",
                "jdbc:h2:ssl://db.example/ombc                   | true  | true",
                "jdbc:h2:mem:ombc;DB_CLOSE_DELAY=-1              | false | false",
                "jdbc:h2:tcp://localhost/mem:ombc                | false | true",
                "jdbc:postgresql://127.0.0.1:5432/ombc           | false | true",
                "jdbc:sqlite:./data/ombc.db?journal_mode=WAL     | false | false"
            })
    void whatTheUrlSaysOfItsDatabase(String url, boolean onDisk, boolean shared) {
        assertThat(DatabaseUrls.isH2OnDisk(url)).as("on disk").isEqualTo(onDisk);
        assertThat(DatabaseUrls.canBeShared(url)).as("can be shared").isEqualTo(shared);
    }
}
