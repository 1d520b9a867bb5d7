package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser's list searches, category kinds and audit changes.
 * Templates use {@code lst:key}; the texts live in
 * {@code messages/lst_en.properties} and its hi and bn translations. Kept apart from {@link OrgMsg}:
 * Qute's generated resolver for one bundle fails to verify past about 300 messages.
 */
@MessageBundle(value = "lst", locale = "en")
public interface ListMsg {

    @Message
    String org_kind_images();

    @Message
    String org_kind_pdf();

    @Message
    String org_kind_video();

    @Message
    String org_audit_changes();

    @Message
    String org_list_search();

    @Message
    String org_list_search_entries();

    @Message
    String org_list_search_people();

    @Message
    String org_list_actions();
}
