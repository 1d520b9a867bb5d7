package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the web pages, by key; templates use {@code msg:key}. The English texts live in
 * {@code messages/msg_en.properties}; a translation is one more file ({@code msg_bn.properties},
 * {@code msg_hi.properties}) plus its locale in {@code quarkus.locales}. Keys follow the file.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String lang();

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String nav_label();

    @Message
    String nav_competitions();

    @Message
    String nav_schools();

    @Message
    String nav_jurors();

    @Message
    String nav_desk();

    @Message
    String nav_entries();

    @Message
    String sign_out();

    @Message
    String footer_text();

    @Message
    String login_title();

    @Message
    String login_heading();

    @Message
    String login_lede();

    @Message
    String login_username();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_failed();

    @Message
    String login_expired();

    @Message
    String login_signed_out();

    @Message
    String login_help();

    @Message
    String login_public_link();

    @Message
    String error_title();

    @Message
    String error_text();

    @Message
    String error_expired_title();

    @Message
    String error_expired_text();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_text();

    @Message
    String error_forbidden_title();

    @Message
    String error_forbidden_text();

    @Message
    String error_conflict_title();

    @Message
    String error_invalid_title();

    @Message
    String error_unavailable_title();

    @Message
    String error_unavailable_text();

    @Message
    String error_back();

    @Message
    String crumbs_label();

    @Message
    String status_draft();

    @Message
    String status_submitted();

    @Message
    String status_withdrawn();

    @Message
    String cstatus_draft();

    @Message
    String cstatus_open();

    @Message
    String cstatus_judging();

    @Message
    String cstatus_frozen();

    @Message
    String cstatus_published();

    @Message
    String deadline_upcoming(String date);

    @Message
    String deadline_closed(String date);

    @Message
    String deadline_days(long days, long hours);

    @Message
    String deadline_hours(long hours, long minutes);

    @Message
    String deadline_at(String date);

    @Message
    String school_title();

    @Message
    String school_heading();

    @Message
    String school_new_entry();

    @Message
    String school_quota(long active, int max);

    @Message
    String school_quota_full(int max);

    @Message
    String school_no_entries();

    @Message
    String school_files_count(long count);

    @Message
    String school_submitted_at(String date);

    @Message
    String school_none_title();

    @Message
    String school_none_text();

    @Message
    String form_new_title();

    @Message
    String form_edit_title();

    @Message
    String form_fix();

    @Message
    String form_files_not_kept();

    @Message
    String form_about();

    @Message
    String form_title();

    @Message
    String form_category();

    @Message
    String form_limits();

    @Message
    String form_limit(String extensions, String size);

    @Message
    String form_statement();

    @Message
    String form_statement_hint();

    @Message
    String form_children();

    @Message
    String form_children_hint();

    @Message
    String form_first_name(int number);

    @Message
    String form_grade();

    @Message
    String form_remove();

    @Message
    String form_remove_child(int number);

    @Message
    String form_add_child();

    @Message
    String form_consent();

    @Message
    String form_consent_hint();

    @Message
    String consent_judging();

    @Message
    String consent_judging_text();

    @Message
    String consent_work();

    @Message
    String consent_work_text();

    @Message
    String consent_names();

    @Message
    String consent_names_text();

    @Message
    String consent_attested_by();

    @Message
    String consent_attested_hint();

    @Message
    String form_files();

    @Message
    String form_save_new();

    @Message
    String form_save();

    @Message
    String form_cancel();

    @Message
    String upload_drop();

    @Message
    String upload_limits_hint();

    @Message
    String upload_pick();

    @Message
    String upload_too_large();

    @Message
    String upload_wrong_type();

    @Message
    String upload_waiting();

    @Message
    String upload_sending();

    @Message
    String upload_sent();

    @Message
    String upload_failed();

    @Message
    String upload_session();

    @Message
    String entry_code_line(String code);

    @Message
    String entry_edit();

    @Message
    String entry_created();

    @Message
    String entry_saved();

    @Message
    String entry_uploaded();

    @Message
    String entry_removed();

    @Message
    String entry_submitted();

    @Message
    String entry_withdrawn();

    @Message
    String entry_not_done();

    @Message
    String entry_details();

    @Message
    String entry_deadline();

    @Message
    String entry_submitted_on();

    @Message
    String entry_grade(int grade);

    @Message
    String consent_yes();

    @Message
    String consent_no();

    @Message
    String entry_attested(String name);

    @Message
    String entry_not_attested();

    @Message
    String entry_no_files();

    @Message
    String entry_download();

    @Message
    String entry_add_files();

    @Message
    String entry_upload();

    @Message
    String entry_send_title();

    @Message
    String entry_withdraw_title();

    @Message
    String entry_send_text();

    @Message
    String entry_submit();

    @Message
    String entry_submit_confirm();

    @Message
    String entry_submit_yes();

    @Message
    String entry_withdraw();

    @Message
    String entry_withdraw_confirm();

    @Message
    String entry_withdraw_yes();

    @Message
    String jury_title();

    @Message
    String jury_heading();

    @Message
    String jury_progress(long done, long total);

    @Message
    String jury_none_title();

    @Message
    String jury_none_text();

    @Message
    String jury_blind_note();

    @Message
    String jury_finished();

    @Message
    String jury_not_judging();

    @Message
    String jury_tabs();

    @Message
    String jury_tab_todo();

    @Message
    String jury_tab_drafts();

    @Message
    String jury_tab_done();

    @Message
    String jury_empty_todo();

    @Message
    String jury_empty_drafts();

    @Message
    String jury_empty_done();

    @Message
    String jury_scored();

    @Message
    String jury_to_score();

    @Message
    String jury_position(int number, int max);

    @Message
    String jury_previous();

    @Message
    String jury_next();

    @Message
    String jury_saved_submitted();

    @Message
    String jury_saved_draft();

    @Message
    String jury_not_saved();

    @Message
    String jury_the_work();

    @Message
    String jury_files();

    @Message
    String jury_file_n(int number);

    @Message
    String jury_image_alt(String code);

    @Message
    String jury_pdf_alt(String code);

    @Message
    String jury_zoom_out();

    @Message
    String jury_zoom_in();

    @Message
    String jury_zoom_fit();

    @Message
    String jury_download_pdf();

    @Message
    String jury_statement();

    @Message
    String jury_rubric();

    @Message
    String jury_submitted_note(String date);

    @Message
    String jury_draft_note(String date);

    @Message
    String jury_scale_low(int number);

    @Message
    String jury_scale_high(int number);

    @Message
    String jury_scale_range(int min, int max);

    @Message
    String jury_comment();

    @Message
    String jury_comment_hint();

    @Message
    String jury_total();

    @Message
    String jury_save_draft();

    @Message
    String jury_submit();

    @Message
    String jury_save_correction();

    @Message
    String jury_submit_next();
}
