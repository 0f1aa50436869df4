package org.ombc.cds.storage;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * SQLite reports a unique or primary-key violation as result code 19 (SQLITE_CONSTRAINT) with no SQL state, which
 * Spring's translators leave uncategorised; this names it a {@link DuplicateKeyException} and leaves the rest to
 * the usual translator.
 */
final class SqliteExceptionTranslator implements SQLExceptionTranslator {

    private static final int SQLITE_CONSTRAINT = 19;

    private final SQLExceptionTranslator fallback;

    SqliteExceptionTranslator(SQLExceptionTranslator fallback) {
        this.fallback = fallback;
    }

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex.getErrorCode() == SQLITE_CONSTRAINT
                && (message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY"))) {
            return new DuplicateKeyException(task + ": " + message, ex);
        }
        return fallback.translate(task, sql, ex);
    }
}
