package org.ombc.cds.cdshooks;

import org.ombc.cds.hookjson.CdsHooksModel.Response;

/**
 * Answers kept for a short time so that a client retrying a {@code hookInstance} with the same body gets the same
 * cards (same uuids, so its feedback matches) and the call is not assessed and audited twice. Behind a load
 * balancer the retry may reach another replica: the implementation shares the answers through the database.
 */
public interface HookResponseCache {

    /** The answer kept under {@code key}, or null. */
    Response getIfPresent(String key);

    void put(String key, Response response);
}
