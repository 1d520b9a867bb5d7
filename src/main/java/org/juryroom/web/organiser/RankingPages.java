package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.CompetitionView;
import org.juryroom.common.ProblemException;
import org.juryroom.judging.ScorecardService;
import org.juryroom.publishing.ExportResource;
import org.juryroom.publishing.ExportService;
import org.juryroom.ranking.Adjudication;
import org.juryroom.ranking.AdjudicationService;
import org.juryroom.ranking.AdjudicationService.AdjudicationRequest;
import org.juryroom.ranking.AdjudicationService.AdjudicationView;
import org.juryroom.ranking.RankingQuery;
import org.juryroom.ranking.RankingService;
import org.juryroom.ranking.RankingService.RankingView;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistService;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;
import org.juryroom.web.organiser.OrganiserViews.RankingPage;
import org.juryroom.web.organiser.OrganiserViews.ShortlistPage;
import org.juryroom.web.organiser.OrganiserViews.ShortlistRow;

import java.util.List;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The ranking and what follows it: decisions on entries whose jurors disagree, the freeze, the
 * sealed shortlist and its verification, and the exports. Each action is one call to the
 * service the API uses; refusals (a freeze still waiting for decisions) are shown on the page.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class RankingPages {

    /** Rows per ranking page: the whole shortlist and the entries just below it on the first. */
    static final int RANKING_PAGE = 100;

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance ranking(RankingPage page);

        static native TemplateInstance shortlist(ShortlistPage page);
    }

    private final CompetitionService competitions;
    private final RankingService ranking;
    private final RankingQuery rankingQuery;
    private final AdjudicationService adjudications;
    private final ShortlistService shortlists;
    private final ExportService exports;
    private final ScorecardService scorecards;
    private final WebErrors errors;
    private final org.juryroom.rounds.RoundWork rounds;

    public RankingPages(CompetitionService competitions, RankingService ranking, RankingQuery rankingQuery,
                        AdjudicationService adjudications, ShortlistService shortlists, ExportService exports,
                        ScorecardService scorecards, WebErrors errors, org.juryroom.rounds.RoundWork rounds) {
        this.rounds = rounds;
        this.competitions = competitions;
        this.ranking = ranking;
        this.rankingQuery = rankingQuery;
        this.adjudications = adjudications;
        this.shortlists = shortlists;
        this.exports = exports;
        this.scorecards = scorecards;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/ranking")
    public TemplateInstance ranking(@PathParam("cid") long cid, @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("decided") Long decided) {
        return Templates.ranking(rankingOf(cid, Math.max(0, page), decided, Errors.NONE));
    }

    /** An organiser's decision on an entry whose jurors disagree: confirm the scores, or ask one more juror. */
    @POST
    @Path("competitions/{cid}/adjudications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adjudicate(@PathParam("cid") long cid, @RestForm Long entryId, @RestForm String decision,
                               @RestForm String note, @RestForm String scorecards) {
        try {
            AdjudicationView d = adjudications.decide(cid, new AdjudicationRequest(entryId, decision(decision),
                    note, scorecards));
            return redirect("/organiser/competitions/" + cid + "/ranking?decided=" + d.id() + "#entry-" + d.entryId());
        } catch (RuntimeException e) {
            return refusedOnRanking(cid, e);
        }
    }

    @POST
    @Path("competitions/{cid}/shortlist")
    public Response freeze(@PathParam("cid") long cid, @RestForm java.util.List<Long> excuse,
                           @RestForm String reason) {
        try {
            java.util.List<Long> excused = excuse == null ? java.util.List.of() : excuse;
            shortlists.freeze(cid, new org.juryroom.rounds.RoundWork.Remedies(reason, excused, java.util.List.of()),
                    reason, s -> s.digest);
            return redirect("/organiser/competitions/" + cid + "/shortlist?frozen");
        } catch (RuntimeException e) {
            return refusedOnRanking(cid, e);
        }
    }

    @GET
    @Path("competitions/{cid}/shortlist")
    public TemplateInstance shortlist(@PathParam("cid") long cid) {
        return Templates.shortlist(shortlistOf(cid, null));
    }

    /** Rebuilds the sealed record from the stored rows and shows whether it still matches its digest. */
    @GET
    @Path("competitions/{cid}/shortlist/verify")
    public TemplateInstance verify(@PathParam("cid") long cid) {
        return Templates.shortlist(shortlistOf(cid, shortlists.verify(cid)));
    }

    /** The sealed record byte for byte: {@code sha256sum} of the file prints the digest. */
    @GET
    @Path("competitions/{cid}/shortlist/snapshot.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response snapshot(@PathParam("cid") long cid) {
        return ExportResource.download(exports.snapshot(cid));
    }

    /** The exports of the API, for a browser signed in with the session (the API takes HTTP Basic only). */
    @GET
    @Path("competitions/{cid}/exports/{name}")
    @Produces({"text/csv", "application/pdf"})
    public Response export(@PathParam("cid") long cid, @PathParam("name") String name,
                           @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        java.util.Locale language = ExportResource.language(lang, headers);
        ExportService.Export export = switch (name) {
            case "shortlist.csv" -> exports.shortlist(cid, false, language);
            case "shortlist.pdf" -> exports.shortlist(cid, true, language);
            case "ranking.csv" -> exports.ranking(cid, false, language);
            case "ranking.pdf" -> exports.ranking(cid, true, language);
            case "screening-votes.csv" -> exports.screeningVotes(cid, language);
            default -> throw ProblemException.notFound("Export " + name);
        };
        return ExportResource.download(export);
    }

    private RankingPage rankingOf(long cid, int page, Long decided, Errors errors) {
        Competition c = competitions.get(cid);
        RankingView view = ranking.ranking(cid, page, RANKING_PAGE);
        // Every row in or near the cut, for the chart and for what still waits for a decision.
        int nearCut = c.shortlistSize + view.nearCutMargin();
        RankingView first = page == 0 && nearCut <= RANKING_PAGE ? view
                : ranking.top(cid, Math.max(RANKING_PAGE, nearCut));
        List<AdjudicationView> decisions = adjudications.list(cid);
        List<RankingService.RankingRow> waiting = first.rows().stream()
                .filter(RankingService.RankingRow::needsAdjudication).toList();
        java.util.Map<Long, Evidence> evidence = new java.util.HashMap<>();
        scorecards.evidence(cid, waiting.stream().map(RankingService.RankingRow::entryId).toList())
                .forEach((id, cards) -> evidence.put(id, Evidence.of(c, cards)));
        return new RankingPage(CompetitionView.of(c), view, Charts.jurorBoxes(rankingQuery.jurorSpreads(cid)),
                Charts.nearCut(first.rows(), c.shortlistSize),
                Paging.of(view.page(), view.total(), RANKING_PAGE),
                c.status == CompetitionStatus.JUDGING,
                waiting, decisions, decisions.stream().filter(d -> decided != null && d.id() == decided).findFirst()
                .orElse(null), errors, evidence, missingWork(c));
    }

    /** Per juror, the RUBRIC round's assigned scorecards still missing: the freeze waits for them or a remedy. */
    private java.util.List<OrganiserViews.MissingWork> missingWork(Competition c) {
        if (c.status != CompetitionStatus.JUDGING) {
            return java.util.List.of();
        }
        return org.juryroom.rounds.JudgingRound.rubric(c.id).map(r -> rounds.missing(r).stream()
                .map(m -> new OrganiserViews.MissingWork(m.jurorId(),
                        org.juryroom.judging.Juror.<org.juryroom.judging.Juror>findById(m.jurorId()).name, m.count()))
                .toList()).orElse(java.util.List.of());
    }

    private ShortlistPage shortlistOf(long cid, ShortlistService.Verification verification) {
        Shortlist s = shortlists.get(cid);
        CompetitionView c = CompetitionView.of(competitions.get(cid));
        java.util.Set<Long> held = s.heldEntryIds();
        List<ShortlistService.SealedRemedy> sealed = ShortlistService.remedies(s);
        java.util.Set<Long> remedied = remediedEntries(s, sealed);
        List<ShortlistRow> rows = s.entries().stream().map(e -> new ShortlistRow(e.rank, e.code, e.title, e.schoolName,
                e.score, held.contains(e.entryId), remedied.contains(e.entryId))).toList();
        List<OrganiserViews.RemedyRow> remedies = sealed.stream().map(m -> new OrganiserViews.RemedyRow(m.kind(),
                m.jurorId() == null ? null : org.juryroom.judging.Juror.<org.juryroom.judging.Juror>findByIdOptional(
                        m.jurorId()).map(j -> j.name).orElse("#" + m.jurorId()),
                m.entryId() == null ? null : org.juryroom.entry.Entry.<org.juryroom.entry.Entry>findByIdOptional(
                        m.entryId()).map(e -> e.code).orElse("#" + m.entryId()),
                m.moved(), m.reason(), m.decidedBy(), m.decidedAt())).toList();
        return new ShortlistPage(c, s.size, s.frozenAt, s.frozenBy, s.method, s.digest, rows, verification, remedies);
    }

    /**
     * The shortlisted entries a sealed remedy touched: those accepted with fewer jurors, and those on
     * which an excused juror's scorecard is missing (what the excuse let through).
     */
    private static java.util.Set<Long> remediedEntries(Shortlist s, List<ShortlistService.SealedRemedy> sealed) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        List<Long> excused = new java.util.ArrayList<>();
        for (ShortlistService.SealedRemedy m : sealed) {
            if (m.entryId() != null) {
                out.add(m.entryId());
            } else if ("EXCUSE".equals(m.kind())) {
                excused.add(m.jurorId());
            }
        }
        if (!excused.isEmpty()) {
            out.addAll(Shortlist.getEntityManager().createQuery("select a.entryId from Assignment a, ShortlistEntry se"
                            + " where se.shortlistId = :sid and a.entryId = se.entryId and a.jurorId in :jurors"
                            + " and not exists (select 1 from Scorecard sc where sc.entryId = a.entryId"
                            + " and sc.jurorId = a.jurorId and sc.status = org.juryroom.judging.ScorecardStatus.SUBMITTED)",
                    Long.class).setParameter("sid", s.id).setParameter("jurors", excused).getResultList());
        }
        return out;
    }

    private Response refusedOnRanking(long cid, RuntimeException e) {
        if (Forms.problem(e).status() == 404) {
            throw e;
        }
        return Response.status(Forms.problem(e).status())
                .entity(Templates.ranking(rankingOf(cid, 0, null, Forms.errors(e)))).build();
    }

    private static Adjudication.Decision decision(String value) {
        try {
            return value == null ? null : Adjudication.Decision.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("decision", "choose to confirm the scores or to ask another juror");
        }
    }
}
