package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of a guardian's consent and its withdrawal (web/guardian). Templates use {@code guardian:key}. */
@MessageBundle(value = "guardian", locale = "en")
public interface GuardianMsg {

    @Message
    String gd_title();

    @Message
    String gd_heading();

    @Message
    String gd_staff_heading(int position);

    @Message
    String gd_agreed(String firstName, String entryTitle, String competition);

    /** Once the child's details are erased: no name, no title, and no "your child" bent into each language's genitive. */
    @Message
    String gd_agreed_erased(String competition);

    @Message
    String gd_entry();

    @Message
    String gd_given_on(String day);

    @Message
    String gd_notice_version(int version);

    @Message
    String gd_notice();

    @Message
    String gd_entry_withdrawn();

    @Message
    String gd_state_active();

    @Message
    String gd_state_withdrawn(String day);

    @Message
    String gd_state_not_given();

    @Message
    String gd_scope_judging();

    @Message
    String gd_scope_publishWork();

    @Message
    String gd_scope_publishName();

    @Message
    String gd_hint_judging();

    @Message
    String gd_hint_publishWork();

    @Message
    String gd_hint_publishName();

    @Message
    String gd_withdraw_heading();

    @Message
    String gd_intro();

    @Message
    String gd_staff_intro();

    @Message
    String gd_choose();

    @Message
    String gd_withdraw_button();

    @Message
    String gd_confirm_title();

    @Message
    String gd_confirm_text();

    @Message
    String gd_confirm_button();

    @Message
    String gd_cancel();

    @Message
    String gd_done();

    @Message
    String gd_not_done();

    @Message
    String gd_nothing_left();

    @Message
    String gd_state_awaiting();

    @Message
    String gd_confirm_heading();

    @Message
    String gd_confirm_intro();

    @Message
    String gd_confirm_yes();

    @Message
    String gd_confirm_by_mail();

    @Message
    String gd_confirmed();

    @Message
    String gd_dead_link();
}
