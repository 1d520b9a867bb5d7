-- API sign-ins are remembered in memory (access/SignInMemory, docs/api.md): every instance LISTENs on
-- this channel and forgets what it remembered on a notification, so a revoked token, a new password, a
-- deactivation or a change of role made on another instance (or directly in the database) takes effect
-- there as soon as the notification arrives. Sent at commit, once per statement. A token's last use
-- (written at most once a minute per token) changes nothing remembered and sends nothing.
create function notify_account_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('juryroom_account_change', '');
    return null;
end $$;

create trigger app_user_account_notify after insert or update or delete on app_user
    for each statement execute function notify_account_change();
create trigger api_token_account_notify after insert or delete or update of user_id, token_hash, role, expires_at,
    revoked_at on api_token for each statement execute function notify_account_change();
