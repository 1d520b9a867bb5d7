package org.juryroom.rounds;

/** What a round asks of its jurors (docs/judging.md, "Rounds"). */
public enum RoundKind {
    /** Yes / no / abstain per juror; an entry advances on a quorum of yes votes, or by top-N of yes share. */
    SCREENING,
    /** The weighted rubric scorecards; closing it freezes the shortlist. */
    RUBRIC,
    /** The final jury ranks the shortlist (ballots come with the next step). */
    FINAL
}
