package org.juryroom.web.jury;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.EntryService;
import org.juryroom.entry.EntryViews.BlindEntry;
import org.juryroom.judging.JurorStats;
import org.juryroom.judging.JuryQueueService;
import org.juryroom.judging.JuryQueueService.QueueItem;
import org.juryroom.judging.ScorecardService;
import org.juryroom.rounds.ScreeningService;
import org.juryroom.rounds.ScreeningVote;
import org.juryroom.judging.ScorecardService.ScorecardView;
import org.juryroom.judging.ScorecardStatus;
import org.juryroom.web.AllPages;
import org.juryroom.web.FormFields;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;
import org.juryroom.web.jury.JuryViews.CriterionRow;
import org.juryroom.web.jury.JuryViews.Desk;
import org.juryroom.web.jury.JuryViews.DeskCompetition;
import org.juryroom.web.FileRow;
import org.juryroom.web.jury.JuryViews.Queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The juror desk: the queue, and one entry at a time with its files and the rubric. Everything
 * comes from the blind entry view and the juror's queue, through the access policy: an entry
 * the juror may not score (not assigned, conflicted, not submitted) is a 404 here as on the API.
 */
@Path("/jury")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.JUROR)
public class JuryPages {

    @CheckedTemplate(basePath = "jury")
    static class Templates {
        static native TemplateInstance desk(List<DeskCompetition> competitions, Map<Long, StatsView> stats);

        static native TemplateInstance queue(Queue queue, StatsView stats);

        static native TemplateInstance entry(Desk desk);

        static native TemplateInstance gone(String comment, List<String> marks);
    }

    private final CompetitionService competitions;
    private final EntryService entries;
    private final JuryQueueService queues;
    private final ScorecardService scorecards;
    private final JurorStats stats;
    private final WebErrors errors;
    private final ScreeningService screening;
    private final org.juryroom.rounds.FinalService finals;

