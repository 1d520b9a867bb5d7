-- A safeguarding alert is no longer given up after the last attempt (mail/MailSender): one an earlier version
-- marked FAILED goes back to the queue, so that it reaches the lead once the SMTP server takes it.
update outbox_message set status = 'QUEUED', next_attempt_at = now()
    where kind = 'SAFEGUARDING_ALERT' and status = 'FAILED';
