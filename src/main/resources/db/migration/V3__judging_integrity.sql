-- Judging integrity (issue 4): disagreement settings, juries and category panels, abstentions,
-- adjudications, jury-view redactions, the scorecards a frozen shortlist was computed from, and the
-- append-only audit trail.

-- How far apart an entry's jurors may be before it is flagged (points on the 0-100 total), and the
-- jurors per entry of the last assignment run (the target that reassignment keeps).
alter table competition
    add column disagreement_max_spread  numeric(6, 2) not null default 30 check (disagreement_max_spread >= 0),
    add column disagreement_max_std_dev numeric(6, 2) check (disagreement_max_std_dev >= 0),
    add column jurors_per_entry         integer check (jurors_per_entry > 0);

-- Words an organiser hides from the jury view of an entry (e.g. a school name written into the text).
alter table entry add column jury_redactions text[] not null default '{}';

-- Every scorecard's weighted total on 0-100, kept by the database as marks are written (the same
-- formula as ranking.math.Scorecards.weightedTotal), so that ranking 500,000 scorecards never has to
-- re-read their 2,000,000 marks. Statement-level triggers: a bulk insert refreshes its scorecards once.
alter table scorecard add column total double precision;

create function scorecard_total_refresh() returns trigger language plpgsql as $$
begin
    update scorecard sc set total = t.total
    from (select s.scorecard_id,
                 100.0 * sum(cr.weight::float8 * (s.value - cr.min_score) / (cr.max_score - cr.min_score))
                       / sum(cr.weight::float8) as total
          from score s join criterion cr on cr.id = s.criterion_id
          where s.scorecard_id in (select distinct scorecard_id from changed)
          group by s.scorecard_id) t
    where sc.id = t.scorecard_id;
    update scorecard sc set total = null
    where sc.id in (select distinct scorecard_id from changed)
      and not exists (select 1 from score s where s.scorecard_id = sc.id);
    return null;
end;
$$;
create trigger score_inserted after insert on score referencing new table as changed
    for each statement execute function scorecard_total_refresh();
create trigger score_updated after update on score referencing new table as changed
    for each statement execute function scorecard_total_refresh();
create trigger score_deleted after delete on score referencing old table as changed
    for each statement execute function scorecard_total_refresh();

-- A juror may abstain with a reason: the scorecard is then never counted and the entry is topped up.
alter table scorecard add column abstain_reason varchar(1000);
alter table scorecard add constraint scorecard_status_check check (status in ('DRAFT', 'SUBMITTED', 'ABSTAINED'));
alter table scorecard add constraint scorecard_abstain_reason_check
    check ((status = 'ABSTAINED') = (abstain_reason is not null));

-- The jury of a competition. No rows: every juror may be assigned (the foundation's behaviour).
-- categories empty: the juror scores every category; otherwise only these category codes.
create table panel_member (
    competition_id bigint        not null references competition (id),
    juror_id       bigint        not null references juror (id),
    categories     varchar(40)[] not null default '{}',
    primary key (competition_id, juror_id)
);

-- An organiser's decision on an entry whose jurors disagree. scorecards fingerprints the counted
-- scorecards ("id:version,...") the decision was made on: a CONFIRM is valid only while they stand.
create table adjudication (
    id             bigserial primary key,
    competition_id bigint         not null references competition (id),
    entry_id       bigint         not null references entry (id),
    decision       varchar(20)    not null check (decision in ('CONFIRM', 'REQUEST_JUROR')),
    note           varchar(2000),
    scorecards     text           not null,
    spread         numeric(12, 6),
    added_juror_id bigint references juror (id),
    decided_by     varchar(100)   not null,
    decided_at     timestamptz    not null default now()
);
create index adjudication_entry_idx on adjudication (competition_id, entry_id, id);

-- What the freeze was computed from, so that /shortlist/verify can rebuild the sealed snapshot.
alter table shortlist add column disagreement varchar(200) not null default '';
alter table shortlist_entry
    add column median      numeric(12, 6) not null default 0,
    add column juror_count integer        not null default 0;

create table shortlist_scorecard (
    shortlist_id bigint         not null references shortlist (id),
    scorecard_id bigint         not null references scorecard (id),
    entry_id     bigint         not null references entry (id),
    juror_id     bigint         not null references juror (id),
    version      bigint         not null,
    total        numeric(12, 6) not null,
    scores       varchar(2000)  not null, -- canonical "criterion=value;..." in rubric order
    primary key (shortlist_id, scorecard_id)
);
create index shortlist_scorecard_scorecard_idx on shortlist_scorecard (scorecard_id);

-- Every state change, who made it, when, and the values before and after. Append-only: the
-- application never updates or deletes a row, and the database refuses it if anyone tries.
create table audit_event (
    id             bigserial primary key,
    at             timestamptz  not null default clock_timestamp(),
    actor          varchar(100) not null,
    actor_role     varchar(20)  not null,
    action         varchar(40)  not null,
    competition_id bigint,
    subject_type   varchar(40),
    subject_id     bigint,
    before_value   jsonb,
    after_value    jsonb
);
create index audit_event_competition_idx on audit_event (competition_id, id);
create index audit_event_action_idx on audit_event (action, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