    public JuryPages(CompetitionService competitions, EntryService entries, JuryQueueService queues,
                     ScorecardService scorecards, JurorStats stats, WebErrors errors, ScreeningService screening,
                     org.juryroom.rounds.FinalService finals) {
        this.finals = finals;
        this.stats = stats;
        this.screening = screening;
        this.competitions = competitions;
        this.entries = entries;
        this.queues = queues;
        this.scorecards = scorecards;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public Response desk() {
        List<DeskCompetition> mine = new ArrayList<>();
        Map<Long, StatsView> figures = new LinkedHashMap<>();
        for (Competition c : competitions.list()) {
            List<QueueItem> items = all(c.id);
            if (!items.isEmpty() || finals.onFinalJury(c.id)) {
                mine.add(new DeskCompetition(c.id, c.title, c.status, items.size(), count(items, "SUBMITTED"),
                        count(items, "DRAFT")));
            }
        }
        if (mine.size() == 1) {
            return redirect("/jury/competitions/" + mine.get(0).id());
        }
        // Figures exist only where the juror has queue work (as on the queue page): a competition listed
        // because they sit on its final jury alone has none, and asking for them is a 404.
        mine.stream().filter(d -> d.total() > 0).forEach(d -> figures.put(d.id(), StatsView.of(stats.mine(d.id()))));
        return Response.ok(Templates.desk(mine, figures)).build();
    }

    private static final List<String> QUEUE_TABS = List.of("todo", "drafts", "done");

    @GET
    @Path("competitions/{cid}")
    public TemplateInstance queue(@PathParam("cid") long cid, @QueryParam("tab") String tab) {
        Competition c = competitions.get(cid);
        List<QueueItem> items = all(cid);
        // An unknown ?tab= (an old link, a typo) opens the default tab, so that the page always marks one.
        String shown = tab != null && QUEUE_TABS.contains(tab) ? tab
                : count(items, "NONE") > 0 ? "todo" : count(items, "DRAFT") > 0 ? "drafts" : "done";
        String status = switch (shown) {
            case "drafts" -> "DRAFT";
            case "done" -> "SUBMITTED";
            default -> "NONE";
        };
        return Templates.queue(new Queue(cid, c.title, c.status, shown,
                items.stream().filter(i -> i.progress().equals(status)).toList(), count(items, "NONE"),
                count(items, "DRAFT"), count(items, "SUBMITTED"), items.size(), finals.onFinalJury(cid)),
                items.isEmpty() ? null : StatsView.of(stats.mine(cid)));
    }

    @GET
    @Path("entries/{eid}")
    public TemplateInstance entry(@PathParam("eid") long eid, @QueryParam("file") Long fileId) {
        BlindEntry e = blind(eid);
        Map<String, Integer> values = new LinkedHashMap<>();
        ScorecardView card = mine(eid);
        if (card != null) {
            values.putAll(card.scores());
        }
        return Templates.entry(desk(e, fileId, values, card == null ? "" : card.comment(), card, Errors.NONE));
    }

    /**
     * Saves the scorecard: {@code action} is "draft", "submit" or "next" (submit, then the next entry to score);
     * {@code version}: the saved scorecard's version the form was filled on, so that a save from a second tab or
     * window that has moved on is refused (412) and the page shows what is saved now instead of overwriting it.
     */
    @POST
    @Path("entries/{eid}/scorecard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response score(@PathParam("eid") long eid, @RestForm String comment, @RestForm String action,
                          @RestForm String version) {
        Map<String, Integer> values = new LinkedHashMap<>();
        Map<String, String> notWhole = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        FormFields.withPrefix("score.").forEach((code, v) -> {
            if (v != null && !v.isBlank()) {
                typed.add(code + ": " + v.strip());
                Integer n = parse(v);
                if (n == null) {
                    notWhole.put(code, v.strip());
                } else {
                    values.put(code, n);
                }
            }
        });
        boolean draft = "draft".equals(action);
        try {
            if (!notWhole.isEmpty()) {
                throw notWholeNumbers(blind(eid).competitionId(), notWhole);
            }
            boolean first = version != null && NO_SCORECARD_YET.equals(version.strip());
            scorecards.save(eid, new ScorecardService.ScorecardRequest(values, blankToNull(comment),
                    draft ? ScorecardStatus.DRAFT : ScorecardStatus.SUBMITTED, null, parseVersion(version)), null,
                    first ? "*" : null);
        } catch (RuntimeException ex) {
            return refused(ex, () -> {
                BlindEntry e = blind(eid);
                ScorecardView now = mine(eid);
                // Saved meanwhile elsewhere: the form shows what is saved now, to change again, not the stale marks.
                boolean moved = Forms.problem(ex).status() == 412 && now != null;
                return Templates.entry(desk(e, null, moved ? now.scores() : values,
                        moved ? text(now.comment()) : text(comment), now, Forms.errors(ex)));
            }, comment, typed);
        }
        if ("next".equals(action)) {
            BlindEntry e = blind(eid);
            return all(e.competitionId()).stream().filter(i -> !"SUBMITTED".equals(i.progress())
                            && !i.entryId().equals(eid)).findFirst()
                    .map(i -> redirect("/jury/entries/" + i.entryId() + "?scored"))
                    .orElseGet(() -> redirect("/jury/competitions/" + e.competitionId() + "?tab=done&finished"));
        }
        return redirect("/jury/entries/" + eid + (draft ? "?drafted" : "?scored"));
    }

    /**
     * Marks typed that are not whole numbers ("7.5", "seven", too many digits), each named at its criterion as
     * typed: read as a number out of every range, the page said "-2147483648 is not on the scale".
     */
    private ProblemException notWholeNumbers(long cid, Map<String, String> typed) {
        Competition c = competitions.get(cid);
        List<org.juryroom.common.Problem.Violation> violations = new ArrayList<>();
        typed.forEach((code, v) -> {
            String shown = v.codePointCount(0, v.length()) > 20 ? v.substring(0, v.offsetByCodePoints(0, 20)) + "…" : v;
            violations.add(c.criteria.stream().filter(k -> k.code.equals(code)).findFirst()
                    .map(k -> new org.juryroom.common.Problem.Violation("scores." + code,
                            k.name + ": " + shown + " is not a whole number from " + k.minScore + " to " + k.maxScore))
                    .orElseGet(() -> new org.juryroom.common.Problem.Violation("scores." + code,
                            "there is no criterion '" + code + "' in this rubric")));
        });
        return ProblemException.unprocessable("The scorecard has invalid scores", violations);
    }

    /**
     * Opens the other jurors' marks for an entry the juror has submitted. A POST, never a link: it
     * makes the juror's own scorecard final (the page says so on the button's side), so no prefetch
     * or stray click on a link may do it. Then the entry page shows the marks; with none to show yet,
     * nothing is recorded and the page says so.
     */
    @POST
    @Path("entries/{eid}/others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response others(@PathParam("eid") long eid) {
        boolean none = scorecards.ofEntry(eid).others().isEmpty();
        return redirect("/jury/entries/" + eid + (none ? "?noothers" : ""));
    }

    /** A screening vote: YES, NO or ABSTAIN and a comment; then the next entry without a vote. */
    @POST
    @Path("entries/{eid}/screening")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screen(@PathParam("eid") long eid, @RestForm String vote, @RestForm String comment) {
        ScreeningVote.Vote v = java.util.Arrays.stream(ScreeningVote.Vote.values())
                .filter(x -> x.name().equals(vote)).findFirst().orElse(null);
        try {
            screening.vote(eid, new ScreeningService.VoteRequest(v, comment));
        } catch (RuntimeException ex) {
            return refused(ex, () -> Templates.entry(desk(blind(eid), null, Map.of(), "", null, Forms.errors(ex))
                    .typedVote(v, comment)), comment, List.of());
        }
        BlindEntry e = blind(eid);
        return all(e.competitionId()).stream().filter(i -> "NONE".equals(i.screeningVote())
                        && !i.entryId().equals(eid)).findFirst()
                .map(i -> redirect("/jury/entries/" + i.entryId() + "?voted"))
                .orElseGet(() -> redirect("/jury/competitions/" + e.competitionId() + "?tab=done&finished"));
    }

    /**
     * A refused save: the entry page with the refusal and what was typed; or, when the entry has left the juror's
     * work since they opened it (a round closed, their work was moved, a conflict, it left judging: a 404, before
     * or while the page is drawn again), a 404 that keeps what they typed, to copy, and names no reason (a generic
     * 404 page dropped a long comment).
     */
    private Response refused(RuntimeException ex, java.util.function.Supplier<TemplateInstance> page, String comment,
                             List<String> marks) {
        int status = Forms.problem(ex).status();
        if (status != 404) {
            try {
                return Response.status(status).entity(page.get()).build();
            } catch (RuntimeException again) {
                if (Forms.problem(again).status() != 404) {
                    throw again;
                }
            }
        }
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.gone(comment == null || comment.isBlank() ? null : comment, marks)).build();
    }

