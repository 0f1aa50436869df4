package org.ombc.cds.storage;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a JDBC URL tells about its database: whether it is an H2 file, and whether replicas can share it. */
public final class DatabaseUrls {

    private DatabaseUrls() {}

    /** An H2 URL whose database is a file (embedded or behind an H2 server), not one in memory. */
    public static boolean isH2OnDisk(String jdbcUrl) {
        String rest = h2Rest(jdbcUrl);
        if (rest == null) {
            return false;
        }
        int settings = rest.indexOf(';');
        String path = settings >= 0 ? rest.substring(0, settings) : rest;
        return !(path.startsWith("mem:") || path.contains("/mem:"));
    }

    /** A SQLite URL: an embedded file, made durable by SQLite itself (WAL with {@code synchronous=FULL}). */
    public static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:");
    }

    /**
     * False for an embedded H2 database (a file or memory URL) and for SQLite: one process (one host) opens it, so nothing written there
     * reaches another replica. H2 in server mode ({@code tcp:}, {@code ssl:}) or with {@code AUTO_SERVER=TRUE}, and
     * every other database, can be shared.
     */
    public static boolean canBeShared(String jdbcUrl) {
        if (isSqlite(jdbcUrl)) {
            return false; // a file of one host, not a server replicas reach
        }
        String rest = h2Rest(jdbcUrl);
        if (rest == null) {
            return true;
        }
        String compact = rest.replace(" ", "");
        return compact.startsWith("tcp:") || compact.startsWith("ssl:") || compact.contains(";auto_server=true");
    }

    /** The lower-cased URL after {@code jdbc:h2:}, or null when it is not an H2 URL. */
    private static @Nullable String h2Rest(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") ? lower.substring("jdbc:h2:".length()) : null;
    }
}
