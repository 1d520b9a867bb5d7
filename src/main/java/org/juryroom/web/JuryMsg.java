package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the juror desk. Templates use {@code jury:key}. The English texts live in
 * {@code messages/jury_en.properties}; a translation is one more file ({@code jury_bn.properties},
 * {@code jury_hi.properties}) plus its locale in {@code quarkus.locales}. Method and key must match:
 * the build checks every key a template uses. One bundle per audience keeps each small.
 */
@MessageBundle(value = "jury", locale = "en")
public interface JuryMsg {

    @Message
    String jury_title();

    @Message
    String jury_heading();

    @Message
    String jury_progress(long done, long total);

    @Message
    String jury_none_title();

    @Message
    String jury_none_text();

    @Message
    String jury_blind_note();

    @Message
    String jury_finished();

    @Message
    String jury_not_judging();

    @Message
    String jury_tabs();

    @Message
    String jury_tab_todo();

    @Message
    String jury_tab_drafts();

    @Message
    String jury_tab_done();

    @Message
    String jury_empty_todo();

    @Message
    String jury_empty_drafts();

    @Message
    String jury_empty_done();

    @Message
    String jury_scored();

    @Message
    String jury_to_score();

    @Message
    String jury_abstained();

    @Message
    String jury_abstained_note();

    @Message
    String jury_position(int number, int max);

    @Message
    String jury_previous();

    @Message
    String jury_next();

    @Message
    String jury_saved_submitted();

    @Message
    String jury_saved_draft();

    @Message
    String jury_not_saved();

    @Message
    String jury_the_work();

    @Message
    String jury_files();

    @Message
    String jury_file_n(int number);

    @Message
    String jury_image_alt(String code);

    @Message
    String jury_pdf_alt(String code);

    @Message
    String jury_zoom_out();

    @Message
    String jury_zoom_in();

    @Message
    String jury_zoom_fit();

    @Message
    String jury_download_pdf();

    @Message
    String jury_statement();

    @Message
    String jury_rubric();

    @Message
    String jury_submitted_note(String date);

    /** Once the scorecard cannot be corrected any more (the others' marks read, or judging over). */
    @Message
    String jury_submitted_final_note(String date);

    @Message
    String jury_draft_note(String date);

    @Message
    String jury_scale_low(int number);

    @Message
    String jury_scale_high(int number);

    @Message
    String jury_scale_range(int min, int max);

    @Message
    String jury_comment();

    @Message
    String jury_comment_hint();

    @Message
    String jury_total();

    @Message
    String jury_save_draft();

    @Message
    String jury_submit();

    @Message
    String jury_save_correction();

    @Message
    String jury_submit_next();

    @Message
    String jury_held_title();

    @Message
    String jury_held_text();

    @Message
    String jury_conflicts();

    @Message
    String jury_conflicts_sub();

    @Message
    String jury_conflict_link();

    @Message
    String jury_conflict_declare();

    @Message
    String jury_conflict_hint();

    @Message
    String jury_conflict_school();

    @Message
    String jury_conflict_reason();

    @Message
    String jury_conflict_reason_hint();

    @Message
    String jury_conflict_not_declared();

    @Message
    String jury_conflict_declared();

    @Message
    String jury_conflict_existed();

    @Message
    String jury_conflicts_mine();

    @Message
    String jury_conflicts_none();

    @Message
    String jury_conflicts_lift();

    @Message
    String jury_stats_title();

    @Message
    String jury_stats_done(long done, long total);

    @Message
    String jury_stats_hint();

    @Message
    String jury_stats_col_criterion();

    @Message
    String jury_stats_col_you();

    @Message
    String jury_stats_col_jury();

    @Message
    String jury_stats_total();

    @Message
    String jury_stats_withheld(int n);

    @Message
    String jury_stats_none();

    @Message
    String jury_viewer_region();

    @Message
    String jury_page_prev();

    @Message
    String jury_page_next();

    @Message
    String jury_page_of();

    @Message
    String jury_fullscreen();

    @Message
    String jury_fullscreen_exit();

    @Message
    String jury_screening();

    @Message
    String jury_screening_hint();

    @Message
    String jury_vote_yes();

    @Message
    String jury_vote_no();

    @Message
    String jury_vote_abstain();

    @Message
    String jury_vote_save();

    @Message
    String jury_voted_badge();

    @Message
    String jury_voted_note();

    @Message
    String jury_peers_title();

    @Message
    String jury_peers_warning();

    @Message
    String jury_peers_open();

    @Message
    String jury_peers_none();

    @Message
    String jury_peers_none_now();

    @Message
    String jury_peers_final();

    @Message
    String jury_peers_col_juror();

    @Message
    String jury_peers_row(int n);

    @Message
    String jury_gone_title();

    @Message
    String jury_gone_text();

    @Message
    String jury_gone_comment();

    @Message
    String jury_gone_marks();

    @Message
    String jury_gone_back();
}
