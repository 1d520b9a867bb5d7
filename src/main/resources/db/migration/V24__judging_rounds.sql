-- Issue 13: a competition judges in an ordered list of rounds (docs/judging.md, "Rounds").
-- SCREENING rounds come before the one RUBRIC round (today's scorecards), a FINAL round after it.
create table judging_round (
    id               bigserial primary key,
    competition_id   bigint       not null references competition (id),
    position         integer      not null check (position >= 1),
    kind             varchar(20)  not null check (kind in ('SCREENING', 'RUBRIC', 'FINAL')),
    name             varchar(200) not null,
    jurors_per_entry integer      check (jurors_per_entry between 1 and 50),
    quorum           integer      check (quorum >= 1),
    advance_top      integer      check (advance_top >= 1),
    places           integer      check (places >= 1),
    mentions         integer      check (mentions >= 0),
    closes_at        timestamptz,
    status           varchar(20)  not null default 'PENDING' check (status in ('PENDING', 'OPEN', 'CLOSED')),
    opened_at        timestamptz,
    opened_by        varchar(100),
    closed_at        timestamptz,
    closed_by        varchar(100),
    close_reason     varchar(2000),
    version          bigint       not null default 0,
    -- deferred: a PUT reorders pending rounds in one transaction
    constraint judging_round_position_unique unique (competition_id, position) deferrable initially deferred,
    constraint judging_round_quorum_within_k check (quorum is null or quorum <= jurors_per_entry)
);
create unique index judging_round_one_rubric on judging_round (competition_id) where kind = 'RUBRIC';

-- Every existing competition gets its one RUBRIC round: closed once frozen, open once judging or
-- assigned, pending before.
insert into judging_round (competition_id, position, kind, name, jurors_per_entry, status, opened_at, closed_at)
select c.id, 1, 'RUBRIC', 'Rubric round', c.jurors_per_entry,
       case when c.status in ('FROZEN', 'PUBLISHED') then 'CLOSED'
            when c.status = 'JUDGING' or c.jurors_per_entry is not null then 'OPEN'
            else 'PENDING' end,
       case when c.status in ('FROZEN', 'PUBLISHED', 'JUDGING') or c.jurors_per_entry is not null then now() end,
       (select s.frozen_at from shortlist s where s.competition_id = c.id)
from competition c;

-- A competition created the old way (no rounds PUT) gets one RUBRIC round, on every instance.
create function judging_round_default() returns trigger language plpgsql as $$
begin
    insert into judging_round (competition_id, position, kind, name) values (new.id, 1, 'RUBRIC', 'Rubric round');
    return null;
end $$;
create trigger competition_default_round after insert on competition
    for each row execute function judging_round_default();
