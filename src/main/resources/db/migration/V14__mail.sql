-- E-mail (docs/operations.md, "Mail"). The transactional outbox: a message is written here in the
-- same transaction as the change that causes it, so it exists exactly when that change does; the
-- sender (mail/MailSender) delivers it later, with retries, whether or not SMTP was up at the time.
-- A sender claims a row with SELECT ... FOR UPDATE SKIP LOCKED and holds the lock while it talks to
-- SMTP, so two instances never send the same message. Secret links (invitation, reset) are in the
-- bodies only until the message is sent; then they are masked.
create table outbox_message (
    id              bigserial    primary key,
    kind            varchar(40)  not null,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    text_body       text         not null,
    html_body       text         not null,
    status          varchar(10)  not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    check ((status = 'SENT') = (sent_at is not null))
);
-- The sender's query: due messages, oldest first.
create index outbox_message_due_idx on outbox_message (next_attempt_at, id) where status = 'QUEUED';
create index outbox_message_status_idx on outbox_message (status, id);
create index outbox_message_recipient_idx on outbox_message (lower(recipient), id);

-- Single-use links that let a person set their password: an invitation (7 days) or a reset (1 hour).
-- Only the SHA-256 of the token is kept; using one marks it used in the same statement that checks it.
create table account_token (
    token_hash char(64)    primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    purpose    varchar(10) not null check (purpose in ('INVITE', 'RESET')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index account_token_user_idx on account_token (user_id, purpose);
