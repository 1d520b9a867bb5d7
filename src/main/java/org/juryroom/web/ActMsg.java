package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What each audit action is called in the audit log ({@code tags/auditAction.html}), for the
 * actions added after {@link OrgMsg}'s {@code org_act_*} labels. Kept apart from {@link OrgMsg}:
 * Qute's generated resolver for one bundle fails to verify past about 300 messages.
 */
@MessageBundle(value = "act", locale = "en")
public interface ActMsg {

    @Message
    String act_consent_recorded();

    @Message
    String act_consent_withdrawn();

    @Message
    String act_entry_identifiable_child();

    @Message
    String act_personal_data_erased();

    @Message
    String act_retention_set();

    @Message
    String act_seal_migrated();

    @Message
    String act_access_request_served();

    @Message
    String act_account_deactivated();

    @Message
    String act_account_reactivated();

    @Message
    String act_invitation_sent();

    @Message
    String act_invitation_resent();

    @Message
    String act_invitation_accepted();

    @Message
    String act_password_reset_sent();

    @Message
    String act_password_reset_used();

    @Message
    String act_outbox_retried();

    @Message
    String act_school_updated();

    @Message
    String act_juror_updated();

    @Message
    String act_safeguarding_lead_updated();

    @Message
    String act_api_token_created();

    @Message
    String act_api_token_revoked();

    @Message
    String act_rounds_changed();

    @Message
    String act_screening_voted();

    @Message
    String act_round_remedy();

    @Message
    String act_round_closed();

    @Message
    String act_round_jury_changed();

    @Message
    String act_ballot_cast();

    @Message
    String act_commission_changed();

    // What an audit line is about (tags/subjectType.html), for subjects added after OrgMsg's org_subject_*.

    @Message
    String act_subject_commission();

    @Message
    String act_subject_api_token();

    @Message
    String act_subject_round();

    @Message
    String act_subject_user();

    @Message
    String act_subject_outbox_message();
}
