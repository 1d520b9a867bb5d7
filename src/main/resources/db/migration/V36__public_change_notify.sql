-- The public shortlist is served from memory with no database work while nothing it depends on may
-- have changed (common/ChangeSignals, docs/performance.md): every instance LISTENs on this channel and
-- checks its copies again (ChangeSnapshots, still the truth) after a notification. PostgreSQL delivers
-- a notification only once its transaction has committed, and folds repeats within one transaction.
-- Sent once per statement: on every public_change row (V27/V34: everything the public sees of a
-- published competition) and on what the copies' status and list checks read from competition
-- (a new or deleted competition, any change of status, title, theme or publication time).
create function notify_public_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('juryroom_public_change', '');
    return null;
end $$;

create trigger public_change_notify after insert on public_change
    for each statement execute function notify_public_change();
create trigger competition_public_notify after insert or delete or update of status, title, theme, published_at
    on competition for each statement execute function notify_public_change();
