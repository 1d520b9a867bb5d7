-- A GUARDIAN_EMAIL_CONFIRMED consent is confirmed with a secret of its own, never with the withdrawal
-- token (which the school sees and hands on): 256 random bits, mailed only to the guardian, kept here
-- only as its SHA-256, good for one confirmation until it expires, replaced by every new request to
-- confirm (consent/GuardianMails#askToConfirm) and dropped when used, erased, or no longer needed.
alter table guardian_consent add column confirm_secret_hash char(64) unique;
alter table guardian_consent add column confirm_expires_at timestamptz;
alter table guardian_consent add constraint guardian_consent_confirm_secret_check
    check ((confirm_secret_hash is null) = (confirm_expires_at is null));

-- Consents still awaiting confirmation keep no secret: the links mailed for them so far carried the
-- withdrawal token, which no longer confirms. They stay awaiting (nothing of them in force) until they
-- are asked again: the school saving the child's consent mails a fresh confirmation link whenever the
-- record has no live secret (consent/ConsentService#record). No old link can confirm anything.

-- A guardian's mails go with their consent record, however the record goes (a child renamed or
-- removed, an entry's creation undone, an erasure): sent or not, they hold the guardian's address and
-- the child's first name, and a queued one would carry a dead link. The mails of records already gone
-- go now.
delete from outbox_message m
 where m.consent_id is not null and not exists (select 1 from guardian_consent g where g.id = m.consent_id);
alter table outbox_message add constraint outbox_message_consent_fk
    foreign key (consent_id) references guardian_consent (id) on delete cascade;
