package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organiser console. Templates use {@code org:key}. The English texts live in
 * {@code messages/org_en.properties}; a translation is one more file ({@code org_bn.properties},
 * {@code org_hi.properties}) plus its locale in {@code quarkus.locales}. Method and key must match:
 * the build checks every key a template uses. One bundle per audience keeps each small.
 */
@MessageBundle(value = "org", locale = "en")
public interface OrgMsg {

    @Message
    String org_competitions();

    @Message
    String org_competitions_sub();

    @Message
    String org_new_competition();

    @Message
    String org_edit_competition();

    @Message
    String org_default_poster();

    @Message
    String org_default_essay();

    @Message
    String org_default_video();

    @Message
    String org_default_message();

    @Message
    String org_default_message_text();

    @Message
    String org_default_originality();

    @Message
    String org_default_originality_text();

    @Message
    String org_default_craft();

    @Message
    String org_default_craft_text();

    @Message
    String org_default_age_fit();

    @Message
    String org_default_age_fit_text();

    @Message
    String org_closes();

    @Message
    String org_opens();

    @Message
    String org_submitted_entries();

    @Message
    String org_scorecards_done(long done, long total);

    @Message
    String org_no_scorecards_yet();

    @Message
    String org_no_competitions();

    @Message
    String org_general();

    @Message
    String org_title();

    @Message
    String org_theme();

    @Message
    String org_zone_hint(String zone);

    @Message
    String org_shortlist_size();

    @Message
    String org_max_entries();

    @Message
    String org_method();

    @Message
    String org_method_z();

    @Message
    String org_method_raw();

    @Message
    String org_method_hint();

    @Message
    String org_categories();

    @Message
    String org_structure_locked();

    @Message
    String org_code();

    @Message
    String org_name();

    @Message
    String org_types();

    @Message
    String org_max_mb();

    @Message
    String org_add_category();

    @Message
    String org_rubric();

    @Message
    String org_rubric_hint();

    @Message
    String org_description();

    @Message
    String org_weight();

    @Message
    String org_min();

    @Message
    String org_max();

    @Message
    String org_add_criterion();

    @Message
    String org_create();

    @Message
    String org_window(String opens, String closes);

    @Message
    String org_ranking();

    @Message
    String org_shortlist();

    @Message
    String org_created();

    @Message
    String org_moved();

    @Message
    String org_assigned(String pairs, String ofEntries);

    @Message
    String org_assigned_short(String missing);

    @Message
    String org_lifecycle();

    @Message
    String org_next_step();

    @Message
    String org_to_open();

    @Message
    String org_to_open_text();

    @Message
    String org_to_judging();

    @Message
    String org_to_judging_text();

    @Message
    String org_to_published();

    @Message
    String org_to_published_text();

    @Message
    String org_to_unpublish();

    @Message
    String org_to_unpublish_text();

    @Message
    String org_confirm();

    @Message
    String org_ranking_freeze();

    @Message
    String org_stat_submitted();

    @Message
    String org_stat_drafts();

    @Message
    String org_stat_jurors();

    @Message
    String org_per_category();

    @Message
    String org_per_juror();

    @Message
    String org_col_submitted();

    @Message
    String org_col_drafts();

    @Message
    String org_col_withdrawn();

    @Message
    String org_col_scored();

    @Message
    String org_col_assigned();

    @Message
    String org_not_assigned();

    @Message
    String org_no_assignments();

    @Message
    String org_juror();

    @Message
    String org_assign();

    @Message
    String org_assign_hint();

    @Message
    String org_jurors_per_entry();

    @Message
    String org_seed();

    @Message
    String org_seed_placeholder();

    @Message
    String org_run_assignment();

    @Message
    String org_rules();

    @Message
    String org_ranking_sub(long total, int cut);

    @Message
    String org_freeze();

    @Message
    String org_freeze_text(int cut);

    @Message
    String org_freeze_button();

    @Message
    String org_freeze_confirm();

    @Message
    String org_freeze_yes();

    @Message
    String org_chart_jurors();

    @Message
    String org_chart_jurors_hint();

    @Message
    String org_chart_juror_title(long count, String mean);

    @Message
    String org_chart_overall(String mean);

    @Message
    String org_harsh();

    @Message
    String org_lenient();

    @Message
    String org_chart_cut();

