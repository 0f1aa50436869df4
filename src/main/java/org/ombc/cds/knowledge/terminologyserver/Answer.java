package org.ombc.cds.knowledge.terminologyserver;

/** What the terminology server said about one question; {@code FAILED} is never kept in the cache. */
enum Answer {
    MEMBER,
    NOT_MEMBER,
    FAILED
}
