-- Seal format 2 (docs/judging.md): a shortlisted title is sealed as SHA-256(code + "\n" + title), kept
-- here, so that the snapshot can be rebuilt and verified after erasure has blanked the title itself.
-- Filled at the freeze, or by the start-up migration of a format-1 seal whose digest still holds.
alter table shortlist_entry add column title_sha256 char(64);

-- The retention job and the consent-withdrawal follow-up look for entries not yet erased.
create index entry_not_erased_idx on entry (competition_id) where personal_data_erased_at is null;
