package org.ombc.cds.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The command-line arguments that put a started service on each store the durability tests compare: the embedded
 * default, SQLite (WAL, synchronous=FULL) and a fresh schema of the test PostgreSQL (docs/storage-choice.md).
 */
public final class StoreArguments {

    /**
     * Kills with {@code kill -9} per store in the durability tests: 2 in {@code verify} (each is a JVM start, about 7
     * s), 10 for the measurement that chose the store ({@code -Dombc.test.kills=10}, docs/storage-choice.md).
     */
    public static final int KILLS = Integer.getInteger("ombc.test.kills", 2);

    /** The embedded default (application.yml): SQLite in the service's working folder, docs/storage-choice.md. */
    public static final List<String> EMBEDDED_DEFAULT = List.of();

    /** H2 on disk, the embedded store before SQLite was chosen by measurement; still an option. */
    public static final List<String> H2 =
            List.of("--spring.datasource.url=jdbc:h2:file:./data/ombc;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096");

    /** Work that runs a service with the given database arguments. */
    @FunctionalInterface
    public interface WithDatabase {
        void run(List<String> databaseArguments) throws Exception;
    }

    private StoreArguments() {}

    /**
     * Runs {@code work} against a fresh schema of {@code OMBC_TEST_POSTGRES_URL}, dropped afterwards; skipped (never
     * passed) when the variable is unset.
     */
    public static void onFreshPostgresSchema(WithDatabase work) throws Exception {
        String base = System.getenv("OMBC_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(
                base != null && !base.isBlank(),
                "OMBC_TEST_POSTGRES_URL is not set: the PostgreSQL storage test is skipped, not passed");
        String schema =
                "ombc_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("OMBC_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("OMBC_TEST_POSTGRES_PASSWORD", "");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            work.run(List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password,
                    "--spring.flyway.default-schema=" + schema,
                    "--spring.flyway.create-schemas=true"));
        } finally {
            try (Connection c = DriverManager.getConnection(base, user, password)) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
