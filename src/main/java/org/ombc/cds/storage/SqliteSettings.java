package org.ombc.cds.storage;

import java.util.Locale;

/**
 * The settings a SQLite URL must carry for the service's guarantees: {@code journal_mode=WAL} (readers do not block
 * the writer), {@code synchronous=FULL} (a commit is on disk when it returns, so acknowledged feedback and a seen
 * JWT id survive {@code kill -9} and power loss without a checkpoint) and {@code transaction_mode=IMMEDIATE} (a
 * transaction takes the write lock when it begins, so concurrent writers wait their turn, up to
 * {@code busy_timeout}, instead of failing). A URL without them is refused at start.
 */
final class SqliteSettings {

    static final String EXAMPLE = "jdbc:sqlite:./data/ombc.db?journal_mode=WAL&synchronous=FULL"
            + "&transaction_mode=IMMEDIATE&busy_timeout=10000";

    private SqliteSettings() {}

    /** Checks the settings and makes the file's directory, which SQLite (unlike H2) does not make itself. */
    static void prepare(String url) {
        require(url);
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query >= 0 ? rest.substring(0, query) : rest;
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.contains(":memory:") || file.startsWith("//")) {
            return;
        }
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the directory of the SQLite file cannot be made: " + parent, e);
        }
    }

    static void require(String url) {
        String lower = url.toLowerCase(Locale.ROOT).replace(" ", "");
        for (String needed : new String[] {"journal_mode=wal", "synchronous=full", "transaction_mode=immediate"}) {
            if (!lower.contains(needed)) {
                throw new IllegalStateException(
                        "spring.datasource.url on SQLite must set " + needed + " (for example " + EXAMPLE + ")");
            }
        }
    }
}
