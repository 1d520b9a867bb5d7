-- Storage (issue 3): one row covers the sealed original, its clean copy and its thumbnail.

alter table entry_file
    add column clean_key     varchar(200),
    add column clean_sha256  char(64),
    add column clean_size    bigint,
    add column thumb_key     varchar(200),
    add column thumb_sha256  char(64),
    add column thumb_size    bigint,
    -- NONE: served as is; REQUIRED: jurors and the public wait for an organiser; CLEARED: looked at.
    add column review        varchar(20) not null default 'NONE' check (review in ('NONE', 'REQUIRED', 'CLEARED')),
    add column review_note   varchar(500);

-- Files from before scrubbing existed have no clean copy: hold them back until an organiser looks.
update entry_file set clean_key = object_key, clean_sha256 = sha256, clean_size = size_bytes,
                      review = 'REQUIRED', review_note = 'uploaded before metadata scrubbing existed';

-- The reconciler asks "does any row name this key?" for every object it lists.
create index entry_file_clean_key_idx on entry_file (clean_key);
create index entry_file_thumb_key_idx on entry_file (thumb_key);

-- Per-school byte quota of a competition; null means the configured default (juryroom.quota.school-bytes).
alter table competition add column max_school_bytes bigint check (max_school_bytes > 0);

-- What each reconciler run did, whichever instance ran it.
create table reconciler_run (
    id               bigserial primary key,
    started_at       timestamptz  not null,
    finished_at      timestamptz  not null,
    instance         varchar(200) not null,
    pending_stored   integer      not null,
    pending_removed  integer      not null,
    objects_listed   bigint       not null,
    orphans_deleted  integer      not null,
    failures         integer      not null,
    note             varchar(2000)
);
