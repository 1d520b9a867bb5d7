-- The language a guardian's mails are written in (issue 14): the one the school chose for the consent
-- request, else the language of the page it was made on. Null on older records: English.
alter table guardian_consent add column language varchar(5) check (language in ('en', 'hi', 'bn'));

-- Sorting names in their alphabet's order (issue 14): one collation per language the app speaks, so
-- that a list sorts as its reader expects (Bengali dictionary order on a Bengali page, Hindi on a Hindi
-- page; Latin letters in any case together). ICU's where the server has it (PostgreSQL from the usual
-- packages and the embedded one do); else code-point order, which keeps each script in its Unicode
-- order, so that the queries work everywhere.
do $$
begin
    if exists (select 1 from pg_collation where collprovider = 'i') then
        create collation if not exists juryroom_en (provider = icu, locale = 'und');
        create collation if not exists juryroom_hi (provider = icu, locale = 'hi');
        create collation if not exists juryroom_bn (provider = icu, locale = 'bn');
    else
        create collation if not exists juryroom_en from "C";
        create collation if not exists juryroom_hi from "C";
        create collation if not exists juryroom_bn from "C";
    end if;
end
$$;

-- Names are stored in NFC from now on (common/NfcText), so that a search finds them whichever form a
-- keyboard produced; the rows written before are brought into the same form.
update school set name = normalize(name, NFC) where name is not nfc normalized;
update school set district = normalize(district, NFC) where district is not nfc normalized;
update school set contact_name = normalize(contact_name, NFC) where contact_name is not nfc normalized;
update juror set name = normalize(name, NFC) where name is not nfc normalized;
update juror set expertise = normalize(expertise, NFC) where expertise is not nfc normalized;
update safeguarding_lead set name = normalize(name, NFC) where name is not nfc normalized;
update entry set title = normalize(title, NFC) where title is not nfc normalized;

-- A reset is mailed by a scheduled job, outside the request that asked for it: the request's language
-- is kept with it, for an account that has not chosen one.
alter table reset_request add column language varchar(5) check (language in ('en', 'hi', 'bn'));
