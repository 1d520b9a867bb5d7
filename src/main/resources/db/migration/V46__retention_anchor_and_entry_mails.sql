-- The default retention date counts from the competition's first publication (docs/privacy.md, "Retention"):
-- unpublishing clears published_at, and publishing again sets it anew, so published_at alone let an
-- unpublished competition keep its children's data for ever and a republished one restart the clock.
-- Competitions published before are anchored at their first COMPETITION_PUBLISHED event (so one unpublished
-- since is due again), else at their publication.
alter table competition add column first_published_at timestamptz;
update competition c
   set first_published_at = coalesce((select min(a.at) from audit_event a
                                       where a.action = 'COMPETITION_PUBLISHED' and a.competition_id = c.id),
                                      c.published_at)
 where c.published_at is not null
    or exists (select 1 from audit_event a where a.action = 'COMPETITION_PUBLISHED' and a.competition_id = c.id);

-- A school's mail names entries: a receipt its entry, a result mail the school's shortlisted ones, each
-- with its title. Tied to them here, so that an erasure finds exactly those mails and rewrites them
-- (erasure/ErasureService#eraseMails), whatever title they carry: a receipt sent before the school changed
-- the title holds the old one. The link goes with the mail, or with the entry should its creation be undone.
create table outbox_message_entry (
    message_id bigint not null references outbox_message (id) on delete cascade,
    entry_id   bigint not null references entry (id) on delete cascade,
    primary key (message_id, entry_id)
);
create index outbox_message_entry_entry on outbox_message_entry (entry_id);

-- Mails queued before are tied by the codes they name (entry/EntryCodes: E- and five of its alphabet), as
-- erasure used to find them: the codes are read out of each mail and joined on entry's unique code, so the
-- backfill reads each mail once rather than each mail against each entry.
insert into outbox_message_entry (message_id, entry_id)
select distinct m.id, e.id
  from outbox_message m
  cross join lateral regexp_matches(m.text_body, 'E-[2-9A-HJ-NP-Z]{5}', 'g') as found(code)
  join entry e on e.code = found.code[1]
 where m.kind in ('RECEIPT', 'RESULT');
