-- A SCREENING round's work: one row per assigned (entry, juror); vote null until the juror votes.
create table screening_vote (
    id        bigserial primary key,
    round_id  bigint        not null references judging_round (id),
    entry_id  bigint        not null references entry (id),
    juror_id  bigint        not null references juror (id),
    vote      varchar(10)   check (vote in ('YES', 'NO', 'ABSTAIN')),
    comment   varchar(2000),
    voted_at  timestamptz,
    created_at timestamptz  not null default now(),
    unique (round_id, entry_id, juror_id)
);
create index screening_vote_juror_idx on screening_vote (juror_id, round_id);
-- A juror's read of an entry asks whether they screen it now; entry deletes check these keys too.
create index screening_vote_entry_idx on screening_vote (entry_id, juror_id);

-- What a closed round decided: every entry it judged, and whether it advanced.
create table round_outcome (
    round_id  bigint  not null references judging_round (id),
    entry_id  bigint  not null references entry (id),
    advanced  boolean not null,
    primary key (round_id, entry_id)
);
create index round_outcome_advanced_idx on round_outcome (round_id, advanced);
create index round_outcome_entry_idx on round_outcome (entry_id);

-- The organiser's decisions on missing work; never updated nor deleted (sealed with the shortlist).
create table round_remedy (
    id         bigserial primary key,
    round_id   bigint        not null references judging_round (id),
    kind       varchar(20)   not null check (kind in ('EXCUSE', 'ACCEPT_FEWER', 'REASSIGN')),
    juror_id   bigint        references juror (id),
    entry_id   bigint        references entry (id),
    moved      integer,
    reason     varchar(2000) not null,
    decided_by varchar(100)  not null,
    decided_at timestamptz   not null,
    check ((kind = 'ACCEPT_FEWER') = (entry_id is not null)),
    check ((kind <> 'ACCEPT_FEWER') = (juror_id is not null))
);
create index round_remedy_round_idx on round_remedy (round_id);
