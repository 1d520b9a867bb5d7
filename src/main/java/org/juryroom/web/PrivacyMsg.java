package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of access requests and the retention date (docs/privacy.md). Templates use {@code privacy:key}; the
 * access-request file's notes ({@code privacy_file_note_*}) are written by dataaccess/DataAccessService.
 */
@MessageBundle(value = "privacy", locale = "en")
public interface PrivacyMsg {

    @Message
    String privacy_download_school();

    @Message
    String privacy_download_school_hint();

    @Message
    String privacy_download_child(String name);

    @Message
    String privacy_download_child_erased(int number);

    @Message
    String privacy_download_entry_hint();

    @Message
    String privacy_file_note_held();

    @Message
    String privacy_file_note_one_child(int position);

    @Message
    String privacy_file_note_files();

    @Message
    String privacy_file_note_events();

    @Message
    String privacy_file_note_safeguarding_school();

    @Message
    String privacy_file_note_safeguarding_organiser();

    @Message
    String privacy_retention();

    @Message
    String privacy_retention_due(String day);

    @Message
    String privacy_retention_default(int months);

    @Message
    String privacy_retention_unset(int months);

    @Message
    String privacy_retention_set_by_organiser();

    @Message
    String privacy_retention_field();

    @Message
    String privacy_retention_hint();

    @Message
    String privacy_retention_save();

    @Message
    String privacy_retention_saved();
}
