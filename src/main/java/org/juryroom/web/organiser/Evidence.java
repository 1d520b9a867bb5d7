package org.juryroom.web.organiser;

import org.juryroom.competition.Competition;
import org.juryroom.judging.ScorecardService.JuryScorecard;
import org.juryroom.judging.ScorecardStatus;
import org.juryroom.web.Formats;

import java.util.List;

/**
 * Every juror's scorecard for one entry, as the organiser reads it on the entry page and on a
 * disagreement card: one row per juror, a column per criterion in rubric order, the raw and the
 * normalised total, then the comments. Values come formatted; a blank mark is "–". {@code scorecards}: the
 * counted scorecards shown, as a decision on them names them (ScorecardService#decidedOn).
 */
public record Evidence(List<Head> criteria, List<Row> rows, String scorecards) {

    public record Head(String code, String name, int min, int max) {
    }

    /** @param counted whether the ranking counts this scorecard */
    public record Row(String juror, ScorecardStatus status, List<String> marks, String total, String normalised,
                      boolean counted, String comment, String abstainReason) {
    }

    public static Evidence of(Competition c, List<JuryScorecard> cards) {
        List<Head> heads = c.criteria.stream().map(k -> new Head(k.code, k.name, k.minScore, k.maxScore)).toList();
        return new Evidence(heads, cards.stream().map(s -> new Row(s.jurorName(), s.status(),
                heads.stream().map(h -> s.scores().containsKey(h.code()) ? s.scores().get(h.code()).toString() : "–")
                        .toList(),
                s.total() == null ? "–" : Formats.score(s.total()),
                s.normalisedTotal() == null ? "–" : Formats.score(s.normalisedTotal()),
                s.counted(), s.comment(), s.abstainReason())).toList(),
                org.juryroom.judging.ScorecardService.decidedOn(cards));
    }

    public boolean hasNotes() {
        return rows.stream().anyMatch(r -> r.comment() != null || r.abstainReason() != null);
    }
}
