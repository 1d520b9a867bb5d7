-- JuryRoom foundation schema. Personal data is minimal by design: participants are first name + grade.

create table competition (
    id                     bigserial primary key,
    title                  varchar(200)  not null,
    theme                  varchar(2000),
    submission_opens_at    timestamptz   not null,
    submission_closes_at   timestamptz   not null,
    shortlist_size         integer       not null default 25 check (shortlist_size > 0),
    max_entries_per_school integer       not null check (max_entries_per_school > 0),
    status                 varchar(20)   not null default 'DRAFT',
    ranking_method         varchar(20)   not null default 'Z_SCORE' check (ranking_method in ('RAW_MEAN', 'Z_SCORE')),
    published_at           timestamptz,
    created_at             timestamptz   not null default now(),
    version                bigint        not null default 0,
    check (submission_closes_at > submission_opens_at)
);

create table category (
    id             bigserial primary key,
    competition_id bigint       not null references competition (id) on delete cascade,
    code           varchar(40)  not null,
    name           varchar(200) not null,
    allowed_types  varchar(1000) not null, -- comma-separated MIME types
    max_file_bytes bigint       not null check (max_file_bytes > 0),
    unique (competition_id, code)
);

create table criterion (
    id             bigserial primary key,
    competition_id bigint        not null references competition (id) on delete cascade,
    position       integer       not null,
    code           varchar(40)   not null,
    name           varchar(200)  not null,
    description    varchar(2000),
    weight         numeric(9, 4) not null check (weight > 0),
    min_score      integer       not null,
    max_score      integer       not null,
    unique (competition_id, code),
    check (max_score > min_score)
);

create table school (
    id            bigserial primary key,
    name          varchar(200) not null,
    district      varchar(200) not null,
    contact_name  varchar(200) not null,
    contact_email varchar(320) not null,
    created_at    timestamptz  not null default now()
);
create index school_district_idx on school (district, name);

create table juror (
    id         bigserial primary key,
    name       varchar(200) not null,
    email      varchar(320) not null,
    expertise  varchar(500),
    created_at timestamptz  not null default now()
);

create table app_user (
    id            bigserial primary key,
    username      varchar(100) not null unique,
    password_hash varchar(100) not null,
    role          varchar(20)  not null check (role in ('organiser', 'juror', 'school')),
    school_id     bigint references school (id),
    juror_id      bigint references juror (id),
    created_at    timestamptz  not null default now(),
    check ((role = 'school') = (school_id is not null)),
    check ((role = 'juror') = (juror_id is not null))
);

create table entry (
    id                    bigserial primary key,
    competition_id        bigint        not null references competition (id),
    school_id             bigint        not null references school (id),
    category_id           bigint        not null references category (id),
    code                  varchar(12)   not null unique,
    title                 varchar(200)  not null,
    statement             varchar(5000),
    status                varchar(20)   not null default 'DRAFT',
    consent_judging       boolean       not null default false,
    consent_publish_work  boolean       not null default false,
    consent_publish_names boolean       not null default false,
    consent_attested_by   varchar(200),
    submitted_at          timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    version               bigint        not null default 0
);
create index entry_competition_status_idx on entry (competition_id, status);
create index entry_school_idx on entry (school_id, competition_id);

create table participant (
    id         bigserial primary key,
    entry_id   bigint      not null references entry (id) on delete cascade,
    position   integer     not null,
    first_name varchar(40) not null,
    grade      integer     not null check (grade between 1 and 12)
);
create index participant_entry_idx on participant (entry_id);

create table entry_file (
    id           bigserial primary key,
    entry_id     bigint       not null references entry (id),
    object_key   varchar(200) not null unique,
    display_name varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint,
    sha256       char(64),
    status       varchar(20)  not null default 'PENDING',
    created_at   timestamptz  not null default now()
);
create index entry_file_entry_idx on entry_file (entry_id);
create index entry_file_pending_idx on entry_file (created_at) where status = 'PENDING';

create table conflict (
    id         bigserial primary key,
    juror_id   bigint       not null references juror (id),
    school_id  bigint       not null references school (id),
    reason     varchar(500),
    declared_by varchar(20) not null,
    created_at timestamptz  not null default now(),
    unique (juror_id, school_id)
);

create table assignment (
    id             bigserial primary key,
    competition_id bigint      not null references competition (id),
    entry_id       bigint      not null references entry (id),
    juror_id       bigint      not null references juror (id),
    created_at     timestamptz not null default now(),
    unique (entry_id, juror_id)
);
create index assignment_juror_idx on assignment (juror_id, competition_id);

create table scorecard (
    id         bigserial primary key,
    entry_id   bigint        not null references entry (id),
    juror_id   bigint        not null references juror (id),
    status     varchar(20)   not null default 'DRAFT',
    comment    varchar(5000),
    created_at timestamptz   not null default now(),
    updated_at timestamptz   not null default now(),
    version    bigint        not null default 0,
    unique (entry_id, juror_id)
);
create index scorecard_status_idx on scorecard (status, entry_id);

create table score (
    scorecard_id bigint  not null references scorecard (id) on delete cascade,
    criterion_id bigint  not null references criterion (id),
    value        integer not null,
    primary key (scorecard_id, criterion_id)
);

create table shortlist (
    id             bigserial primary key,
    competition_id bigint      not null unique references competition (id),
    size           integer     not null,
    method         varchar(40) not null,
    tie_break      varchar(500) not null,
    frozen_at      timestamptz not null,
    frozen_by      varchar(100) not null,
    digest         char(64)    not null,
    canonical_json text        not null
);

create table shortlist_entry (
    shortlist_id bigint        not null references shortlist (id),
    rank         integer       not null,
    entry_id     bigint        not null references entry (id),
    code         varchar(12)   not null,
    title        varchar(200)  not null,
    school_name  varchar(200)  not null,
    score        numeric(12, 6) not null,
    primary key (shortlist_id, rank)
);

-- The demo seed records here that it ran, so a restart never seeds twice.
create table seed_marker (
    name      varchar(100) primary key,
    seeded_at timestamptz not null default now()
);
