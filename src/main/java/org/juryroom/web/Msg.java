package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Shared texts of the web pages: the frame, sign-in, errors, statuses. Templates use {@code msg:key}. The English texts live in
 * {@code messages/msg_en.properties}; a translation is one more file ({@code msg_bn.properties},
 * {@code msg_hi.properties}) plus its locale in {@code quarkus.locales}. Method and key must match:
 * the build checks every key a template uses. One bundle per audience keeps each small.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String lang();

    @Message
    String app_name();

    /** The language switch's name for screen readers. */
    @Message
    String lang_switch_label();

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
    String deadline_stopped();

    @Message
    String deadline_days(long days, long hours);

    @Message
    String deadline_hours(long hours, long minutes);

    @Message
    String deadline_at(String date);

    @Message
    String public_title();

    @Message
    String public_lede();

    @Message
    String public_none();

    @Message
    String public_published(String date, int number);

    @Message
    String public_works();

    @Message
    String public_picture_alt(String title);

    @Message
    String public_no_picture();

    @Message
    String public_by(String names);

    @Message
    String public_privacy();

    @Message
    String nav_conflicts();

    @Message
    String picker_district();

    @Message
    String picker_all_districts();

    @Message
    String picker_show();

    @Message
    String picker_choose_school();

    @Message
    String public_commission(String name);

    @Message
    String public_commission_logo();

    @Message
    String public_open_large();

    @Message
    String public_open_pdf();

    @Message
    String public_close();
}
