package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of raising a concern, the safeguarding desk and a school's safeguarding contact. Templates use {@code sg:key}. */
@MessageBundle(value = "sg", locale = "en")
public interface SafeguardingMsg {

    @Message
    String sg_raise();

    @Message
    String sg_raise_intro();

    @Message
    String sg_raise_title(String code);

    @Message
    String sg_kind();

    @Message
    String sg_kind_DISCLOSURE();

    @Message
    String sg_kind_SUSPECTED_ABUSE_MATERIAL();

    @Message
    String sg_kind_IDENTIFIABLE_CHILD();

    @Message
    String sg_kind_OTHER();

    @Message
    String sg_urgent();

    @Message
    String sg_urgent_hint();

    @Message
    String sg_note();

    @Message
    String sg_note_hint();

    @Message
    String sg_excerpt();

    @Message
    String sg_excerpt_hint();

    @Message
    String sg_send();

    @Message
    String sg_not_sent();

    @Message
    String sg_thanks_title();

    @Message
    String sg_thanks_text();

    @Message
    String sg_thanks_reference(String reference);

    /** The API's answer to a concern raised: the thank-you page's words in one sentence. */
    @Message
    String sg_receipt();

    @Message
    String sg_back();

    @Message
    String sg_school_notice();

    @Message
    String sg_nav();

    @Message
    String sg_desk_title();

    @Message
    String sg_desk_intro();

    @Message
    String sg_open();

    @Message
    String sg_closed();

    @Message
    String sg_none_open();

    @Message
    String sg_none_closed();

    @Message
    String sg_col_reference();

    @Message
    String sg_col_kind();

    @Message
    String sg_col_urgency();

    @Message
    String sg_col_entry();

    @Message
    String sg_col_raised();

    @Message
    String sg_col_due();

    @Message
    String sg_col_status();

    @Message
    String sg_urgency_IMMEDIATE_DANGER();

    @Message
    String sg_urgency_NORMAL();

    @Message
    String sg_overdue();

    @Message
    String sg_triaged();

    @Message
    String sg_status_OPEN();


    @Message
    String sg_outcome_RELEASED();

    @Message
    String sg_outcome_EXCLUDED();

    @Message
    String sg_concern_title(String reference);

    @Message
    String sg_the_concern();

    @Message
    String sg_raised_by();

    @Message
    String sg_role_organiser();

    @Message
    String sg_role_juror();

    @Message
    String sg_role_school();

    @Message
    String sg_role_safeguarding();

    @Message
    String sg_excerpt_label();

    @Message
    String sg_the_entry();

    @Message
    String sg_entry_code();

    @Message
    String sg_entry_title();

    @Message
    String sg_entry_statement();

    @Message
    String sg_entry_competition();

    @Message
    String sg_entry_children();

    @Message
    String sg_entry_attested();

    @Message
    String sg_school();

    @Message
    String sg_school_contact();

    @Message
    String sg_school_dsl();

    @Message
    String sg_school_dsl_none();

    @Message
    String sg_files();

    @Message
    String sg_file_view();

    @Message
    String sg_files_sealed();

    @Message
    String sg_sha();

    @Message
    String sg_evidence();

    @Message
    String sg_evidence_hint();

    @Message
    String sg_other_concerns();

    @Message
    String sg_history();

    @Message
    String sg_history_none();

    @Message
    String sg_action();

    @Message
    String sg_action_kind();

    @Message
    String sg_action_TRIAGED();

    @Message
    String sg_action_CONTACTED_SCHOOL();

    @Message
    String sg_action_REPORTED();

    @Message
    String sg_action_NO_FURTHER_ACTION();

    @Message
    String sg_action_RELEASED();

    @Message
    String sg_action_EXCLUDED();

    @Message
    String sg_action_note();

    @Message
    String sg_reported_to();

    @Message
    String sg_reported_to_hint();

    @Message
    String sg_report_reference();

    @Message
    String sg_reported_at();

    @Message
    String sg_action_save();

    @Message
    String sg_action_saved();

    @Message
    String sg_closed_released();

    @Message
    String sg_closed_excluded();

    @Message
    String sg_not_recorded();

    @Message
    String sg_badge(long n);

    @Message
    String sg_contact_title();

    @Message
    String sg_contact_intro();

    @Message
    String sg_contact_missing();

    @Message
    String sg_contact_name();

    @Message
    String sg_contact_phone();

    @Message
    String sg_lead_email_hint();

    @Message
    String sg_contact_email();

    @Message
    String sg_contact_save();

    @Message
    String sg_contact_saved();

    @Message
    String sg_leads_title();

    @Message
    String sg_no_lead_title();

    @Message
    String sg_no_lead_text();

    @Message
    String sg_no_lead_link();

    @Message
    String sg_alerts_undelivered_title();

    @Message
    String sg_alerts_undelivered_text(long n);

    @Message
    String sg_alerts_undelivered_tell();

    @Message
    String sg_alerts_undelivered_link();

    @Message
    String sg_alerts_undelivered_desk();

    @Message
    String sg_leads_intro();

    @Message
    String sg_lead_add();

    @Message
    String sg_lead_all();

    @Message
    String sg_lead_username();

    @Message
    String sg_as_raised();

    @Message
    String sg_decide();

    @Message
    String sg_release();

    @Message
    String sg_release_text();

    @Message
    String sg_release_yes();

    @Message
    String sg_exclude();

    @Message
    String sg_exclude_text();

    @Message
    String sg_exclude_yes();
}
