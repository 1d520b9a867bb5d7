package org.juryroom.web.organiser;

import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.CompetitionView;
import org.juryroom.judging.JudgingProgress.Progress;
import org.juryroom.ranking.RankingService.RankingView;
import org.juryroom.web.Formats;
import org.juryroom.web.Forms.Errors;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The organiser console's view models. */
public final class OrganiserViews {

    private OrganiserViews() {
    }

    public record CompetitionCard(long id, String title, CompetitionStatus status, Instant closesAt, long submitted,
                                  long scorecardsDone, long scorecardsExpected) {
        public long percent() {
            return Formats.share(scorecardsDone, scorecardsExpected);
        }
    }

    /** A lifecycle step, for the status bar of a competition. */
    public record Step(CompetitionStatus status, boolean done, boolean current) {
    }

    public record Dashboard(CompetitionView competition, Progress progress, List<Step> steps, boolean canAssign,
                            boolean hasShortlist, Errors errors) {
        public long percent() {
            return Formats.share(progress.scorecardsSubmitted(), progress.assignments());
        }
    }

    public record RankingPage(CompetitionView competition, RankingView ranking, Charts.BoxChart jurors,
                              Charts.CutChart cut, int pages, boolean canFreeze, Errors errors) {
        public int shortlistSize() {
            return ranking.shortlistSize();
        }

        public boolean hasPrevious() {
            return ranking.page() > 0;
        }

        public boolean hasNext() {
            return ranking.page() + 1 < pages;
        }

        public int pageNumber() {
            return ranking.page() + 1;
        }

        public int previousPage() {
            return ranking.page() - 1;
        }

        public int nextPage() {
            return ranking.page() + 1;
        }
    }

    public record ShortlistRow(int rank, String code, String title, String schoolName, BigDecimal score) {
    }

    public record ShortlistPage(CompetitionView competition, int size, Instant frozenAt, String frozenBy, String method,
                                String tieBreak, String digest, List<ShortlistRow> entries, Errors errors) {
        public boolean published() {
            return competition.status() == CompetitionStatus.PUBLISHED;
        }
    }

    static List<Step> steps(CompetitionStatus current) {
        List<CompetitionStatus> order = Arrays.asList(CompetitionStatus.values());
        return order.stream().map(s -> new Step(s, order.indexOf(s) < order.indexOf(current), s == current))
                .toList();
    }
}
