-- The language a guardian's mails are written in (issue 14): the one the school chose for the consent
-- request, else the language of the page it was made on. Null on older records: English.
alter table guardian_consent add column language varchar(5) check (language in ('en', 'hi', 'bn'));
