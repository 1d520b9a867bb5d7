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
-- gives the competition a new public_version, in the same transaction, here in one place: instances
-- compare it (one row by primary key) before serving their copy. Values come from one sequence, so
-- they never repeat, across competitions too (the list of published competitions is keyed by the
-- highest one).
create sequence public_version_seq;
alter table competition add column public_version bigint not null default nextval('public_version_seq');

create function bump_public_version(cid bigint) returns void language sql as $$
    update competition set public_version = nextval('public_version_seq')
     where id = cid and status = 'PUBLISHED';
$$;

-- The competition's own public fields, and its publication and unpublication.
create function competition_public_version() returns trigger language plpgsql as $$
begin
    if new.public_version = old.public_version and (new.status, new.title, new.theme, new.published_at)
            is distinct from (old.status, old.title, old.theme, old.published_at) then
        new.public_version := nextval('public_version_seq');
    end if;
    return new;
end $$;
create trigger competition_public_version before update on competition
    for each row execute function competition_public_version();

-- What the public shortlist is made of: the frozen rows, the entries (hold, withdrawal, erasure,
-- consent to publish), the children's names and their guardians' consents, the files, categories.
create function touch_public_version() returns trigger language plpgsql as $$
declare
    r record;
    cid bigint;
begin
    if tg_op = 'DELETE' then r := old; else r := new; end if;
    if tg_table_name in ('entry', 'category') then
        cid := r.competition_id;
    elsif tg_table_name = 'shortlist_entry' then
        select s.competition_id into cid from shortlist s where s.id = r.shortlist_id;
    elsif tg_table_name = 'shortlist' then
        cid := r.competition_id;
    else
        select e.competition_id into cid from entry e where e.id = r.entry_id;
    end if;
    if cid is not null then
        perform bump_public_version(cid);
    end if;
    return null;
end $$;
create trigger entry_public_version after insert or update or delete on entry
    for each row execute function touch_public_version();
create trigger category_public_version after insert or update or delete on category
    for each row execute function touch_public_version();
create trigger shortlist_public_version after insert or update or delete on shortlist
    for each row execute function touch_public_version();
create trigger shortlist_entry_public_version after insert or update or delete on shortlist_entry
    for each row execute function touch_public_version();
create trigger participant_public_version after insert or update or delete on participant
    for each row execute function touch_public_version();
create trigger guardian_consent_public_version after insert or update or delete on guardian_consent
    for each row execute function touch_public_version();
create trigger entry_file_public_version after insert or update or delete on entry_file
    for each row execute function touch_public_version();
