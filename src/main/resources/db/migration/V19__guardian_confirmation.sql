-- A consent verified by GUARDIAN_EMAIL_CONFIRMED is in force only once the guardian confirms it
-- through the link mailed to them (consent/GuardianConsent#active).
alter table guardian_consent add column confirmed_at timestamptz;
