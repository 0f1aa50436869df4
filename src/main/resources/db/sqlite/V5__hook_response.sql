-- Answers to hook calls, kept for ombc.hook-response-ttl so that a client retrying a hookInstance gets the same
-- cards from whichever replica it reaches. Looked up by key (the primary key); expired rows are deleted in the
-- background (the expires_at index). Portable SQL for H2 and PostgreSQL.

create table hook_response (
    replay_key varchar(64) primary key,
    response   text        not null,
    expires_at timestamp with time zone not null
);
create index hook_response_expires_at on hook_response (expires_at);
