-- Compact audit (issue 26): a main card keeps the assessment its page is rendered from, not the page text. The
-- assessment is stored once per distinct encoding (SHA-256 of body), in the form AssessmentSnapshot writes: the
-- assessment's codes, facts and dates, deflated, in Base64; no patient id and no record id. The page is rendered
-- on demand from it. Cards stored before this migration keep their page (card_page or issued_card.full_detail)
-- and are served from it as before: nothing stored is dropped.
create table card_assessment (
    assessment_hash   varchar(64) primary key,
    knowledge_version varchar(50) not null,
    body              text        not null
);
alter table issued_card add column assessment_hash varchar(64);
