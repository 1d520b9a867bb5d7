-- Access requests (docs/privacy.md) read every audit event about an entry: by subject, not by competition
-- (an event about an entry need not carry its competition).
create index audit_event_subject_idx on audit_event (subject_type, subject_id, id);
