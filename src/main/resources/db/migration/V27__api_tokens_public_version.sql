-- Personal API tokens (docs/api.md): the token itself is shown once; only its SHA-256 is kept.
create table api_token (
    id           bigserial    primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    role         varchar(40)  not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- The public shortlist is built once per publication state and served from memory
-- (docs/performance.md). Every change that can alter what the public sees of a PUBLISHED competition
-- adds a row here, in the same transaction, from the triggers below (the one place): instances
-- compare the competition's highest version (an index lookup) before serving their copy. Inserts
-- take no lock that a writer holding the competition's share lock could wait for, and the triggers
-- run once per statement, so a bulk erasure adds one row, not one per child.
create table public_change (
    version        bigserial   primary key,
    competition_id bigint      not null references competition (id) on delete cascade,
    changed_at     timestamptz not null default now()
);
create index public_change_competition_idx on public_change (competition_id, version);

-- The competition's own public fields, and its publication and unpublication.
create function competition_public_change() returns trigger language plpgsql as $$
begin
    if (new.status, new.title, new.theme, new.published_at)
            is distinct from (old.status, old.title, old.theme, old.published_at)
       and 'PUBLISHED' in (old.status, new.status) then
        insert into public_change (competition_id) values (new.id);
    end if;
    return null;
end $$;
create trigger competition_public_change after update on competition
    for each row execute function competition_public_change();

-- What the public shortlist is made of: the frozen rows, the entries (hold, withdrawal, erasure,
-- consent to publish), the children's names and their guardians' consents, the files, categories.
-- "changed" is the statement's transition table (new rows, or old ones for a delete).
create function note_public_change() returns trigger language plpgsql as $$
begin
    if tg_table_name in ('entry', 'category', 'shortlist') then
        insert into public_change (competition_id)
        select distinct c.id from changed r join competition c on c.id = r.competition_id
        where c.status = 'PUBLISHED';
    elsif tg_table_name = 'shortlist_entry' then
        insert into public_change (competition_id)
        select distinct c.id from changed r join shortlist s on s.id = r.shortlist_id
        join competition c on c.id = s.competition_id where c.status = 'PUBLISHED';
    else
        insert into public_change (competition_id)
        select distinct c.id from changed r join entry e on e.id = r.entry_id
        join competition c on c.id = e.competition_id where c.status = 'PUBLISHED';
    end if;
    return null;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['entry', 'category', 'shortlist', 'shortlist_entry', 'participant',
                             'guardian_consent', 'entry_file'] loop
        execute format('create trigger %1$s_public_insert after insert on %1$s referencing new table as changed'
                       ' for each statement execute function note_public_change()', t);
        execute format('create trigger %1$s_public_update after update on %1$s referencing new table as changed'
                       ' for each statement execute function note_public_change()', t);
        execute format('create trigger %1$s_public_delete after delete on %1$s referencing old table as changed'
                       ' for each statement execute function note_public_change()', t);
    end loop;
end $$;
