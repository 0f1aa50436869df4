package org.ombc.cds.cluster;

import java.util.Locale;

/** Whether replicas can share a database, read from its JDBC URL. */
final class SharedDatabase {

    private SharedDatabase() {
    }

    /**
     * False for an embedded H2 database (a file or memory URL): one process opens it, so nothing written there
     * reaches another replica. H2 in server mode ({@code tcp:}, {@code ssl:}) or with {@code AUTO_SERVER=TRUE}, and
     * every other database, can be shared.
     */
    static boolean canBeShared(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!url.startsWith("jdbc:h2:")) {
            return true;
        }
        String rest = url.substring("jdbc:h2:".length());
        return rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.contains(";auto_server=true");
    }
}