    private ScreeningService.VoteView myVote(long eid) {
        try {
            return screening.mine(eid);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private Desk desk(BlindEntry e, Long fileId, Map<String, Integer> values, String comment, ScorecardView card,
                      Errors errors) {
        Competition c = competitions.get(e.competitionId());
        List<FileRow> files = JuryViews.files(e);
        FileRow current = files.stream().filter(f -> fileId != null && f.id() == fileId).findFirst()
                .orElse(files.isEmpty() ? null : files.get(0));
        List<CriterionRow> rubric = JuryViews.rubric(c, values, errors);
        List<QueueItem> queue = all(c.id);
        int at = -1;
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).entryId().equals(e.id())) {
                at = i;
            }
        }
        Long previous = at > 0 ? queue.get(at - 1).entryId() : null;
        Long next = at >= 0 && at < queue.size() - 1 ? queue.get(at + 1).entryId() : null;
        Instant peersReadAt = card == null ? null : card.peersReadAt();
        // Shown only once the juror chose to open them (their card is final since): reading them again changes nothing.
        List<ScorecardService.PeerScorecard> others = peersReadAt == null ? null : scorecards.readAgain(e.id());
        return new Desk(e, c.title, c.id, c.status == CompetitionStatus.JUDGING, files, current, rubric, comment,
                card == null ? null : card.status(), card == null ? null : card.total(),
                card == null ? null : card.updatedAt(), errors, at + 1, queue.size(), previous, next,
                myVote(e.id()), peersReadAt, others, card == null ? null : card.version());
    }

    /** A juror reads an entry only through the blind view: the policy gives nothing else to jurors. */
    private BlindEntry blind(long eid) {
        return (BlindEntry) entries.view(eid);
    }

    private ScorecardView mine(long eid) {
        try {
            return scorecards.mine(eid);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The whole queue of this juror in a competition, in the queue's order (by entry code). */
    private List<QueueItem> all(long cid) {
        return AllPages.of(p -> queues.queue(cid, p));
    }

    private static long count(List<QueueItem> items, String status) {
        return items.stream().filter(i -> i.progress().equals(status)).count();
    }

    /** A whole number as typed, or null when it is none (the page names it at its criterion). */
    private static Integer parse(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form's version when it was filled on no scorecard: its save must be the first (If-None-Match: *). */
    static final String NO_SCORECARD_YET = "new";

    /** The form's version; a value that is no version (a tampered form) names none. */
    private static Long parseVersion(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
