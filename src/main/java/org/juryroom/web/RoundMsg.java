package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser's rounds page and of the rounds in the exports. Templates use {@code rnd:key}; the
 * texts live in {@code messages/rnd_en.properties} and its hi and bn translations. Kept apart from {@link OrgMsg}:
 * Qute's generated resolver for one bundle fails to verify past about 300 messages.
 */
@MessageBundle(value = "rnd", locale = "en")
public interface RoundMsg {

    @Message
    String rnd_title();

    @Message
    String rnd_sub();

    @Message
    String rnd_kind_screening();

    @Message
    String rnd_kind_rubric();

    @Message
    String rnd_kind_final();

    @Message
    String rnd_status_pending();

    @Message
    String rnd_status_open();

    @Message
    String rnd_status_closed();

    @Message
    String rnd_current();

    @Message
    String rnd_rule();

    @Message
    String rnd_rule_quorum(Integer quorum, Integer k);

    @Message
    String rnd_rule_top(Integer top, Integer k);

    @Message
    String rnd_rule_rubric(Integer size);

    @Message
    String rnd_rule_final(Integer places, Integer mentions);

    @Message
    String rnd_jurors_per_entry();

    @Message
    String rnd_closes_at();

    @Message
    String rnd_no_close_time();

    @Message
    String rnd_progress();

    @Message
    String rnd_progress_line(long done, long assigned);

    @Message
    String rnd_progress_not_started();

    @Message
    String rnd_final_open();

    @Message
    String rnd_missing_title();

    @Message
    String rnd_missing_none();

    @Message
    String rnd_col_juror();

    @Message
    String rnd_col_missing();

    @Message
    String rnd_reassign();

    @Message
    String rnd_reassign_reason();

    @Message
    String rnd_preview_title();

    @Message
    String rnd_preview_counts(long advancing, long rest, long boundary);

    @Message
    String rnd_advancing();

    @Message
    String rnd_not_advancing();

    @Message
    String rnd_boundary();

    @Message
    String rnd_more(long count);

    @Message
    String rnd_close_title();

    @Message
    String rnd_close_text();

    @Message
    String rnd_close_rubric_text();

    @Message
    String rnd_excuse();

    @Message
    String rnd_accept_fewer();

    @Message
    String rnd_entry_missing(String code, String title, long count);

    @Message
    String rnd_reason();

    @Message
    String rnd_close_button();

    @Message
    String rnd_refused_missing(long count);

    @Message
    String rnd_closed_by(String when, String who);

    @Message
    String rnd_close_reason();

    @Message
    String rnd_advanced_counts(long advanced, long rest);

    @Message
    String rnd_remedies();

    @Message
    String rnd_col_entry();

    @Message
    String rnd_col_school();

    @Message
    String rnd_col_yes();

    @Message
    String rnd_col_no();

    @Message
    String rnd_col_abstain();

    @Message
    String rnd_col_advanced();

    @Message
    String rnd_yes();

    @Message
    String rnd_no();

    @Message
    String rnd_export_votes();

    @Message
    String rnd_edit_title();

    @Message
    String rnd_edit_hint();

    @Message
    String rnd_order();

    @Message
    String rnd_kind();

    @Message
    String rnd_name();

    @Message
    String rnd_quorum();

    @Message
    String rnd_top();

    @Message
    String rnd_places();

    @Message
    String rnd_mentions();

    @Message
    String rnd_remove();

    @Message
    String rnd_new();

    @Message
    String rnd_new_none();

    @Message
    String rnd_save();

    @Message
    String rnd_saved();

    @Message
    String rnd_closed_notice();

    @Message
    String rnd_reassigned_notice(String moved);

    @Message
    String rnd_locked();

    @Message
    String rnd_fixed();

    @Message
    String rnd_err_kind();

    @Message
    String rnd_err_name();

    @Message
    String rnd_err_jurorsPerEntry();

    @Message
    String rnd_err_quorum();

    @Message
    String rnd_err_advanceTop();

    @Message
    String rnd_err_places();

    @Message
    String rnd_err_mentions();

    @Message
    String rnd_err_closesAt();

    @Message
    String rnd_err_closesAt_past();

    @Message
    String rnd_err_rounds();

    @Message
    String rnd_err_number();

    @Message
    String rnd_export_section();

    @Message
    String rnd_export_round(Integer position, String name, String kind, String rule);

    @Message
    String rnd_export_closed(String when, String who, long advanced, long rest);

    @Message
    String rnd_export_open(String progress);

    @Message
    String rnd_export_pending();

    @Message
    String rnd_export_col_round();

    @Message
    String rnd_export_remedy_excuse(String reason);

    @Message
    String rnd_export_remedy_fewer(String code, String reason);

    @Message
    String rnd_export_remedy_reassign(Integer moved, String reason);
}
