package org.juryroom.web;

import org.juryroom.rounds.RoundKind;

/** A round's kind and rule in words ({@link RoundMsg}): one wording for the rounds page and the exports. */
public final class RoundTexts {

    private RoundTexts() {
    }

    public static String kind(RoundMsg m, RoundKind kind) {
        return switch (kind) {
            case SCREENING -> m.rnd_kind_screening();
            case RUBRIC -> m.rnd_kind_rubric();
            case FINAL -> m.rnd_kind_final();
        };
    }

    /** What decides who advances (or wins) in the round. */
    public static String rule(RoundMsg m, RoundKind kind, Integer jurorsPerEntry, Integer quorum, Integer advanceTop,
                              Integer places, Integer mentions, int shortlistSize) {
        return switch (kind) {
            case SCREENING -> quorum != null ? m.rnd_rule_quorum(quorum, jurorsPerEntry)
                    : m.rnd_rule_top(advanceTop, jurorsPerEntry);
            case RUBRIC -> m.rnd_rule_rubric(shortlistSize)
                    + (jurorsPerEntry == null ? "" : " " + m.rnd_jurors_per_entry() + ": " + jurorsPerEntry);
            case FINAL -> m.rnd_rule_final(places, mentions == null ? 0 : mentions);
        };
    }
}
