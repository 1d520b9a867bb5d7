package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.CompetitionView;
import org.juryroom.i18n.Languages;
import org.juryroom.judging.Juror;
import org.juryroom.rounds.JudgingRound;
import org.juryroom.rounds.RoundHistory;
import org.juryroom.rounds.RoundKind;
import org.juryroom.rounds.RoundService;
import org.juryroom.rounds.RoundService.RoundRequest;
import org.juryroom.rounds.RoundService.RoundView;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.rounds.RoundWork;
import org.juryroom.rounds.ScreeningRule;
import org.juryroom.web.FormFields;
import org.juryroom.web.Formats;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.RoundMsg;
import org.juryroom.web.RoundTexts;
import org.juryroom.web.WebErrors;
import org.juryroom.web.organiser.RoundViews.FormRow;
import org.juryroom.web.organiser.RoundViews.HistoryLine;
import org.juryroom.web.organiser.RoundViews.HistoryView;
import org.juryroom.web.organiser.RoundViews.Listed;
import org.juryroom.web.organiser.RoundViews.MissingEntry;
import org.juryroom.web.organiser.RoundViews.PreviewView;
import org.juryroom.web.organiser.RoundViews.RoundCard;
import org.juryroom.web.organiser.RoundViews.RoundsPage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The organiser's rounds page: the ordered rounds with their rule, progress and missing work; the
 * edit form for rounds not yet opened; for the current SCREENING or RUBRIC round the close preview,
 * the three remedies and the close; and each closed round's history. Every action is one call to
 * the service the API uses ({@link RoundService}); its refusals are shown on the page.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class RoundPages {

    private static final Pattern ROW = Pattern.compile("(\\d{1,3})\\..+");
    private static final Pattern VIOLATION = Pattern.compile("rounds\\[(\\d+)]\\.(\\w+)");
    /** The fields each kind of round takes; the others are left out of what the form sends. */
    private static final Map<RoundKind, Set<String>> FIELDS = Map.of(
            RoundKind.SCREENING, Set.of("k", "quorum", "top"),
            RoundKind.RUBRIC, Set.of("k"),
            RoundKind.FINAL, Set.of("places", "mentions"));

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance rounds(RoundsPage page);
    }

    private final CompetitionService competitions;
    private final RoundService rounds;
    private final RoundHistory history;
    private final WebErrors errors;

    public RoundPages(CompetitionService competitions, RoundService rounds, RoundHistory history, WebErrors errors) {
        this.competitions = competitions;
        this.rounds = rounds;
        this.history = history;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/rounds")
    public TemplateInstance page(@PathParam("cid") long cid) {
        return Templates.rounds(pageOf(cid, null, Errors.NONE, null, null));
    }

    /** The edit form: the same replacement the API's PUT makes, with its refusals next to the fields. */
    @POST
    @Path("competitions/{cid}/rounds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("cid") long cid) {
        List<RoundView> stored = rounds.list(cid);
        List<FormRow> posted = posted(stored);
        List<FormRow> sent = new ArrayList<>();
        List<RoundRequest> request = new ArrayList<>();
        Map<Long, RoundView> byId = new HashMap<>();
        stored.forEach(r -> byId.put(r.id(), r));
        List<FormRow> ordered = new ArrayList<>(posted);
        ordered.sort(Comparator.comparingInt((FormRow f) -> order(f)).thenComparingInt(FormRow::index));
        for (FormRow f : ordered) {
            RoundView fixed = f.id() == null ? null : byId.get(f.id());
            if (fixed != null && fixed.status() != RoundStatus.PENDING) {
                sent.add(f);
                request.add(new RoundRequest(fixed.id(), fixed.kind(), fixed.name(), fixed.jurorsPerEntry(),
                        fixed.quorum(), fixed.advanceTop(), fixed.places(), fixed.mentions(), fixed.closesAt()));
            } else if (!f.remove() && !(f.isNew() && f.kind().isBlank()) && f.errors().isEmpty()) {
                sent.add(f);
                request.add(request(f));
            }
        }
        if (posted.stream().anyMatch(f -> !f.errors().isEmpty())) {
            return refusedForm(cid, posted, Errors.NONE, 422);
        }
        try {
            rounds.replace(cid, request);
            return redirect("/organiser/competitions/" + cid + "/rounds?saved#rounds-edit");
        } catch (RuntimeException e) {
            Problem p = Forms.problem(e);
            if (p.status() == 404) {
                throw e;
            }
            Map<Integer, Map<String, String>> byRow = new HashMap<>();
            List<String> general = new ArrayList<>();
            RoundMsg m = msg();
            Errors localised = Forms.errors(e);
            if (p.violations() != null) {
                for (Problem.Violation v : p.violations()) {
                    Matcher at = VIOLATION.matcher(v.field());
                    if (at.matches() && Integer.parseInt(at.group(1)) < sent.size()) {
                        int row = sent.get(Integer.parseInt(at.group(1))).index();
                        byRow.computeIfAbsent(row, x -> new LinkedHashMap<>())
                                .merge(formField(at.group(2)), text(m, at.group(2), v.message()), (a, b) -> a);
                    } else if ("rounds".equals(v.field())) {
                        general.add(m.rnd_err_rounds());
                    } else {
                        general.add(v.message());
                    }
                }
            }
            List<FormRow> shown = posted.stream().map(f -> byRow.containsKey(f.index()) ? withErrors(f,
                    byRow.get(f.index())) : f).toList();
            String message = general.isEmpty() ? localised.general() : String.join(" ", general);
            return refusedForm(cid, shown, message == null ? Errors.NONE : Errors.general(message), p.status());
        }
    }

    @POST
    @Path("competitions/{cid}/rounds/{rid}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("cid") long cid, @PathParam("rid") long rid, @RestForm List<Long> excuse,
                          @RestForm List<Long> acceptFewer, @RestForm String reason) {
        try {
            rounds.close(cid, rid, new RoundService.CloseRequest(reason, excuse == null ? List.of() : excuse,
                    acceptFewer == null ? List.of() : acceptFewer));
            return redirect("/organiser/competitions/" + cid + "/rounds?closed#round-" + rid);
        } catch (RuntimeException e) {
            return refusedRound(cid, rid, e);
        }
    }

    /** Remedy one: the juror's unfinished work goes to other eligible jurors. */
    @POST
    @Path("competitions/{cid}/rounds/{rid}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("cid") long cid, @PathParam("rid") long rid, @RestForm Long fromJurorId,
                             @RestForm String reason) {
        try {
            RoundService.Reassigned r = rounds.reassign(cid, rid, new RoundService.ReassignRequest(fromJurorId,
                    reason == null || reason.isBlank() ? null : reason));
            return redirect("/organiser/competitions/" + cid + "/rounds?reassigned=" + r.moved() + "#round-" + rid);
        } catch (RuntimeException e) {
            return refusedRound(cid, rid, e);
        }
    }

    private Response refusedRound(long cid, long rid, RuntimeException e) {
        Problem p = Forms.problem(e);
        if (p.status() == 404) {
            throw e;
        }
        Object missing = p.extensions() == null ? null : p.extensions().get("missing");
        String message;
        if (missing instanceof Collection<?> list && !list.isEmpty()) {
            long count = list.stream().mapToLong(x -> x instanceof RoundWork.Missing w ? w.count() : 0).sum();
            message = msg().rnd_refused_missing(count);
        } else {
            Errors errs = Forms.errors(e);
            message = errs.general() != null ? errs.general() : String.join("; ", errs.fields().values());
        }
        return Response.status(p.status()).entity(Templates.rounds(pageOf(cid, null, Errors.NONE, rid, message)))
                .build();
    }

    private Response refusedForm(long cid, List<FormRow> form, Errors errs, int status) {
        return Response.status(status).entity(Templates.rounds(pageOf(cid, form, errs, null, null))).build();
    }

    private RoundsPage pageOf(long cid, List<FormRow> form, Errors errs, Long refusedRound, String refusal) {
        Competition c = competitions.get(cid);
        List<RoundView> views = rounds.list(cid);
        List<JudgingRound> stored = history.of(cid);
        Long current = JudgingRound.current(cid).map(r -> r.id).orElse(null);
        boolean judging = c.status == CompetitionStatus.JUDGING;
        List<RoundCard> cards = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            JudgingRound r = stored.get(i);
            boolean isCurrent = r.id.equals(current);
            boolean live = isCurrent && judging && r.status == RoundStatus.OPEN && r.kind != RoundKind.FINAL;
            List<OrganiserViews.MissingWork> missing = List.of();
            List<MissingEntry> missingEntries = List.of();
            PreviewView preview = null;
            if (live) {
                missing = history.missing(r).stream().map(w -> new OrganiserViews.MissingWork(w.jurorId(),
                        jurorName(w.jurorId()), w.count())).toList();
                Map<Long, Long> byEntry = history.missingByEntry(r);
                Map<Long, RoundHistory.EntryName> names = history.names(byEntry.keySet().stream()
                        .limit(RoundViews.LISTED).toList());
                missingEntries = names.values().stream().sorted(Comparator.comparing(RoundHistory.EntryName::code))
                        .map(n -> new MissingEntry(n.entryId(), n.code(), n.title(), byEntry.get(n.entryId())))
                        .toList();
                RoundService.Preview p = rounds.preview(cid, r.id);
                preview = new PreviewView(listed(p.advancing()), listed(p.notAdvancing()), listed(p.boundary()));
            }
            HistoryView past = r.status == RoundStatus.CLOSED && r.kind != RoundKind.FINAL ? historyOf(r) : null;
            RoundMsg m = msg();
            cards.add(new RoundCard(views.get(i), RoundTexts.kind(m, r.kind), RoundTexts.rule(m, r.kind,
                    r.jurorsPerEntry, r.quorum, r.advanceTop, r.places, r.mentions, c.shortlistSize), r.closedBy, isCurrent, history.progress(r), missing, missingEntries, preview,
                    past, remedies(r), r.id.equals(refusedRound) ? refusal : null));
        }
        boolean editable = c.status != CompetitionStatus.FROZEN && c.status != CompetitionStatus.PUBLISHED;
        return new RoundsPage(CompetitionView.of(c), cards, editable, form != null ? form : formOf(views), errs);
    }

    private HistoryView historyOf(JudgingRound r) {
        Map<Long, Boolean> outcome = history.outcome(r);
        long advanced = outcome.values().stream().filter(b -> b).count();
        Map<Long, ScreeningRule.Tally> tallies = new HashMap<>();
        history.tallies(r).forEach(t -> tallies.put(t.entryId(), t));
        // Those that advanced first: who went on is what the organiser looks for.
        List<Long> shown = outcome.entrySet().stream()
                .sorted(Map.Entry.<Long, Boolean>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(RoundViews.LISTED).map(Map.Entry::getKey).toList();
        Map<Long, RoundHistory.EntryName> names = history.names(shown);
        List<HistoryLine> lines = shown.stream().filter(names::containsKey).map(id -> {
            ScreeningRule.Tally t = tallies.get(id);
            return new HistoryLine(names.get(id), t == null ? null : t.yes(), t == null ? null : t.no(),
                    t == null ? null : t.abstain(), outcome.get(id));
        }).toList();
        return new HistoryView(advanced, outcome.size() - advanced, lines, outcome.size() - lines.size());
    }

    private List<OrganiserViews.RemedyRow> remedies(JudgingRound r) {
        List<RoundWork.RemedyView> made = history.remedies(r);
        Map<Long, RoundHistory.EntryName> names = history.names(made.stream().map(RoundWork.RemedyView::entryId)
                .filter(java.util.Objects::nonNull).toList());
        return made.stream().map(m -> new OrganiserViews.RemedyRow(m.kind().name(),
                m.jurorId() == null ? null : jurorName(m.jurorId()),
                m.entryId() == null ? null : names.containsKey(m.entryId()) ? names.get(m.entryId()).code()
                        : "#" + m.entryId(), m.moved(), m.reason(), m.decidedBy(), m.decidedAt())).toList();
    }

    private Listed listed(List<Long> ids) {
        List<Long> first = ids.stream().limit(RoundViews.LISTED).toList();
        Map<Long, RoundHistory.EntryName> names = history.names(first);
        return new Listed(first.stream().filter(names::containsKey).map(names::get).toList(), ids.size());
    }

    private static String jurorName(long jurorId) {
        return Juror.<Juror>findByIdOptional(jurorId).map(j -> j.name).orElse("#" + jurorId);
    }

    /** The stored rounds as form rows, and one blank row to add a round. */
    private static List<FormRow> formOf(List<RoundView> views) {
        List<FormRow> rows = new ArrayList<>();
        for (RoundView r : views) {
            rows.add(new FormRow(rows.size(), r.id(), r.status() != RoundStatus.PENDING, String.valueOf(r.position()),
                    r.kind().name(), r.name(), text(r.jurorsPerEntry()), text(r.quorum()), text(r.advanceTop()),
                    text(r.places()), text(r.mentions()), Formats.inputValue(r.closesAt()), false, Map.of()));
        }
        rows.add(new FormRow(rows.size(), null, false, String.valueOf(rows.size() + 1), "", "", "", "", "", "", "",
                "", false, Map.of()));
        return rows;
    }

    /** The rows as posted ({@code round.<i>.<field>}); a number or time that does not parse is marked on its field. */
    private static List<FormRow> posted(List<RoundView> stored) {
        Map<Long, RoundView> byId = new HashMap<>();
        stored.forEach(r -> byId.put(r.id(), r));
        List<FormRow> rows = new ArrayList<>();
        RoundMsg m = msg();
        Set<Long> seen = new HashSet<>();
        // The rows sent: the page sends one per stored round and a blank one; more are read, up to a bound.
        java.util.TreeSet<Integer> indices = new java.util.TreeSet<>();
        for (String name : FormFields.withPrefix("round.").keySet()) {
            Matcher at = ROW.matcher(name);
            if (at.matches() && Integer.parseInt(at.group(1)) < 2 * org.juryroom.rounds.RoundRules.MAX_ROUNDS) {
                indices.add(Integer.parseInt(at.group(1)));
            }
        }
        for (int i : indices) {
            Map<String, String> f = FormFields.withPrefix("round." + i + ".");
            Long id = null;
            try {
                id = f.getOrDefault("id", "").isBlank() ? null : Long.valueOf(f.get("id").strip());
            } catch (NumberFormatException e) {
                id = null;
            }
            if (id != null && (!byId.containsKey(id) || !seen.add(id))) {
                id = null; // not a round of this competition: never trusted as one
            }
            boolean fixed = id != null && byId.get(id).status() != RoundStatus.PENDING;
            Map<String, String> errs = new LinkedHashMap<>();
            for (String number : List.of("order", "k", "quorum", "top", "places", "mentions")) {
                if (!f.getOrDefault(number, "").isBlank() && !f.get(number).strip().matches("-?\\d{1,9}")) {
                    errs.put(number, m.rnd_err_number());
                }
            }
            String closes = f.getOrDefault("closesAt", "").strip();
            if (!closes.isEmpty() && instant(closes) == null) {
                errs.put("closesAt", m.rnd_err_closesAt());
            }
            rows.add(new FormRow(i, id, fixed, f.getOrDefault("order", String.valueOf(i + 1)),
                    f.getOrDefault("kind", ""), f.getOrDefault("name", ""), f.getOrDefault("k", ""),
                    f.getOrDefault("quorum", ""), f.getOrDefault("top", ""), f.getOrDefault("places", ""),
                    f.getOrDefault("mentions", ""), closes, f.containsKey("remove"), fixed ? Map.of() : errs));
        }
        return rows;
    }

    private static RoundRequest request(FormRow f) {
        RoundKind kind;
        try {
            kind = RoundKind.valueOf(f.kind());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        Set<String> takes = kind == null ? Set.of() : FIELDS.get(kind);
        return new RoundRequest(f.id(), kind, f.name(), takes.contains("k") ? number(f.k()) : null,
                takes.contains("quorum") ? number(f.quorum()) : null, takes.contains("top") ? number(f.top()) : null,
                takes.contains("places") ? number(f.places()) : null,
                takes.contains("mentions") ? number(f.mentions()) : null, instant(f.closesAt()));
    }

    private static FormRow withErrors(FormRow f, Map<String, String> errs) {
        return new FormRow(f.index(), f.id(), f.fixed(), f.order(), f.kind(), f.name(), f.k(), f.quorum(), f.top(),
                f.places(), f.mentions(), f.closesAt(), f.remove(), errs);
    }

    /** The API's field names as the form names them. */
    private static String formField(String apiField) {
        return switch (apiField) {
            case "jurorsPerEntry" -> "k";
            case "advanceTop" -> "top";
            default -> apiField;
        };
    }

    /** A rule the round breaks, said in the reader's language without the API's words. */
    private static String text(RoundMsg m, String apiField, String fallback) {
        return switch (apiField) {
            case "kind" -> m.rnd_err_kind();
            case "name" -> m.rnd_err_name();
            case "jurorsPerEntry" -> m.rnd_err_jurorsPerEntry();
            case "quorum" -> m.rnd_err_quorum();
            case "advanceTop" -> m.rnd_err_advanceTop();
            case "places" -> m.rnd_err_places();
            case "mentions" -> m.rnd_err_mentions();
            case "closesAt" -> m.rnd_err_closesAt_past(); // a time that does not parse never reaches the service
            default -> fallback; // already in the reader's language (Forms.problem)
        };
    }

    private static int order(FormRow f) {
        try {
            return Integer.parseInt(f.order().strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Formats.zone()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    static RoundMsg msg() {
        return MessageBundles.get(RoundMsg.class, Localized.Literal.of(Languages.ofCurrentRequest()));
    }
}
