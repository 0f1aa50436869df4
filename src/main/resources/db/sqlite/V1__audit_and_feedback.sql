-- Decision audit and clinician feedback, for SQLite: the migrations of db/migration (H2 and PostgreSQL) with the
-- one thing SQLite writes differently, an identity column (integer primary key autoincrement). Every migration
-- added to db/migration is added here too, in SQLite's syntax where it differs.
-- No patient identifiers: a call is linked to a patient only by a salted hash.

create table audit_setting (
    name  varchar(100) primary key,
    setting_value varchar(500) not null
);

create table hook_call (
    id                integer primary key autoincrement,
    called_at         timestamp with time zone not null,
    service_id        varchar(100)  not null,
    hook_instance     varchar(200)  not null,
    patient_hash      varchar(64)   not null,
    caller_iss        varchar(500),
    knowledge_version varchar(50)   not null,
    oligometastatic   varchar(20),
    estro_eortc_state varchar(50),
    subtype           varchar(50),
    recommendations   varchar(1000) not null,
    missing_data      varchar(1000) not null,
    latency_micros    bigint        not null
);
create index hook_call_called_at on hook_call (called_at);

create table issued_card (
    uuid           varchar(36)   primary key,
    hook_call_id   bigint        not null references hook_call (id),
    summary        varchar(300)  not null,
    indicator      varchar(20)   not null,
    suggestion_ids varchar(2000) not null,
    override_codes varchar(2000) not null
);

create table issued_card_recommendation (
    card_uuid varchar(36) not null references issued_card (uuid),
    code      varchar(50) not null,
    primary key (card_uuid, code)
);

create table feedback (
    id                   integer primary key autoincrement,
    card_uuid            varchar(36)   not null,
    outcome              varchar(20)   not null,
    accepted_suggestions varchar(2000) not null,
    override_system      varchar(300),
    override_code        varchar(100),
    override_display     varchar(300),
    user_comment         varchar(2000),
    outcome_timestamp    timestamp with time zone not null,
    received_at          timestamp with time zone not null,
    item_hash            varchar(64)   not null unique
);
create index feedback_card on feedback (card_uuid);
create index feedback_received_at on feedback (received_at);
