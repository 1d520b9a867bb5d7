package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser's evidence (every juror's scorecards) and of the remedies for missing work.
 * Templates use {@code ev:key}; the texts live in
 * {@code messages/ev_en.properties} and its hi and bn translations. Kept apart from {@link OrgMsg}:
 * Qute's generated resolver for one bundle fails to verify past about 300 messages.
 */
@MessageBundle(value = "ev", locale = "en")
public interface EvidenceMsg {

    @Message
    String org_evidence();

    @Message
    String org_evidence_hint();

    @Message
    String org_evidence_none();

    @Message
    String org_evidence_not_counted();

    @Message
    String org_col_total();

    @Message
    String org_col_normalised();

    @Message
    String org_sc_draft();

    @Message
    String org_sc_submitted();

    @Message
    String org_sc_abstained();

    @Message
    String org_remedies_title();

    @Message
    String org_remedies_hint();

    @Message
    String org_remedy_excuse(String juror, String reason);

    @Message
    String org_remedy_fewer(String code, String reason);

    @Message
    String org_remedy_reassign(String juror, int moved, String reason);

    @Message
    String org_remedy_badge();

    @Message
    String org_missing_title(int count);

    @Message
    String org_missing_text();

    @Message
    String org_missing_line(String juror, long count);

    @Message
    String org_missing_excuse();

    @Message
    String org_missing_reason();
}
