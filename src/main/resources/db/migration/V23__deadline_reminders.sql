-- Issue 12: the judging deadline, the reminders sent before deadlines, and reset requests waiting to be handled.
alter table competition add column judging_closes_at timestamptz;

-- One row per reminder mail. A scheduled reminder (DAYS_7, DAYS_3, DAYS_1) goes to a juror or a school at
-- most once per deadline: the unique indexes make a second scheduler (or instance) insert nothing. A new
-- deadline re-arms them. MANUAL rows are the organiser's "remind everyone" clicks.
create table reminder_sent (
    id bigserial primary key,
    competition_id bigint not null references competition (id) on delete cascade,
    juror_id bigint references juror (id),
    school_id bigint references school (id),
    kind varchar(10) not null,
    deadline timestamptz,  -- null for MANUAL
    sent_at timestamptz not null default now(),
    check ((juror_id is null) <> (school_id is null))
);
create unique index reminder_sent_juror_once on reminder_sent (competition_id, juror_id, kind, deadline)
    where juror_id is not null and kind <> 'MANUAL';
create unique index reminder_sent_school_once on reminder_sent (competition_id, school_id, kind, deadline)
    where school_id is not null and kind <> 'MANUAL';
create index reminder_sent_juror on reminder_sent (juror_id);
create index reminder_sent_school on reminder_sent (school_id);

-- "Forgot your password?" stores the address and nothing else on the request path, whether or not an
-- account uses it; PasswordResets.handle() looks it up and queues the mail later.
create table reset_request (
    id bigserial primary key,
    email varchar(320) not null,
    requested_at timestamptz not null default now()
);
