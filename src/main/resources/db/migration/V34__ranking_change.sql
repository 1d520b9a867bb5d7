-- The ranking is computed once per change of what it counts and paged from memory
-- (ranking/RankingCache, docs/performance.md). Every statement that can change a competition's
-- ranking adds a row here in its own transaction, from the triggers below (the one place): the
-- scorecards (status, total, which the marks' trigger keeps), the entries (status, hold, code) and the
-- conflicts. The row is keyed by the writing transaction's id, once per transaction and competition.
-- An instance's copy remembers the database snapshot taken before it was computed, and is current while
-- no row exists that this snapshot did not see: whatever order writers commit in (a counter or
-- max(version) handed out before commit is not), and on every instance. Inserting takes no lock that
-- another writer waits for.
create table ranking_change (
    competition_id bigint not null references competition (id) on delete cascade,
    xid            xid8   not null default pg_current_xact_id(),
    primary key (competition_id, xid)
);

-- "changed" is the statement's transition table (new rows, or old ones for a delete).
create function note_ranking_change() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'entry' then
        insert into ranking_change (competition_id)
        select distinct competition_id from changed on conflict do nothing;
    elsif tg_table_name = 'scorecard' then
        insert into ranking_change (competition_id)
        select distinct e.competition_id from changed r join entry e on e.id = r.entry_id
        on conflict do nothing;
    else -- conflict: every competition with an entry of the school
        insert into ranking_change (competition_id)
        select distinct e.competition_id from changed r join entry e on e.school_id = r.school_id
        on conflict do nothing;
    end if;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['scorecard', 'entry', 'conflict'] loop
        execute format('create trigger %1$s_ranking_insert after insert on %1$s referencing new table as changed'
                       ' for each statement execute function note_ranking_change()', t);
        execute format('create trigger %1$s_ranking_update after update on %1$s referencing new table as changed'
                       ' for each statement execute function note_ranking_change()', t);
        execute format('create trigger %1$s_ranking_delete after delete on %1$s referencing old table as changed'
                       ' for each statement execute function note_ranking_change()', t);
    end loop;
end $$;

-- The public shortlist's cache (V27) compared the highest public_change version, a number handed out
-- before commit: a change committed after a later-numbered one was never seen. It now checks, as the
-- ranking does, for rows its snapshot did not see. Older rows keep a zero xid: seen by every snapshot.
alter table public_change add column xid xid8 not null default '0';
alter table public_change alter column xid set default pg_current_xact_id();
create index public_change_xid_idx on public_change (competition_id, xid);
create index public_change_any_xid_idx on public_change (xid);
