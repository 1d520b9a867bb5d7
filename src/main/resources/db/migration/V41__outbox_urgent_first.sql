-- A safeguarding alert goes out before any bulk mail due with it (mail/MailSender): the sender asks
-- this small index first, then the due index (V14) for the rest.
create index outbox_message_urgent_due_idx on outbox_message (next_attempt_at, id)
    where status = 'QUEUED' and kind = 'SAFEGUARDING_ALERT';
