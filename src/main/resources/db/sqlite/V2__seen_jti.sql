-- JWT replay protection shared by every replica and kept across restarts (README, Security): a token's jti is
-- accepted once per issuer until the token expires. jti holds the SHA-256 (hex) of the token's jti, so that an
-- arbitrary client string is never stored and the key has a fixed length. Rows past expires_at are deleted.

create table seen_jti (
    iss        varchar(500) not null,
    jti        varchar(64)  not null,
    expires_at timestamp with time zone not null,
    primary key (iss, jti)
);
create index seen_jti_expires_at on seen_jti (expires_at);
