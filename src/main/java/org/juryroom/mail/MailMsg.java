package org.juryroom.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the e-mails. Templates ({@code templates/mail/}) use {@code mail:key}; subjects are read
 * here. The English texts live in {@code messages/mail_en.properties}; a translation is one more
 * file, as for the pages' bundles (web/OrgMsg). Nothing in a mail names a child together with a
 * school, and no mail to a juror names a school.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMsg {

    @Message
    String mail_greeting(String name);

    @Message
    String mail_username(String username);

    @Message
    String mail_footer();

    @Message
    String mail_invite_subject();

    @Message
    String mail_invite_school(String school);

    @Message
    String mail_invite_juror();

    @Message
    String mail_invite_account();

    @Message
    String mail_invite_action();

    @Message
    String mail_invite_expiry();

    @Message
    String mail_reset_subject();

    @Message
    String mail_reset_intro();

    @Message
    String mail_reset_action();

    @Message
    String mail_reset_expiry();

    @Message
    String mail_reminder_subject(String competition);

    @Message
    String mail_reminder_intro(String competition, long left);

    @Message
    String mail_reminder_action();

    @Message
    String mail_reminder_deadline(String when);

    @Message
    String mail_drafts_subject(String competition);

    @Message
    String mail_drafts_intro(String competition, long drafts, String deadline);

    @Message
    String mail_drafts_action();

    @Message
    String mail_assigned_subject(String competition);

    @Message
    String mail_assigned_intro(String competition, long added, long total);

    @Message
    String mail_receipt_subject(String code);

    @Message
    String mail_receipt_intro(String title, String competition);

    @Message
    String mail_receipt_code(String code);

    @Message
    String mail_receipt_time(String when);

    @Message
    String mail_receipt_files();

    @Message
    String mail_receipt_file(String type, String size, String sha256);

    @Message
    String mail_result_subject(String competition);

    @Message
    String mail_result_shortlisted(String competition);

    @Message
    String mail_result_none(String competition);

    @Message
    String mail_result_entry(String title, String code);

    @Message
    String mail_result_action();

    /** What a sent mail's stored copy says once an entry it named was erased (erasure/ErasureService). */
    @Message
    String mail_erased_note();

    @Message
    String mail_consent_confirm_subject(String competition);

    @Message
    String mail_consent_confirm_intro(String child, String competition);

    @Message
    String mail_consent_scopes();

    @Message
    String mail_consent_scope_judging();

    @Message
    String mail_consent_scope_publishWork();

    @Message
    String mail_consent_scope_publishName();

    @Message
    String mail_consent_notice(int version);

    @Message
    String mail_consent_confirm_action();

    @Message
    String mail_consent_confirm_hint();

    @Message
    String mail_consent_withdraw_hint();

    @Message
    String mail_consent_confirm_once();

    @Message
    String mail_consent_recorded_subject(String competition);

    @Message
    String mail_consent_recorded_intro(String child, String competition);

    @Message
    String mail_consent_recorded_action();

    @Message
    String mail_sg_alert_subject(String reference);

    @Message
    String mail_sg_alert_subject_urgent(String reference);

    @Message
    String mail_sg_alert_intro(String reference);

    @Message
    String mail_sg_alert_urgent();

    @Message
    String mail_sg_alert_action();
}
