-- Signed-in browsers (docs/ui.md, "The session"). The form-authentication cookie alone cannot be
-- revoked, so every page sign-in also gets a random session id of its own (cookie juryroom-sid); a page
-- request counts as signed in only while its id is listed here for the same user. Signing out deletes
-- the row, so a copied cookie stops working at once. Only a SHA-256 hash of the id is kept: this table
-- alone lets nobody in. Deleting a user deletes their sessions.
create table web_session (
    id_hash      varchar(64) primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
);
create index web_session_user_idx on web_session (user_id);
-- Idle rows are pruned at sign-in.
create index web_session_last_seen_idx on web_session (last_seen_at);
