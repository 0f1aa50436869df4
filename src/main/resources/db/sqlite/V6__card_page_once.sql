-- The full-evidence page of a main card, stored once per distinct text (SHA-256 of the text) instead of once per
-- card: a chart opened again with nothing changed issues a new card with the same page, and keeping a copy of a
-- several-kilobyte page per call made the embedded store grow by gigabytes under load (issue 13). Cards issued
-- before this migration keep their text in issued_card.full_detail. Served, as before, only through a card's
-- signed link; the hash is of the page text (no patient name, id or birth date is in it).
create table card_page (
    page_hash   varchar(64) primary key,
    full_detail text        not null
);
alter table issued_card add column page_hash varchar(64);
