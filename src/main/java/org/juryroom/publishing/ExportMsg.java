package org.juryroom.publishing;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organisers' exports (CSV headers, the PDF's lines) and what a ranking score means, which the
 * ranking page shows too ({@code export:key}). English in {@code messages/export_en.properties}, Hindi and
 * Bengali beside it.
 */
@MessageBundle(value = "export", locale = "en")
public interface ExportMsg {

    @Message
    String export_shortlist_title(String competition);

    @Message
    String export_ranking_title(String competition);

    @Message
    String export_page(int page, int pages);

    @Message
    String export_col_rank();

    @Message
    String export_col_code();

    @Message
    String export_col_title();

    @Message
    String export_col_school();

    @Message
    String export_col_category();

    @Message
    String export_col_score();

    @Message
    String export_col_raw_mean();

    @Message
    String export_col_median();

    @Message
    String export_col_jurors();

    @Message
    String export_col_spread();

    @Message
    String export_col_std_dev();

    @Message
    String export_col_flagged();

    @Message
    String export_col_chance();

    @Message
    String export_col_needs_decision();

    @Message
    String export_yes();

    @Message
    String export_no();

    @Message
    String export_frozen(int size, String when, String by);

    @Message
    String export_made(String when);

    @Message
    String export_ranked(long total, int size);

    @Message
    String export_basis_frozen();

    @Message
    String export_basis_open();

    @Message
    String export_method_z();

    @Message
    String export_method_raw();

    @Message
    String export_score_z();

    @Message
    String export_score_raw();

    @Message
    String export_ties();

    @Message
    String export_flag_rule(String spread);

    @Message
    String export_flag_rule_sd(String spread, String sd);

    /** The ranking order in words, for the ranking and shortlist pages. */
    @Message
    String export_order();

    /** When an entry is flagged, for the ranking and shortlist pages ("Disagreement"). */
    @Message
    String export_flag_when(java.math.BigDecimal spread);

    @Message
    String export_flag_when_sd(java.math.BigDecimal spread, java.math.BigDecimal sd);

    @Message
    String export_chance(int rounds, long seed, int rank);

    @Message
    String export_digest(String digest);

    @Message
    String export_truncated(int shown, long total);
}
