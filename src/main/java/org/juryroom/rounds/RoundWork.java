package org.juryroom.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.judging.JudgingProgress;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A round's assigned work, what of it is missing, the organiser's remedies, and closing: the one
 * gate both a round's close and the shortlist freeze go through, so that nothing closes or
 * freezes on missing work silently (docs/judging.md, "Missing work").
 *
 * <p>Missing: an assignment of the round whose entry is still in judging (submitted, not held),
 * whose juror has no conflict with its school, and which has no vote (SCREENING) or no submitted
 * or abstained scorecard (RUBRIC); minus the work of excused jurors and of entries accepted with
 * fewer jurors. Callers hold the competition's exclusive lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RoundWork {

    public record Missing(long jurorId, long count) {
    }

    /** The remedies given with a close; {@code reason} is required when any is given. */
    public record Remedies(String reason, List<Long> excuse, List<Long> acceptFewer) {
        public static final Remedies NONE = new Remedies(null, List.of(), List.of());

        public boolean any() {
            return excuse != null && !excuse.isEmpty() || acceptFewer != null && !acceptFewer.isEmpty();
        }
    }

    public record RemedyView(long id, long roundId, RoundRemedy.Kind kind, Long jurorId, Long entryId, Integer moved,
                             String reason, String decidedBy, Instant decidedAt) {
        static RemedyView of(RoundRemedy r) {
            return new RemedyView(r.id, r.roundId, r.kind, r.jurorId, r.entryId, r.moved, r.reason, r.decidedBy,
                    r.decidedAt);
        }
    }

    public static final int MAX_REASON = 2000;

    private final EntityManager em;
    private final AuditLog audit;

    public RoundWork(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** The round's work rows as {@code a} (entry_id, juror_id) joined to entry {@code e}, unfinished only. */
    private static String unfinished(JudgingRound r) {
        return r.kind == RoundKind.SCREENING
                ? "screening_vote a join entry e on e.id = a.entry_id where a.round_id = :rid and a.vote is null"
                : "assignment a join entry e on e.id = a.entry_id where a.competition_id = :cid and not exists"
                        + " (select 1 from scorecard s where s.entry_id = a.entry_id and s.juror_id = a.juror_id"
                        + " and s.status in ('SUBMITTED', 'ABSTAINED'))";
    }

    /** Per juror, how much of the round's assigned work is missing and not remedied; counted in SQL. */
    public List<Missing> missing(JudgingRound r) {
        return missingBy(r, "juror_id").entrySet().stream().map(m -> new Missing(m.getKey(), m.getValue())).toList();
    }

    /**
     * Per entry (id → count), the round's missing work not remedied: what {@code acceptFewer} can name. An
     * entry of a SCREENING round without a juror counts the round's jurors per entry.
     */
    public Map<Long, Long> missingByEntry(JudgingRound r) {
        Map<Long, Long> out = missingBy(r, "entry_id");
        unjudged(r).forEach(e -> out.put(e, (long) (r.jurorsPerEntry == null ? 1 : r.jurorsPerEntry)));
        return out;
    }

    /**
     * SCREENING: the round's entries still in judging that no counted juror has (none was eligible at the
     * assignment, or each has declared a conflict since) and that were not accepted with fewer jurors. With
     * no vote they could not advance: closing would drop them unseen, so they block the close like missing work.
     */
    @SuppressWarnings("unchecked")
    public List<Long> unjudged(JudgingRound r) {
        if (r.kind != RoundKind.SCREENING) {
            return List.of();
        }
        long previous = r.previous().map(p -> p.id).orElse(-1L);
        return ((List<Number>) em.createNativeQuery("select e.id from entry e where e.competition_id = :cid"
                        + " and e.status = 'SUBMITTED' and e.hold is null"
                        + " and (:prev < 0 or exists (select 1 from round_outcome o where o.round_id = :prev"
                        + " and o.entry_id = e.id and o.advanced))"
                        + " and not exists (select 1 from screening_vote a where a.round_id = :rid and a.entry_id = e.id"
                        + " and " + org.juryroom.judging.Conflict.notConflicted("a.juror_id", "e.school_id") + ")"
                        + " and not exists (select 1 from round_remedy m where m.round_id = :rid"
                        + " and m.kind = 'ACCEPT_FEWER' and m.entry_id = e.id) order by e.id")
                .setParameter("cid", r.competitionId).setParameter("prev", previous).setParameter("rid", r.id)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /** The missing work grouped by {@code a.juror_id} or {@code a.entry_id}, in id order. */
    private Map<Long, Long> missingBy(JudgingRound r, String column) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (r.kind == RoundKind.FINAL) {
            // Per juror only: acceptFewer does not apply to a final round.
            return column.equals("juror_id") ? finalMissing(r) : out;
        }
        jakarta.persistence.Query q = em.createNativeQuery("select a." + column + ", count(*) from " + unfinished(r)
                + " and " + JudgingProgress.NOT_CONFLICTED
                + " and not exists (select 1 from round_remedy m where m.round_id = :round and m.kind = 'EXCUSE'"
                + " and m.juror_id = a.juror_id)"
                + " and not exists (select 1 from round_remedy m where m.round_id = :round"
                + " and m.kind = 'ACCEPT_FEWER' and m.entry_id = a.entry_id)"
                + " group by a." + column + " order by a." + column);
        bind(q, r).setParameter("round", r.id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), ((Number) x[1]).longValue()));
        return out;
    }

    /** FINAL: each member of the round's jury without a ballot counts one, unless excused. */
    private Map<Long, Long> finalMissing(JudgingRound r) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select j.juror_id from round_jury j where j.round_id = :rid"
                        + " and not exists (select 1 from final_ballot b where b.round_id = j.round_id"
                        + " and b.juror_id = j.juror_id)"
                        + " and not exists (select 1 from round_remedy m where m.round_id = j.round_id"
                        + " and m.kind = 'EXCUSE' and m.juror_id = j.juror_id) order by j.juror_id")
                .setParameter("rid", r.id).getResultList();
        Map<Long, Long> out = new LinkedHashMap<>();
        rows.forEach(n -> out.put(n.longValue(), 1L));
        return out;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, JudgingRound r) {
        return r.kind != RoundKind.RUBRIC ? q.setParameter("rid", r.id) : q.setParameter("cid", r.competitionId);
    }

    /**
     * Records the excuses and acceptances given with a close, each audited; refused (422, nothing
     * recorded) without a reason, or for a juror or entry that has no work in the round.
     */
    public List<RoundRemedy> record(JudgingRound r, Remedies remedies, String actor) {
        if (remedies == null || !remedies.any()) {
            return List.of();
        }
        String reason = requireReason(r, remedies.reason());
        List<Problem.Violation> wrong = new ArrayList<>();
        Set<Long> jurors = named(remedies.excuse(),
                i -> wrong.add(new Problem.Violation("excuse[" + i + "]", "must name a juror")));
        Set<Long> entries = named(remedies.acceptFewer(),
                i -> wrong.add(new Problem.Violation("acceptFewer[" + i + "]", "must name an entry")));
        Set<Long> jury = ids("select distinct a.juror_id from " + work(r), r);
        // A FINAL round's work is one ballot per juror: there is no entry to accept with fewer jurors.
        Set<Long> judged = r.kind == RoundKind.FINAL ? new java.util.HashSet<>() : ids("select distinct a.entry_id from " + work(r), r);
        judged.addAll(unjudged(r));
        jurors.stream().filter(j -> !jury.contains(j))
                .forEach(j -> wrong.add(new Problem.Violation("excuse", "juror " + j + " has no work in this round")));
        entries.stream().filter(e -> !judged.contains(e))
                .forEach(e -> wrong.add(new Problem.Violation("acceptFewer", "entry " + e + " is not judged in this round")));
        if (!wrong.isEmpty()) {
            throw ProblemException.unprocessable("Remedies must name jurors and entries of this round", wrong);
        }
        List<RoundRemedy> out = new ArrayList<>();
        jurors.forEach(j -> out.add(remedy(r, RoundRemedy.Kind.EXCUSE, j, null, null, reason, actor)));
        entries.forEach(e -> out.add(remedy(r, RoundRemedy.Kind.ACCEPT_FEWER, null, e, null, reason, actor)));
        return out;
    }

    /** The ids a remedy names, in order; a null in the list (JSON {@code [null]}) goes to {@code nameless}, not a 500. */
    private static Set<Long> named(List<Long> ids, java.util.function.IntConsumer nameless) {
        Set<Long> out = new TreeSet<>();
        for (int i = 0; ids != null && i < ids.size(); i++) {
            if (ids.get(i) == null) {
                nameless.accept(i);
            } else {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    /** A REASSIGN remedy: the juror's unfinished work was moved ({@code moved} pieces). */
    public RoundRemedy recordReassign(JudgingRound r, long jurorId, int moved, String reason, String actor) {
        return remedy(r, RoundRemedy.Kind.REASSIGN, jurorId, null, moved,
                reason == null || reason.isBlank() ? "unfinished work moved to other jurors" : requireReason(r, reason),
                actor);
    }

    private static String work(JudgingRound r) {
        return switch (r.kind) {
            case SCREENING -> "screening_vote a where a.round_id = :rid";
            case RUBRIC -> "assignment a where a.competition_id = :cid";
            case FINAL -> "round_jury a where a.round_id = :rid";
        };
    }

    @SuppressWarnings("unchecked")
    private Set<Long> ids(String sql, JudgingRound r) {
        Set<Long> out = new java.util.HashSet<>();
        ((List<Number>) bind(em.createNativeQuery(sql), r).getResultList()).forEach(n -> out.add(n.longValue()));
        return out;
    }

    private String requireReason(JudgingRound r, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("reason", "say why: a remedy for missing work is recorded with its reason");
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.unprocessable("reason", "at most " + MAX_REASON + " characters");
        }
        requireNamesNoOne(r.competitionId, reason);
        return reason.strip();
    }

    /**
     * A round's reason (a remedy's, sealed in clear by format 3, and the close's, in the round and its audit
     * event) outlives the entries' erasure: refused (422) if it names a child or guardian of the competition's
     * entries, found as the jury view finds names.
     */
    @SuppressWarnings("unchecked")
    public void requireNamesNoOne(long competitionId, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        // A national competition has some 300,000 names: read through a cursor, the reason folded once.
        try (java.util.stream.Stream<String> names = em.createNativeQuery("select p.first_name from participant p"
                        + " join entry e on e.id = p.entry_id where e.competition_id = :cid and p.first_name is not null"
                        + " union select g.guardian_name from guardian_consent g join entry e on e.id = g.entry_id"
                        + " where e.competition_id = :cid and g.guardian_name is not null")
                .setParameter("cid", competitionId).setHint(org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, 2000)
                .getResultStream()) {
            if (org.juryroom.entry.JuryRedaction.occursAny(text, names)) {
                throw ProblemException.unprocessable("reason", "must not name a child or guardian: the reason is kept"
                        + " with the result after their data is erased");
            }
        }
    }

    private RoundRemedy remedy(JudgingRound r, RoundRemedy.Kind kind, Long jurorId, Long entryId, Integer moved,
                               String reason, String actor) {
        RoundRemedy m = new RoundRemedy();
        m.roundId = r.id;
        m.kind = kind;
        m.jurorId = jurorId;
        m.entryId = entryId;
        m.moved = moved;
        m.reason = reason;
        m.decidedBy = actor;
        m.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        m.persist();
        audit.record(AuditAction.ROUND_REMEDY, r.competitionId, AuditLog.Subject.of("round", r.id), null,
                RemedyView.of(m));
        return m;
    }

    /** 409 naming, per juror, the missing work, unless there is none. */
    public void requireComplete(JudgingRound r) {
        List<Missing> missing = missing(r);
        if (!missing.isEmpty()) {
            long total = missing.stream().mapToLong(Missing::count).sum();
            // A final ballot cannot be reassigned or accepted as fewer: only excusing its juror remedies it.
            // The counts follow a colon, not a noun: "1 scorecards of 1 jurors" is not said for one.
            throw ProblemException.conflict(r.kind == RoundKind.FINAL
                    ? "Ballots of the final jury missing in round '" + r.name + "': " + total + ";"
                    + " close with excuse (jurorIds) and a reason"
                    : "Assigned " + (r.kind == RoundKind.SCREENING ? "votes" : "scorecards") + " missing in round '"
                    + r.name + "': " + total + " (jurors who have not finished: " + missing.size() + "); reassign a juror's"
                    + " unfinished work (POST /api/competitions/" + r.competitionId + "/rounds/" + r.id + "/reassign),"
                    + " or close with excuse (jurorIds) or acceptFewer (entryIds) and a reason",
                    Map.of("missing", missing));
        }
        List<Long> unjudged = unjudged(r);
        if (!unjudged.isEmpty()) {
            throw ProblemException.conflict("Entries without a juror in round '" + r.name + "': " + unjudged.size()
                    + "; run the assignment again (POST /api/competitions/" + r.competitionId + "/assignments)"
                    + " or close with acceptFewer (entryIds) and a reason", Map.of("unjudged", unjudged));
        }
    }

    /**
     * The round a close or freeze acts on: it must be the current round, of the given kind, and
     * (unless RUBRIC, whose work may be assigned before judging opens) open.
     */
    public JudgingRound requireCurrent(Competition c, long roundId, RoundKind kind) {
        JudgingRound current = JudgingRound.current(c.id).orElse(null);
        if (current == null || current.id != roundId) {
            JudgingRound r = JudgingRound.<JudgingRound>findByIdOptional(roundId)
                    .filter(x -> x.competitionId.equals(c.id)).orElse(null);
            throw ProblemException.conflict(r != null && r.status == RoundStatus.CLOSED
                    ? "Round '" + r.name + "' is closed already"
                    : "Round " + roundId + " is not the current round" + (current == null ? ""
                            : ": close '" + current.name + "' (" + current.kind + ") first"));
        }
        if (current.kind != kind) {
            throw ProblemException.conflict("The current round '" + current.name + "' is " + current.kind + ", not "
                    + kind);
        }
        return current;
    }

    /** Marks the round closed with its outcome: the next round judges exactly the advancing entries. */
    public void close(JudgingRound r, List<Long> advancing, List<Long> notAdvancing, String reason, String actor) {
        insertOutcome(r, advancing, true);
        insertOutcome(r, notAdvancing, false);
        r.status = RoundStatus.CLOSED;
        r.closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        r.closedBy = actor;
        r.closeReason = reason == null || reason.isBlank() ? null : reason.strip();
        openFinalAfter(r, actor);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", RoundStatus.CLOSED);
        after.put("kind", r.kind);
        after.put("advancing", advancing.size());
        after.put("notAdvancing", notAdvancing.size());
        if (r.closeReason != null) {
            after.put("reason", r.closeReason);
        }
        audit.record(AuditAction.ROUND_CLOSED, r.competitionId, AuditLog.Subject.of("round", r.id),
                Map.of("status", RoundStatus.OPEN), after);
    }

    /**
     * The FINAL round opens by itself when the round before it (the RUBRIC round: the freeze)
     * closes, with exactly its advancing entries, the shortlist, as the candidates. Its jury is
     * required: without one, or with a member conflicted with a candidate's school, the close (the
     * freeze) is refused, nothing written.
     */
    private void openFinalAfter(JudgingRound closed, String actor) {
        JudgingRound.<JudgingRound>find("competitionId = ?1 and position = ?2", closed.competitionId,
                closed.position + 1).firstResultOptional()
                .filter(n -> n.kind == RoundKind.FINAL && n.status == RoundStatus.PENDING)
                .ifPresent(n -> {
                    if (RoundJury.count("roundId", n.id) == 0) {
                        throw ProblemException.conflict("Set the jury of the final round '" + n.name
                                + "' first: it opens when the shortlist is frozen");
                    }
                    // The jury was set before the shortlist was known: no member may rank their own school's work.
                    FinalCandidates.requireJuryWithoutConflict(n);
                    n.status = RoundStatus.OPEN;
                    n.openedAt = closed.closedAt;
                    n.openedBy = actor;
                });
    }

    private void insertOutcome(JudgingRound r, List<Long> entryIds, boolean advanced) {
        if (entryIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into round_outcome (round_id, entry_id, advanced)"
                        + " select :rid, x, :adv from unnest(cast(cast(:ids as text) as bigint[])) x")
                .setParameter("rid", r.id).setParameter("adv", advanced)
                .setParameter("ids", "{" + entryIds.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",")) + "}").executeUpdate();
    }

    public List<RemedyView> remedies(JudgingRound r) {
        return RoundRemedy.<RoundRemedy>list("roundId = ?1 order by id", r.id).stream().map(RemedyView::of).toList();
    }
}
