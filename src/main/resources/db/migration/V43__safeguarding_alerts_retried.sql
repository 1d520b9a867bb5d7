-- A safeguarding alert is no longer given up after the last attempt (mail/MailSender) while its address is an
-- active lead's: one an earlier version marked FAILED goes back to the queue, so that it reaches the lead once
-- the SMTP server takes it. Alerts to an address no active lead has any more stay as they were.
update outbox_message m set status = 'QUEUED', next_attempt_at = now()
 where m.kind = 'SAFEGUARDING_ALERT' and m.status = 'FAILED'
   and exists (select 1 from safeguarding_lead l
                where lower(l.email) = lower(m.recipient)
                  and not exists (select 1 from app_user u where u.safeguarding_lead_id = l.id
                                     and u.deactivated_at is not null));
