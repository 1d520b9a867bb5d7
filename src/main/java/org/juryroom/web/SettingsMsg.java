package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser's settings page (web/organiser/SettingsPages): the commission's name and logo.
 * Templates use {@code set:key}; English in {@code messages/set_en.properties}, Hindi and Bengali beside it.
 */
@MessageBundle(value = "set", locale = "en")
public interface SettingsMsg {

    @Message
    String set_title();

    @Message
    String set_sub();

    @Message
    String set_name();

    @Message
    String set_name_label();

    @Message
    String set_name_hint(int max);

    @Message
    String set_name_hint_default(int max, String name);

    @Message
    String set_name_save();

    @Message
    String set_name_saved();

    @Message
    String set_logo();

    @Message
    String set_logo_current();

    @Message
    String set_logo_facts(String size);

    @Message
    String set_logo_default();

    @Message
    String set_logo_none();

    @Message
    String set_logo_upload();

    @Message
    String set_logo_replace();

    @Message
    String set_logo_hint(long max);

    @Message
    String set_logo_save();

    @Message
    String set_logo_saved();

    @Message
    String set_logo_remove();

    @Message
    String set_logo_removed();

    @Message
    String set_updated(String when, String who);
}
