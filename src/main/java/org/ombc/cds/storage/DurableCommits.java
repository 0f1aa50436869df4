package org.ombc.cds.storage;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a commit that the service acknowledges (feedback answered 200, a batch of audit rows, a seen JWT id, a
 * secret made once) survive {@code kill -9} on an H2 database on disk. H2 writes committed transactions to its file
 * in the background, {@code WRITE_DELAY} (500 ms) later: a process killed within that window loses them (measured:
 * 8 of 10 acknowledged feedback items gone). {@code CHECKPOINT} after such a commit writes it to the file before
 * the service answers.
 *
 * <p>Why not {@code WRITE_DELAY=0} (what round 2 did): it writes every commit of every table at once, but it also
 * stops H2's background thread, which is the one that frees and compacts old chunks of the file. Under a busy hook
 * the file then grew by about 10 MB a second (912 MB after 3.5 minutes of load, issue 13) and H2's heap use with
 * it. With the default write delay and a checkpoint after the commits that matter, the background thread frees and
 * reuses old chunks, but not as fast as a checkpoint per call makes them: the secured profile's replay store grew
 * the file by 1.4 GB in two minutes of load and by 32 MB in 1,409 calls at 10 a second (docs/storage.md), which is
 * why the service warns at start on H2 on disk with JWTs required.
 *
 * <p>PostgreSQL (and any other server database), and SQLite with WAL and {@code synchronous=FULL} (required at
 * start, {@code SqliteSettings}), make a commit durable themselves: nothing is done there.
 */
public final class DurableCommits {

    private final JdbcTemplate jdbc;
    private final boolean h2OnDisk;

    public DurableCommits(JdbcTemplate jdbc, String jdbcUrl) {
        this.jdbc = jdbc;
        this.h2OnDisk = DatabaseUrls.isH2OnDisk(jdbcUrl);
    }

    /** Whether each acknowledged commit costs a checkpoint (an H2 database on disk), which grows H2's file. */
    public boolean checkpointsAfterCommits() {
        return h2OnDisk;
    }

    /** Call after the transaction has committed, before acknowledging it. */
    public void afterCommit() {
        if (h2OnDisk) {
            jdbc.execute("CHECKPOINT");
        }
    }
}
