-- When the juror first read the other jurors' marks for the entry (GET /api/entries/{eid}/scorecards, or
-- "Open the other jurors' marks" on the jury page) while some were there to read. From then their own
-- scorecard is final: a save that changes it is refused (409), so nobody can submit placeholder marks,
-- read the others' and then move theirs (docs/judging.md, "Independent opinions"). Written under the
-- juror's assignment row lock, as every save is, so a read and a change never cross. Not part of the
-- scorecard's version: reading is not a change of the marks.
alter table scorecard add column peers_read_at timestamptz;

-- Recording a read changes nothing of the ranking: the scorecard's update trigger (V34) no longer notes a
-- ranking change for an update that only set peers_read_at (every first read would otherwise throw the
-- competition's cached ranking away). Any other change of a row still does.
create function note_scorecard_update() returns trigger language plpgsql as $$
begin
    insert into ranking_change (competition_id)
    select distinct e.competition_id
      from changed n join previous o on o.id = n.id join entry e on e.id = n.entry_id
     where (to_jsonb(n) - 'peers_read_at') is distinct from (to_jsonb(o) - 'peers_read_at')
    on conflict do nothing;
    return null;
end $$;

drop trigger scorecard_ranking_update on scorecard;
create trigger scorecard_ranking_update after update on scorecard
    referencing old table as previous new table as changed
    for each statement execute function note_scorecard_update();
