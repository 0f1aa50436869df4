package org.ombc.cds.protocol;

import com.github.benmanes.caffeine.cache.Cache;
import org.jspecify.annotations.Nullable;

/**
 * Answers kept for retries in this process only: the store when no other replica can reach the database (an
 * embedded H2 database is held by one process), where a table of answers would cost a read per call and a write
 * of every answer for nothing.
 */
final class MemoryHookResponseCache implements HookResponseCache {

    private final Cache<String, byte[]> answers;

    MemoryHookResponseCache(Cache<String, byte[]> answers) {
        this.answers = answers;
    }

    @Override
    public byte @Nullable [] getIfPresent(String retryKey) {
        return answers.getIfPresent(retryKey);
    }

    @Override
    public void put(String retryKey, byte[] answer) {
        answers.put(retryKey, answer);
    }
}
