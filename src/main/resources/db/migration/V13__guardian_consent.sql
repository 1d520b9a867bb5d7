-- Guardian consent per child (docs/privacy.md): who agreed to what, when, how it was verified and on
-- which notice; its withdrawal scope by scope; erasure of the children's personal data and its
-- retention date; seals that verify without the personal fields.

-- The consent notice guardians read: a versioned text kept in the app. A changed text becomes a new
-- version at start-up; a record keeps the version it was given on.
create table consent_notice (
    id          bigserial primary key,
    version     integer     not null unique,
    text_sha256 char(64)    not null unique,
    texts       jsonb       not null, -- {"en": "...", "hi": "...", "bn": "..."}
    created_at  timestamptz not null default now()
);

-- One record per child. Active scope = given and not withdrawn. After erasure the row stays with its
-- scopes and dates (that a consent existed and was withdrawn), its guardian fields emptied.
create table guardian_consent (
    id                        bigserial primary key,
    entry_id                  bigint       not null references entry (id),
    participant_id            bigint       unique references participant (id) on delete cascade,
    position                  integer      not null,
    token                     varchar(64)  not null unique,
    guardian_name             varchar(100),
    relationship              varchar(20)  check (relationship in ('PARENT', 'LEGAL_GUARDIAN')),
    guardian_email            varchar(254),
    guardian_phone            varchar(32),
    verification              varchar(40)  not null
        check (verification in ('PAPER_FORM_HELD_BY_SCHOOL', 'GUARDIAN_EMAIL_CONFIRMED', 'OTHER')),
    verification_reference    varchar(100),
    verification_note         varchar(500),
    notice_id                 bigint       references consent_notice (id),
    judging                   boolean      not null,
    publish_work              boolean      not null,
    publish_name              boolean      not null,
    given_at                  timestamptz  not null,
    recorded_by               varchar(100) not null,
    attested_by               varchar(200),
    judging_withdrawn_at      timestamptz,
    publish_work_withdrawn_at timestamptz,
    publish_name_withdrawn_at timestamptz,
    erased_at                 timestamptz
);
create index guardian_consent_entry_idx on guardian_consent (entry_id);

-- Erasure empties a child's name and grade but keeps the row (its consent record points at it).
alter table participant alter column first_name drop not null;
alter table participant alter column grade drop not null;

-- identifiable_child: the organiser judged that the work shows a child who could be recognised, so
-- no child's name is ever shown next to it.
alter table entry add column identifiable_child boolean not null default false;
alter table entry add column personal_data_erased_at timestamptz;
alter table entry add column erasure_reason varchar(40);

-- Null: publication + 12 months (docs/privacy.md).
alter table competition add column retain_personal_data_until timestamptz;

-- seal_format 1: the snapshot holds titles in clear; 2: it holds their SHA-256, so an erased title
-- still verifies. A migrated seal keeps the digest it had in previous_digest.
alter table shortlist add column seal_format integer not null default 1;
alter table shortlist add column previous_digest char(64);

-- Existing entries: the teacher's attestation for the whole entry becomes one record per child.
insert into guardian_consent (entry_id, participant_id, position, token, verification, judging, publish_work,
                              publish_name, given_at, recorded_by, attested_by)
select e.id, p.id, p.position,
       replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
       'PAPER_FORM_HELD_BY_SCHOOL', e.consent_judging, e.consent_publish_work, e.consent_publish_names,
       e.updated_at, 'migration', e.consent_attested_by
from entry e
join participant p on p.entry_id = e.id
where e.consent_judging or e.consent_publish_work or e.consent_publish_names;

-- Erasure may empty the personal fields of an entry's past audit events (GDPR Art. 17, DPDP s.12): the
-- one update the trail allows, only inside an erasure (it sets juryroom.erasure) and only of the values.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('juryroom.erasure', true) = 'on'
            and new.id = old.id and new.at = old.at and new.actor = old.actor
            and new.actor_role = old.actor_role and new.action = old.action
            and new.competition_id is not distinct from old.competition_id
            and new.subject_type is not distinct from old.subject_type
            and new.subject_id is not distinct from old.subject_id then
        return new;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
