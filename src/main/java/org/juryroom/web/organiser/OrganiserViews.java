package org.juryroom.web.organiser;

import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.CompetitionView;
import org.juryroom.judging.JudgingProgress.Progress;
import org.juryroom.ranking.AdjudicationService.AdjudicationView;
import org.juryroom.ranking.RankingService.RankingRow;
import org.juryroom.ranking.RankingService.RankingView;
import org.juryroom.ranking.ShortlistService.Verification;
import org.juryroom.web.Paging;
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

    /** The assignment form's jurors per entry and seed, as typed (a fresh form: 3 and no seed). */
    public record AssignForm(String jurorsPerEntry, String seed) {
        public static final AssignForm FRESH = new AssignForm("3", "");
    }

    /**
     * {@code reminded}: per juror id, the reminders sent in this competition (manual and scheduled), oldest first;
     * {@code assign}: the assignment form's fields, as sent when its run was refused.
     */
    public record Dashboard(CompetitionView competition, Progress progress, List<Step> steps, boolean canAssign,
                            boolean hasShortlist, Errors errors,
                            java.util.Map<Long, List<org.juryroom.mail.ReminderLog.Sent>> reminded, AssignForm assign) {
        public long percent() {
            return Formats.share(progress.scorecardsSubmitted(), progress.assignments());
        }

        public List<org.juryroom.mail.ReminderLog.Sent> remindersOf(long jurorId) {
            return reminded.getOrDefault(jurorId, List.of());
        }

        /** The button "remind everyone who has not finished": while jurors are assigned and scoring. */
        public boolean canRemind() {
            return competition.status() == org.juryroom.competition.CompetitionStatus.JUDGING
                    && progress.scorecardsSubmitted() < progress.assignments();
        }
    }

    /**
     * @param waiting flagged entries in or near the cut still without a current decision: the freeze waits for them
     * @param decisions every decision recorded so far, oldest first
     * @param justDecided the decision the organiser has just recorded, or null
     * @param evidence every juror's scorecard for each waiting entry, by entry id
     * @param missing  per juror, the scorecards the freeze still waits for (or excuses, with a reason)
     */
    /** A juror's assigned scorecards still missing in the RUBRIC round (organisers see names). */
    public record MissingWork(long jurorId, String name, long count) {
    }

    public record RankingPage(CompetitionView competition, RankingView ranking, Charts.BoxChart jurors,
                              Charts.CutChart cut, Paging paging, boolean canFreeze, List<RankingRow> waiting,
                              List<AdjudicationView> decisions, AdjudicationView justDecided, Errors errors,
                              java.util.Map<Long, Evidence> evidence, List<MissingWork> missing) {
        /** The scorecards behind a waiting entry's card. */
        public Evidence evidenceOn(long entryId) {
            return evidence.get(entryId);
        }

        public int shortlistSize() {
            return ranking.shortlistSize();
        }

        /** Ranks up to which the chance of making the shortlist is computed. */
        public int nearCut() {
            return ranking.shortlistSize() + ranking.nearCutMargin();
        }

        /** The latest decision on an entry, or null. */
        public AdjudicationView decisionOn(long entryId) {
            AdjudicationView latest = null;
            for (AdjudicationView d : decisions) {
                if (d.entryId() == entryId) {
                    latest = d;
                }
            }
            return latest;
        }
    }

    /** {@code remedied}: a sealed decision on missing work touched this entry (excused juror, fewer jurors). */
    public record ShortlistRow(int rank, String code, String title, String schoolName, BigDecimal score, boolean held,
                               boolean remedied) {
    }

    /** A sealed decision on missing work, for the shortlist page: whom or what it named, and why. */
    public record RemedyRow(String kind, String juror, String code, Integer moved, String reason, String decidedBy,
                            Instant decidedAt) {
    }

    /**
     * The order and the disagreement rule are said from the bundles (the snapshot's English texts are for the seal).
     *
     * @param verification the answer of "Verify", or null when not asked
     */
    public record ShortlistPage(CompetitionView competition, int size, Instant frozenAt, String frozenBy, String method,
                                String digest, List<ShortlistRow> entries,
                                Verification verification, List<RemedyRow> remedies) {
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
