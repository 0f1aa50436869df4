package org.ombc.cds.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.ombc.cds.privacy.Hashes;
import org.ombc.cds.storage.DurableCommits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seen {@code jti}s in the database (table {@code seen_jti}, migration V2), so that replay protection survives a
 * restart and holds across replicas. The insert is the check: the primary key (iss, jti) lets exactly one of two
 * racing replicas insert. A row whose token has expired may be taken over by a new token with the same jti (a
 * conditional update, equally atomic); expired rows are deleted at most once per {@code sweepEvery}.
 */
public final class DatabaseReplayGuard implements ReplayGuard {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReplayGuard.class);

    private final JdbcTemplate jdbc;
    private final DurableCommits durable;
    private final Clock clock;
    private final Duration sweepEvery;
    private final AtomicReference<Instant> lastSweep;

    public DatabaseReplayGuard(JdbcTemplate jdbc, DurableCommits durable, Clock clock, Duration sweepEvery) {
        this.jdbc = jdbc;
        this.durable = durable;
        this.clock = clock;
        this.sweepEvery = sweepEvery;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    @Override
    public boolean firstUse(String iss, String jti, Instant expires) throws JwtRejectedException {
        Instant now = clock.instant();
        String key = Hashes.sha256(jti);
        try {
            sweep(now);
            boolean first;
            try {
                jdbc.update(
                        "insert into seen_jti (iss, jti, expires_at) values (?, ?, ?)",
                        iss,
                        key,
                        Timestamp.from(expires));
                first = true;
            } catch (DuplicateKeyException seen) {
                first = jdbc.update(
                                "update seen_jti set expires_at = ? where iss = ? and jti = ? and expires_at < ?",
                                Timestamp.from(expires),
                                iss,
                                key,
                                Timestamp.from(now))
                        == 1;
            }
            if (first) {
                durable.afterCommit(); // a token accepted before a crash stays used after the restart
            }
            return first;
        } catch (DataAccessException e) {
            log.warn("replay check unavailable: {}", e.getClass().getSimpleName());
            throw new JwtRejectedException(RejectedCheck.REPLAY_CHECK_UNAVAILABLE);
        }
    }

    private void sweep(Instant now) {
        Instant last = Objects.requireNonNull(lastSweep.get(), "set at construction, only ever replaced");
        if (last.plus(sweepEvery).isBefore(now) && lastSweep.compareAndSet(last, now)) {
            int deleted = jdbc.update("delete from seen_jti where expires_at < ?", Timestamp.from(now));
            log.debug("replay store: {} expired jti row(s) deleted", deleted);
        }
    }
}
