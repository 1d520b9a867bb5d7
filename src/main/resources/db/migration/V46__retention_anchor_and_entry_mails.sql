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
