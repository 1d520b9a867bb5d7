package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of guardian consent. Templates use {@code consent:key}. The English texts live in
 * {@code messages/consent_en.properties}; a translation is one more file plus its locale in
 * {@code quarkus.locales}. The {@code notice_*} texts are the versioned consent notice
 * (consent/ConsentNotices): editing them makes a new notice version at the next start.
 */
@MessageBundle(value = "consent", locale = "en")
public interface ConsentMsg {

    @Message
    String notice_title();

    @Message
    String notice_text();

    @Message
    String guardian_heading();

    @Message
    String guardian_name();

    @Message
    String guardian_relationship();

    @Message
    String relationship_PARENT();

    @Message
    String relationship_LEGAL_GUARDIAN();

    @Message
    String guardian_email();

    @Message
    String guardian_language();

    @Message
    String guardian_language_page();

    @Message
    String guardian_phone();

    @Message
    String guardian_contact_hint();

    @Message
    String verification();

    @Message
    String verification_PAPER_FORM_HELD_BY_SCHOOL();

    @Message
    String verification_GUARDIAN_EMAIL_CONFIRMED();

    @Message
    String verification_OTHER();

    @Message
    String verification_reference();

    @Message
    String verification_note();

    @Message
    String verification_detail_hint();

    @Message
    String scopes();

    @Message
    String scope_judging();

    @Message
    String scope_publishWork();

    @Message
    String scope_publishName();

    @Message
    String notice_show(int version);

    @Message
    String record_none();

    @Message
    String record_given(String date, int version);

    @Message
    String record_given_legacy(String date);

    @Message
    String record_withdrawn(String date);

    @Message
    String record_recorded_by(String user, String teacher);

    @Message
    String withdraw_link();

    @Message
    String withdraw_link_hint();

    @Message
    String record_withdrawal();

    @Message
    String identifiable_heading();

    @Message
    String identifiable_hint();

    @Message
    String identifiable_label();

    @Message
    String identifiable_save();

    @Message
    String identifiable_saved();

    @Message
    String record_awaiting();

    @Message
    String record_confirmed(String when);
}
