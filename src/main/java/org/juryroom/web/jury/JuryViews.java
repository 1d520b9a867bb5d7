package org.juryroom.web.jury;

import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.Criterion;
import org.juryroom.entry.EntryViews.BlindEntry;
import org.juryroom.judging.JuryQueueService.QueueItem;
import org.juryroom.judging.ScorecardStatus;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.FileRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The juror desk's view models. They are built from the blind view only: nothing here can
 * carry a school, a child or an uploaded file name, because the types they come from do not.
 */
public final class JuryViews {

    private JuryViews() {
    }

    /** Beyond this many steps a criterion is scored in a number box rather than buttons. */
    static final int MAX_BUTTONS = 12;

    public record DeskCompetition(long id, String title, CompetitionStatus status, long total, long done, long drafts) {
        public long percent() {
            return org.juryroom.web.Formats.share(done, total);
        }
    }

    /** {@code finalJury}: the juror is on the competition's final jury (a link to the ranking page). */
    public record Queue(long competitionId, String title, CompetitionStatus status, String tab, List<QueueItem> items,
                        long todo, long drafts, long done, long total, boolean finalJury) {
        public long percent() {
            return org.juryroom.web.Formats.share(done, total);
        }
    }

    public record CriterionRow(int number, String code, String name, String description, String weightShare, int min,
                               int max, Integer value, boolean buttons, String error) {
        public List<Integer> scale() {
            return IntStream.rangeClosed(min, max).boxed().toList();
        }

        public boolean isValue(Integer v) {
            return value != null && value.equals(v);
        }

        public String valueText() {
            return value == null ? "" : value.toString();
        }
    }

    /**
     * {@code peersReadAt}: when the juror opened the other jurors' marks (their scorecard is final
     * since); {@code others}: those marks, shown only then (null before).
     */
    public record Desk(BlindEntry entry, String competitionTitle, long competitionId, boolean scoringOpen,
                       List<FileRow> files, FileRow current, List<CriterionRow> criteria, String comment,
                       ScorecardStatus status, Double total, Instant updatedAt, Errors errors, int position, int count,
                       Long previousId, Long nextId, org.juryroom.rounds.ScreeningService.VoteView screening,
                       Instant peersReadAt, List<org.juryroom.judging.ScorecardService.PeerScorecard> others,
                       Long version) {
        /**
         * The scorecard can still be written: judging is open, the juror has not read the others' marks and has not
         * abstained (an abstention is final).
         */
        public boolean editable() {
            return scoringOpen && peersReadAt == null && !abstained();
        }

        public boolean abstained() {
            return status == ScorecardStatus.ABSTAINED;
        }

        /**
         * The version of the saved scorecard the form was filled on ("new" when there was none): the save names it,
         * so that a second tab or window cannot silently overwrite what this one saved meanwhile.
         */
        public String versionText() {
            return version == null ? JuryPages.NO_SCORECARD_YET : version.toString();
        }

        public boolean submitted() {
            return status == ScorecardStatus.SUBMITTED;
        }

        public boolean draft() {
            return status == ScorecardStatus.DRAFT;
        }

        /** Which refusal is which control (tags/refusal): the screening vote's form, or the scorecard's. */
        public String controls() {
            return screening != null ? "vote comment=vote-comment" : "scores.*=score-* comment";
        }

        /** The screening form as the juror filled it in (a refused vote keeps what was typed; voted or not stays). */
        public Desk typedVote(org.juryroom.rounds.ScreeningVote.Vote vote, String comment) {
            if (screening == null) {
                return this;
            }
            return new Desk(entry, competitionTitle, competitionId, scoringOpen, files, current, criteria, this.comment,
                    status, total, updatedAt, errors, position, count, previousId, nextId,
                    new org.juryroom.rounds.ScreeningService.VoteView(screening.entryId(), screening.roundId(), vote,
                            comment, screening.votedAt()), peersReadAt, others, version);
        }
    }

    static List<FileRow> files(BlindEntry e) {
        return e.files().stream().map(FileRow::of).toList();
    }

    /** The rubric with the juror's values (saved or just posted) and any refusal per criterion. */
    static List<CriterionRow> rubric(Competition c, Map<String, Integer> values, Errors errors) {
        BigDecimal sum = c.criteria.stream().map(k -> k.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return IntStream.range(0, c.criteria.size()).mapToObj(i -> {
            Criterion k = c.criteria.get(i);
            String share = sum.signum() == 0 ? "" : k.weight.multiply(BigDecimal.valueOf(100))
                    .divide(sum, 0, RoundingMode.HALF_UP).toPlainString() + "%";
            return new CriterionRow(i + 1, k.code, k.name, k.description, share, k.minScore, k.maxScore,
                    values.get(k.code), k.maxScore - k.minScore < MAX_BUTTONS, errors.get("scores." + k.code));
        }).toList();
    }
}