    @Message
    String org_chart_cut_hint();

    @Message
    String org_chance();

    @Message
    String org_cut_label(int cut);

    @Message
    String org_in_list();

    @Message
    String org_out_list();

    @Message
    String org_disagree();

    @Message
    String org_disagree_title();

    @Message
    String org_no_scores();

    @Message
    String org_table();

    @Message
    String org_col_rank();

    @Message
    String org_col_code();

    @Message
    String org_col_title();

    @Message
    String org_col_school();

    @Message
    String org_col_score();

    @Message
    String org_col_raw();

    @Message
    String org_col_median();

    @Message
    String org_col_jurors();

    @Message
    String org_col_spread();

    @Message
    String org_col_flag();

    @Message
    String org_previous_page();

    @Message
    String org_next_page();

    @Message
    String org_page_of(int number, int pages);

    @Message
    String org_frozen_by(String date, String name);

    @Message
    String org_frozen_done();

    @Message
    String org_published_done();

    @Message
    String org_unpublished_done();

    @Message
    String org_seal();

    @Message
    String org_seal_hint();

    @Message
    String org_tie_break();

    @Message
    String org_publication();

    @Message
    String org_is_public();

    @Message
    String org_view_public();

    @Message
    String org_not_public();

    @Message
    String org_shortlist_entries(int number);

    @Message
    String org_people_count(long n);

    @Message
    String org_issued(String name);

    @Message
    String org_issued_once();

    @Message
    String org_add_school();

    @Message
    String org_add_juror();

    @Message
    String org_district();

    @Message
    String org_contact_name();

    @Message
    String org_contact_email();

    @Message
    String org_expertise();

    @Message
    String org_all_schools();

    @Message
    String org_all_jurors();

    @Message
    String org_none_yet();

    @Message
    String org_contact();

    @Message
    String org_entries();

    @Message
    String org_col_status();

    @Message
    String org_col_submitted_at();

    @Message
    String org_attested();

    @Message
    String org_school_storage();

    @Message
    String org_school_storage_default();

    @Message
    String org_held_title();

    @Message
    String org_note_fragmented_mp4();

    @Message
    String org_note_large_mp4_header();

    @Message
    String org_note_before_scrubbing();

    @Message
    String org_held_badge();

    @Message
    String org_release();

    @Message
    String org_released();

    @Message
    String org_original();

    @Message
    String org_original_hint();

    @Message
    String org_conflicts();

    @Message
    String org_conflicts_sub();

    @Message
    String org_conflicts_all(long total);

    @Message
    String org_conflict_add();

    @Message
    String org_conflict_add_hint();

    @Message
    String org_choose_juror();

    @Message
    String org_conflict_reason();

    @Message
    String org_conflict_declared_by();

    @Message
    String org_declared_by_juror();

    @Message
    String org_declared_by_organiser();

    @Message
    String org_conflict_recorded();

    @Message
    String org_conflict_existed();

    @Message
    String org_conflict_no_entries();

    @Message
    String org_conflict_reassigned(int entries, int jurors);

    @Message
    String org_conflict_short(int entries);

    @Message
    String org_conflict_remove();

    @Message
    String org_conflict_remove_text();

    @Message
    String org_conflict_remove_yes();

    @Message
    String org_conflict_removed();

    @Message
    String org_filter();

    @Message
    String org_filter_clear();

    @Message
    String org_filter_juror();

    @Message
    String org_how_ranked();

    @Message
    String org_disagreement();

    @Message
    String org_disagreement_near(int rank);

    @Message
    String org_chance_text(int rounds, int rank);

    @Message
    String org_basis();

    @Message
    String org_basis_frozen();

    @Message
    String org_freeze_waits(int count);

    @Message
    String org_freeze_waits_text(int rank);

    @Message
    String org_col_decision();

    @Message
    String org_decide();

    @Message
    String org_decide_legend(String code);

    @Message
    String org_decide_facts(String spread, int jurors, String score);

    @Message
    String org_decision_confirm();

    @Message
    String org_decision_juror();

    @Message
    String org_decision_note();

    @Message
    String org_decision_record();

    @Message
    String org_decision_outdated();

    @Message
    String org_decision_confirmed();

    @Message
    String org_decision_asked();

    @Message
    String org_decided_confirm(String code);

