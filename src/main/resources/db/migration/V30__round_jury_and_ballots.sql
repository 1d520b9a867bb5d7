-- Issue 13: a jury per round, and the FINAL round's ballots (docs/judging.md, "The final round").
-- A round with jury rows assigns from them; a SCREENING or RUBRIC round without any uses the
-- competition's panels (panel_member). The FINAL round's jury is always its rows here.
create table round_jury (
    round_id   bigint        not null references judging_round (id),
    juror_id   bigint        not null references juror (id),
    categories varchar(50)[] not null default '{}',
    primary key (round_id, juror_id)
);
create index round_jury_juror_idx on round_jury (juror_id);

-- One ballot per final juror, replaced while the round is open: tie groups best first, as
-- canonical JSON ([[7],[3,9],[4]], each group ascending). Never written after the round closes.
create table final_ballot (
    id         bigserial   primary key,
    round_id   bigint      not null references judging_round (id),
    juror_id   bigint      not null references juror (id),
    ballot     text        not null,
    version    bigint      not null default 1,
    cast_at    timestamptz not null,
    unique (round_id, juror_id)
);
