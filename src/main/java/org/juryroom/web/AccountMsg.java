package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the pages about one's own password (invitation, reset) and of the organisers' outbox.
 * Templates use {@code acct:key}; English in {@code messages/acct_en.properties}.
 */
@MessageBundle(value = "acct", locale = "en")
public interface AccountMsg {

    @Message
    String acct_forgot();

    @Message
    String acct_invite_title();

    @Message
    String acct_invite_lede();

    @Message
    String acct_reset_title();

    @Message
    String acct_reset_lede();

    @Message
    String acct_reset_request_lede();

    @Message
    String acct_email();

    @Message
    String acct_email_invalid();

    @Message
    String acct_send_link();

    @Message
    String acct_new_password();

    @Message
    String acct_password_hint();

    @Message
    String acct_save_password();

    @Message
    String acct_password_saved();

    @Message
    String acct_sign_in();

    @Message
    String acct_link_gone();

    @Message
    String acct_outbox();

    @Message
    String acct_outbox_sub(long total);

    @Message
    String acct_status();

    @Message
    String acct_status_any();

    @Message
    String acct_to();

    @Message
    String acct_filter();

    @Message
    String acct_none();

    @Message
    String acct_created();

    @Message
    String acct_kind();

    @Message
    String acct_subject();

    @Message
    String acct_attempts();

    @Message
    String acct_error();

    @Message
    String acct_sent();

    @Message
    String acct_next();

    @Message
    String acct_read();

    @Message
    String acct_retry();

    @Message
    String acct_send_now();

    @Message
    String acct_send_invitation();

    @Message
    String acct_send_reset();

    @Message
    String acct_invite_checkbox();

    @Message
    String acct_invited();

    // The outbox page: a message's status and kind in words (tags/mailStatus.html, tags/mailKind.html).
    @Message
    String acct_mail_QUEUED();

    @Message
    String acct_mail_SENT();

    @Message
    String acct_mail_FAILED();

    @Message
    String acct_mail_kind_INVITATION();

    @Message
    String acct_mail_kind_PASSWORD_RESET();

    @Message
    String acct_mail_kind_REMINDER();

    @Message
    String acct_mail_kind_ASSIGNMENT();

    @Message
    String acct_mail_kind_RECEIPT();

    @Message
    String acct_mail_kind_RESULT();

    @Message
    String acct_mail_kind_CONSENT_CONFIRMATION();

    @Message
    String acct_mail_kind_CONSENT_RECORDED();

    @Message
    String acct_mail_kind_SAFEGUARDING_ALERT();
}
