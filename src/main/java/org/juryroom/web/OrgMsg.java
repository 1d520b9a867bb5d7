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
    String org_closes();

    @Message
    String org_opens();

    @Message
    String org_submitted_entries();

    @Message
    String org_scorecards_done(long done, long total);

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
    String org_held_badge();

    @Message
    String org_release();

    @Message
    String org_released();

    @Message
    String org_original();

    @Message
    String org_original_hint();
}
