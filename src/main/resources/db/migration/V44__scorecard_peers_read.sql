-- When the juror first read the other jurors' marks for the entry (GET /api/entries/{eid}/scorecards, or
-- "Open the other jurors' marks" on the jury page) while some were there to read. From then their own
-- scorecard is final: a save that changes it is refused (409), so nobody can submit placeholder marks,
-- read the others' and then move theirs (docs/judging.md, "Independent opinions"). Written under the
-- juror's assignment row lock, as every save is, so a read and a change never cross. Not part of the
-- scorecard's version: reading is not a change of the marks.
alter table scorecard add column peers_read_at timestamptz;
