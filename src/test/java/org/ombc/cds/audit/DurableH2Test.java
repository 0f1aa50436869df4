package org.ombc.cds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every H2 database on disk is opened so that a commit is on disk when it returns; other URLs are left alone. */
class DurableH2Test {

    @Test
    void h2FileDatabasesGetNoWriteDelayWhateverTheUserSet() {
        assertThat(DurableH2.durableUrl("jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(DurableH2.durableUrl("jdbc:h2:./data/ombc")).isEqualTo("jdbc:h2:./data/ombc;WRITE_DELAY=0");
        assertThat(DurableH2.durableUrl("jdbc:h2:~/ombc;write_delay=500;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:~/ombc;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DurableH2.durableUrl("jdbc:h2:tcp://db.example/~/ombc;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:tcp://db.example/~/ombc;WRITE_DELAY=0");
    }

    @Test
    void memoryDatabasesAndOtherDatabasesAreUnchanged() {
        assertThat(DurableH2.durableUrl("jdbc:h2:mem:ombc;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:ombc;DB_CLOSE_DELAY=-1");
        assertThat(DurableH2.durableUrl("jdbc:h2:tcp://localhost/mem:ombc")).isEqualTo("jdbc:h2:tcp://localhost/mem:ombc");
        assertThat(DurableH2.durableUrl("jdbc:postgresql://db:5432/ombc")).isEqualTo("jdbc:postgresql://db:5432/ombc");
    }
}