    @Message
    String org_decided_juror(String code, String juror);

    @Message
    String org_decisions();

    @Message
    String org_decisions_hint();

    @Message
    String org_decisions_none();

    @Message
    String org_col_added_juror();

    @Message
    String org_col_by();

    @Message
    String org_col_when();

    @Message
    String org_col_holds();

    @Message
    String org_decision_current();

    @Message
    String org_decision_superseded();

    @Message
    String org_frozen_at();

    @Message
    String org_frozen_by_label();

    @Message
    String org_verify();

    @Message
    String org_verify_hint();

    @Message
    String org_snapshot();

    @Message
    String org_verify_ok();

    @Message
    String org_verify_failed();

    @Message
    String org_verify_digest();

    @Message
    String org_verify_json();

    @Message
    String org_verify_scorecards(int count);

    @Message
    String org_verify_ranking();

    @Message
    String org_verify_recomputed();

    @Message
    String org_verify_checked(String date);

    @Message
    String org_exports();

    @Message
    String org_export_shortlist();

    @Message
    String org_export_ranking();

    @Message
    String org_pages();

    @Message
    String org_audit();

    @Message
    String org_audit_sub(long total);

    @Message
    String org_audit_what();

    @Message
    String org_audit_who();

    @Message
    String org_audit_who_hint();

    @Message
    String org_audit_about();

    @Message
    String org_audit_number();

    @Message
    String org_audit_any();

    @Message
    String org_audit_from();

    @Message
    String org_audit_to();

    @Message
    String org_audit_hint(String zone);

    @Message
    String org_audit_none();

    @Message
    String org_audit_before();

    @Message
    String org_audit_after();

    @Message
    String org_audit_open_entry();

    @Message
    String org_audit_only_this();

    @Message
    String org_subject_competition();

    @Message
    String org_subject_entry();

    @Message
    String org_subject_scorecard();

    @Message
    String org_subject_conflict();

    @Message
    String org_subject_shortlist();

    @Message
    String org_act_competition_created();

    @Message
    String org_act_competition_updated();

    @Message
    String org_act_competition_transition();

    @Message
    String org_act_competition_published();

    @Message
    String org_act_competition_unpublished();

    @Message
    String org_act_ranking_settings_changed();

    @Message
    String org_act_panels_changed();

    @Message
    String org_act_school_created();

    @Message
    String org_act_juror_created();

    @Message
    String org_act_entry_created();

    @Message
    String org_act_entry_updated();

    @Message
    String org_act_entry_submitted();

    @Message
    String org_act_entry_withdrawn();

    @Message
    String org_act_file_added();

    @Message
    String org_act_file_removed();

    @Message
    String org_act_file_review_cleared();

    @Message
    String org_act_redactions_changed();

    @Message
    String org_act_conflict_declared();

    @Message
    String org_act_conflict_removed();

    @Message
    String org_act_assignment_run();

    @Message
    String org_act_jurors_reassigned();

    @Message
    String org_act_scorecard_submitted();

    @Message
    String org_act_scorecard_changed();

    @Message
    String org_act_scorecard_abstained();

    @Message
    String org_act_adjudication();

    @Message
    String org_act_shortlist_frozen();

    @Message
    String org_act_login_failed();

    @Message
    String org_redactions();

    @Message
    String org_redactions_hint();

    @Message
    String org_redactions_saved();

    @Message
    String org_redaction_terms();

    @Message
    String org_redaction_none();

    @Message
    String org_redaction_remove();

    @Message
    String org_redaction_add_label();

    @Message
    String org_redaction_add();

    @Message
    String org_redaction_jury_view();
    @Message
    String org_sg_held_badge();

    @Message
    String org_sg_excluded_badge();

    @Message
    String org_sg_held_text();

    @Message
    String org_act_entry_held();

    @Message
    String org_act_entry_released();

    @Message
    String org_act_entry_excluded();

    @Message
    String org_act_safeguarding_lead_appointed();

    @Message
    String org_act_safeguarding_contact_changed();

    @Message
    String org_subject_safeguarding_lead();

    @Message
    String org_account_deactivate();

    @Message
    String org_account_reactivate();

    @Message
    String org_account_deactivated();

    @Message
    String org_release_text();

    @Message
    String org_release_yes();
}
