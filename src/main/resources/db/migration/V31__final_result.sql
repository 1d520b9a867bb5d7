-- The FINAL round's sealed result: the canonical JSON of the ballots, the method, the tie-break
-- seed and the result, and its SHA-256 (docs/judging.md, "The final round"). Written once, at the close.
create table final_result (
    round_id       bigint      primary key references judging_round (id),
    competition_id bigint      not null references competition (id),
    canonical_json text        not null,
    digest         char(64)    not null,
    closed_at      timestamptz not null
);
create index final_result_competition_idx on final_result (competition_id);

-- The awards, one row per winning or mentioned entry (place null: a special mention), for the
-- public page and the schools' portal.
create table final_award (
    round_id bigint  not null references final_result (round_id),
    entry_id bigint  not null references entry (id),
    place    integer check (place >= 1),
    primary key (round_id, entry_id)
);
create index final_award_entry_idx on final_award (entry_id);

-- The public page shows the winners: a result written for a PUBLISHED competition invalidates its
-- cached copy, as V27's triggers do for the shortlist.
create function final_result_public_change() returns trigger language plpgsql as $$
begin
    insert into public_change (competition_id)
    select distinct c.id from changed r join competition c on c.id = r.competition_id where c.status = 'PUBLISHED';
    return null;
end $$;
create trigger final_result_public_insert after insert on final_result referencing new table as changed
    for each statement execute function final_result_public_change();
create trigger final_result_public_update after update on final_result referencing new table as changed
    for each statement execute function final_result_public_change();
create trigger final_result_public_delete after delete on final_result referencing old table as changed
    for each statement execute function final_result_public_change();
