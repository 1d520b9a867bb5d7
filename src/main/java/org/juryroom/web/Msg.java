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
}
