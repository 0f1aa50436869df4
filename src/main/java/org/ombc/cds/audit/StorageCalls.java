package org.ombc.cds.audit;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.ombc.cds.storage.DurableCommits;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionException;

/**
 * How the audit's stores call the database, alike: a failure surfaces as {@link StorageUnavailableException} (the
 * client retries), a commit is made durable before it is acknowledged, and a list column is stored comma-joined.
 */
final class StorageCalls {

    private StorageCalls() {}

    /** Runs a committing transaction, then makes the commit durable before it is acknowledged. */
    static <T> T durably(DurableCommits durable, Supplier<T> transaction) {
        T result = transaction.get();
        durable.afterCommit();
        return result;
    }

    static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            throw e; // a race on a unique key, not an unavailable database: the caller decides
        } catch (DataAccessException | TransactionException e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** A comma-joined column read back as its list (empty for null or ""). */
    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
