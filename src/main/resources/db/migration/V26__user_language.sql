-- The language a user chose for pages, refusals and mails (issue 14); null: the browser decides.
alter table app_user add column language varchar(5) check (language in ('en', 'hi', 'bn'));
