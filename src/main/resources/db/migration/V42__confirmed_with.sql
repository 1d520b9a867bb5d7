-- The confirmation link that confirmed a consent, opened again (a double click, a look a week later),
-- shows the confirmed consent instead of a dead link: the SHA-256 of its secret is kept here while the
-- record stays confirmed. Cleared when the guardian is asked again, the record stops being confirmed by
-- e-mail, or it is erased (consent/GuardianConsent#dropConfirmSecret). The link changes nothing more.
alter table guardian_consent add column confirmed_with_hash char(64) unique;
