package org.ombc.cds.settings;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the service, with safe defaults (docs/configuration.md).
 *
 * @param publicBaseUrl   the URL clients call us at; JWT {@code aud} is checked against it, derived from the
 *                        request when unset
 * @param maxRequestBytes request bodies above this are refused with 413
 * @param corsAllowedOrigins origins of browser-based CDS clients; {@code *} allows any
 * @param hookResponseTtl how long the answer to one hookInstance is kept for client retries
 * @param hookResponseMemory memory for this replica's own answers kept for retries (older ones are then read back
 *                        from the database, where every answer stays for {@code hookResponseTtl})
 * @param hookResponseWriteQueue answers waiting to be written to the database for other replicas; beyond, an
 *                        answer is kept in this replica's memory only (counted)
 * @param writeBatchWindow how long the background writers (audit, shared hook answers) gather calls into one
 *                        transaction after the first; bounds the commits a busy hook costs, and is part of the
 *                        audit's loss window on a crash
 * @param hookResponseShared share answers for retries through the database; unset: when the database can be
 *                        shared (any but an embedded H2 database, which one process holds alone)
 * @param fhir            the FHIR server fallback
 * @param validation      validation of incoming resources against our profiles
 * @param terminology     a hospital's FHIR terminology server asked for codes our expansions do not hold
 */
@ConfigurationProperties("ombc")
public record OmbcProperties(
        String publicBaseUrl,
        @DefaultValue("5MB") DataSize maxRequestBytes,
        @DefaultValue("*") List<String> corsAllowedOrigins,
        @DefaultValue("30s") Duration hookResponseTtl,
        @DefaultValue("16MB") DataSize hookResponseMemory,
        @DefaultValue("10000") int hookResponseWriteQueue,
        @Nullable Boolean hookResponseShared,
        @DefaultValue("200ms") Duration writeBatchWindow,
        @DefaultValue Fhir fhir,
        @DefaultValue Validation validation,
        @DefaultValue TerminologyServer terminology) {

    /**
     * Validation of incoming resources against our profiles.
     *
     * @param enabled validate every incoming resource (costs milliseconds per call and seconds at start)
     */
    public record Validation(@DefaultValue("false") boolean enabled) {}

    /**
     * The FHIR server the service reads from when a prefetch key is missing (the fallback).
     *
     * @param timeout        one deadline for all queries of one call
     * @param allowedServers base URLs the fallback may call; empty turns the fallback off
     * @param maxPages       Bundle pages followed per query
     * @param cache          query result cache
     * @param maxResponseBytes a FHIR server answer larger than this is refused ({@code too-large}) unread
     * @param fetchThreads   threads that parse FHIR server answers; unset: one per core, at least 2. No thread waits
     *                       on a server (the exchanges are asynchronous), so more threads than cores buy nothing
     */
    public record Fhir(
            @DefaultValue("2s") Duration timeout,
            @DefaultValue List<String> allowedServers,
            @DefaultValue("5") int maxPages,
            @DefaultValue Cache cache,
            @DefaultValue("20MB") DataSize maxResponseBytes,
            @Nullable Integer fetchThreads) {

        /** {@link #fetchThreads}, or one per core (at least 2) when unset. */
        public int fetchThreadCount() {
            return fetchThreads != null
                    ? fetchThreads
                    : Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }

    public record Cache(
            @DefaultValue("60s") Duration ttl,
            @DefaultValue("10000") long maxEntries) {}

    /**
     * A hospital's FHIR terminology server (clinical-rules 10): the published expansions stay the default that
     * works offline; the server is only asked about codes they do not hold.
     *
     * @param serverUrl        its FHIR base URL; unset turns the lookups off
     * @param timeout          one deadline for all lookups of one chart (never longer than {@code ombc.fhir.timeout})
     * @param maxCodesPerChart questions sent for one chart (one code asked of one concept family); more are skipped
     * @param cacheTtl         how long an answer, member or not, is kept
     * @param cacheMaxEntries  answers kept
     */
    public record TerminologyServer(
            @Nullable String serverUrl,
            @DefaultValue("500ms") Duration timeout,
            @DefaultValue("50") int maxCodesPerChart,
            @DefaultValue("24h") Duration cacheTtl,
            @DefaultValue("10000") long cacheMaxEntries) {

        public boolean enabled() {
            return serverUrl != null && !serverUrl.isBlank();
        }
    }
}
