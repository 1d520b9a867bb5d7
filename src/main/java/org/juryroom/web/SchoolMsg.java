package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the school portal. Templates use {@code school:key}. The English texts live in
 * {@code messages/school_en.properties}; a translation is one more file ({@code school_bn.properties},
 * {@code school_hi.properties}) plus its locale in {@code quarkus.locales}. Method and key must match:
 * the build checks every key a template uses. One bundle per audience keeps each small.
 */
@MessageBundle(value = "school", locale = "en")
public interface SchoolMsg {

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
    String consent_work();


    @Message
    String consent_names();


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
    String entry_child_erased();

    /** Kept published work: the name the public page still shows stays, the grade went. */
    @Message
    String entry_child_grade_erased(String name);

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
    String entry_held();

    @Message
    String entry_reopened();

    @Message
    String entry_reinstated();

    @Message
    String entry_reopen();

    @Message
    String entry_reopen_text();

    @Message
    String entry_reopen_confirm();

    @Message
    String entry_reopen_yes();

    @Message
    String entry_reinstate();

    @Message
    String entry_reinstate_text();

    @Message
    String entry_file_remove_text(String name);

    @Message
    String entry_file_remove_yes();
}
