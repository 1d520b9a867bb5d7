package org.juryroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The final round's words: the winners on the public page, each entry's result in the school portal, the final jury's ranking page. */
@MessageBundle(value = "fin", locale = "en")
public interface FinMsg {

    @Message
    String fin_winners();

    @Message
    String fin_place(Integer place);

    @Message
    String fin_mention();

    @Message
    String fin_result_winner(Integer place);

    @Message
    String fin_result_shortlisted();

    @Message
    String fin_result_not_shortlisted();

    @Message
    String fin_title();

    @Message
    String fin_hint();

    @Message
    String fin_rank(String code);

    @Message
    String fin_open(String code);

    @Message
    String fin_up();

    @Message
    String fin_down();

    @Message
    String fin_tie();

    @Message
    String fin_save();

    @Message
    String fin_saved(Long version);

    @Message
    String fin_not_saved_yet();

    @Message
    String fin_changed();

    @Message
    String fin_closed();

    @Message
    String fin_not_open();

    @Message
    String fin_large();

    @Message
    String fin_normal();

    @Message
    String fin_org_title();

    @Message
    String fin_org_jury();

    @Message
    String fin_org_jury_save();

    @Message
    String fin_org_voted();

    @Message
    String fin_org_excused();

    @Message
    String fin_org_close();

    @Message
    String fin_org_close_hint();

    @Message
    String fin_org_reason();

    @Message
    String fin_org_digest();

    @Message
    String fin_org_valid();

    @Message
    String fin_org_invalid();

    @Message
    String fin_org_provisional();

    @Message
    String fin_org_close_confirm();

    @Message
    String fin_org_close_yes();
}
