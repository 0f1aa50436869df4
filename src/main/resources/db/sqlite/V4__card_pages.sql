-- The full evidence of each main card ("How this was decided"), kept with the audit of the card that showed it.
-- Served at /ombc/cards/{uuid}?sig=... for ombc.audit.card-memory after the call; the link is an HMAC of the
-- card uuid under a secret kept in audit_setting ('card-link-secret'), made on first use like the patient salt.
-- No patient name, id or birth date is in the text.
alter table issued_card add column full_detail text;
