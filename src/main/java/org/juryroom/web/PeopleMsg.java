package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Words of the organiser's people pages (editing, CSV import) and of the reminders on the dashboard.
 * A bundle of its own: Quarkus 3.32's generated bundle class fails verification (VerifyError) once a
 * bundle has more than about 300 messages, and {@link OrgMsg} is near that.
 */
@MessageBundle(value = "ppl", locale = "en")
public interface PeopleMsg {

    @Message
    String ppl_judging_closes();

    @Message
    String ppl_judging_closes_hint();

    @Message
    String ppl_judging_closes_on(String when);

    @Message
    String ppl_remind_unfinished();

    @Message
    String ppl_remind_hint();

    @Message
    String ppl_reminded_count(String n);

    @Message
    String ppl_col_reminded();

    @Message
    String ppl_reminded_manual(String when);

    @Message
    String ppl_reminded_days(int days, String when);

    @Message
    String ppl_edit_person();

    @Message
    String ppl_person_saved();

    @Message
    String ppl_save();

    @Message
    String ppl_person_email_hint();

    @Message
    String ppl_import();

    @Message
    String ppl_import_columns(String columns);

    @Message
    String ppl_import_optional(String columns);

    @Message
    String ppl_import_file();

    @Message
    String ppl_import_text();

    @Message
    String ppl_import_preview();

    @Message
    String ppl_import_confirm();

    @Message
    String ppl_import_summary(int create, int existing, int errors);

    @Message
    String ppl_import_fix();

    @Message
    String ppl_import_done(String created, String existing);

    @Message
    String ppl_import_line();

    @Message
    String ppl_import_outcome();

    @Message
    String ppl_import_problem();

    @Message
    String ppl_import_create();

    @Message
    String ppl_import_exists();
}
