-- A consent verified by GUARDIAN_EMAIL_CONFIRMED is in force only once the guardian confirms it
-- through the link mailed to them (consent/GuardianConsent#active).
alter table guardian_consent add column confirmed_at timestamptz;

-- A guardian's mail names their record, so that erasing the record takes the mail (address, child's
-- first name) out of the outbox; a sent body no longer holds the link's token to find it by.
alter table outbox_message add column consent_id bigint;
create index outbox_message_consent on outbox_message (consent_id) where consent_id is not null;
