-- The triggers of V27, V31 and V39 recorded a public change only for a competition that the writing
-- statement saw PUBLISHED. A statement cannot see a status change that is not committed yet: a hold (or
-- a withdrawal, an erasure, a name or file change, a result) written while the publication was being
-- committed saw FROZEN and recorded nothing; the publication committed, a request built the public copy
-- (the writer not committed yet), the writer committed, and the copy, without its change, was judged
-- current for ever. So a change is recorded for every status from which a publication can commit while a
-- writer is still open: FROZEN (the publication) and JUDGING (the freeze, then the publication: a hold
-- raised after the freeze's last count, ShortlistService, relies on it). Before JUDGING the schools are
-- uploading, which must not notify every instance on every write; a writer would have to stay open across
-- the end of submissions, a scorecard, the freeze and the publication. The one rule:
create function public_change_counts(status varchar) returns boolean language sql immutable as $$
    select status in ('JUDGING', 'FROZEN', 'PUBLISHED')
$$;

create or replace function note_public_change() returns trigger language plpgsql as $$
begin
    if tg_table_name in ('entry', 'category', 'shortlist') then
        insert into public_change (competition_id)
        select distinct c.id from changed r join competition c on c.id = r.competition_id
        where public_change_counts(c.status);
    elsif tg_table_name = 'shortlist_entry' then
        insert into public_change (competition_id)
        select distinct c.id from changed r join shortlist s on s.id = r.shortlist_id
        join competition c on c.id = s.competition_id where public_change_counts(c.status);
    else
        insert into public_change (competition_id)
        select distinct c.id from changed r join entry e on e.id = r.entry_id
        join competition c on c.id = e.competition_id where public_change_counts(c.status);
    end if;
    return null;
end $$;

create or replace function final_result_public_change() returns trigger language plpgsql as $$
begin
    insert into public_change (competition_id)
    select distinct c.id from changed r join competition c on c.id = r.competition_id
    where public_change_counts(c.status);
    return null;
end $$;

create or replace function commission_public_change() returns trigger language plpgsql as $$
begin
    insert into public_change (competition_id) select id from competition where public_change_counts(status);
    return null;
end $$;

-- V36 notified on every insert statement into public_change, also when it inserted no row (a statement
-- trigger fires either way), so every write to an entry of any competition woke every instance for a
-- check that could find nothing. It now notifies when a row was added: exactly the changes the check sees.
create function notify_public_rows() returns trigger language plpgsql as $$
begin
    if exists (select 1 from added) then
        perform pg_notify('juryroom_public_change', '');
    end if;
    return null;
end $$;

drop trigger public_change_notify on public_change;
create trigger public_change_notify after insert on public_change referencing new table as added
    for each statement execute function notify_public_rows();
