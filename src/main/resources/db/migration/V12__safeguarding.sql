-- Safeguarding (docs/safeguarding.md): designated safeguarding leads, the schools' own contacts,
-- concerns that hold an entry, and a record of its own that only the leads read.

create table safeguarding_lead (
    id         bigserial primary key,
    name       varchar(200) not null,
    email      varchar(320) not null,
    phone      varchar(40)  not null,
    created_at timestamptz  not null default now()
);

-- A lead signs in with role 'safeguarding'; an organiser (or any account) given the role too keeps
-- its own role and gains the lead's desk through safeguarding_lead_id.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('organiser', 'juror', 'school', 'safeguarding'));
alter table app_user add column safeguarding_lead_id bigint references safeguarding_lead (id);
alter table app_user add constraint app_user_safeguarding_check
    check (role <> 'safeguarding' or safeguarding_lead_id is not null);

alter table school add column safeguarding_name  varchar(200);
alter table school add column safeguarding_phone varchar(40);
alter table school add column safeguarding_email varchar(320);

-- HELD while a concern is open; EXCLUDED when a lead kept it out for good. files_sealed: a concern
-- of suspected abuse material was raised, so no file of the entry is served to anyone.
alter table entry add column hold varchar(10) check (hold in ('HELD', 'EXCLUDED'));
alter table entry add column files_sealed boolean not null default false;
create index entry_hold_idx on entry (competition_id) where hold is not null;

create table concern (
    id            bigserial primary key,
    reference     varchar(20)   not null unique,
    entry_id      bigint        not null references entry (id),
    kind          varchar(30)   not null check (kind in ('DISCLOSURE', 'SUSPECTED_ABUSE_MATERIAL',
                                                         'IDENTIFIABLE_CHILD', 'OTHER')),
    urgency       varchar(20)   not null check (urgency in ('IMMEDIATE_DANGER', 'NORMAL')),
    note          varchar(5000) not null,
    excerpt       varchar(2000),
    status        varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    outcome       varchar(20)   check (outcome in ('RELEASED', 'EXCLUDED')),
    raised_by     varchar(100)  not null,
    raised_by_role varchar(20)  not null,
    raised_at     timestamptz   not null default now(),
    triage_due_at timestamptz   not null,
    triaged_at    timestamptz,
    closed_at     timestamptz,
    -- The entry as it was when the concern was raised (title, statement, children, files): a school
    -- may still edit a held draft, and the lead and the evidence package need what was seen.
    entry_snapshot jsonb        not null
);
create index concern_open_idx on concern (status, urgency, raised_at);
create index concern_entry_idx on concern (entry_id);

create table concern_action (
    id               bigserial primary key,
    concern_id       bigint        not null references concern (id),
    action           varchar(20)   not null,
    note             varchar(5000),
    reported_to      varchar(300),
    report_reference varchar(200),
    reported_at      timestamptz,
    actor            varchar(100)  not null,
    at               timestamptz   not null default now()
);
create index concern_action_concern_idx on concern_action (concern_id, id);

-- The leads' own audit trail: who raised, read, acted on or exported what. Append-only, like audit_event.
create table safeguarding_audit (
    id         bigserial primary key,
    at         timestamptz  not null default now(),
    actor      varchar(100) not null,
    actor_role varchar(20)  not null,
    action     varchar(40)  not null,
    concern_id bigint references concern (id),
    entry_id   bigint references entry (id),
    detail     jsonb
);
create index safeguarding_audit_concern_idx on safeguarding_audit (concern_id, id);

create function safeguarding_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'safeguarding_audit is append-only: % is not allowed', tg_op;
end $$;
create trigger safeguarding_audit_no_update before update or delete on safeguarding_audit
    for each row execute function safeguarding_audit_append_only();
create trigger safeguarding_audit_no_truncate before truncate on safeguarding_audit
    for each statement execute function safeguarding_audit_append_only();
