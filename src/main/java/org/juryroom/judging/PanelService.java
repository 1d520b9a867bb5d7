package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Category;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A competition's jury and its per-category panels: who may be assigned which entries. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PanelService {

    /** One juror on the jury; {@code categories} empty = every category. */
    public record Member(@NotNull Long jurorId, List<@NotNull String> categories) {
    }

    public record Panels(@NotNull @Size(max = 10000, message = "{juryroom.listSize}") List<@Valid @NotNull Member> jurors) {
    }

    /** The jury as shown back: with names, so the organiser can check it. */
    public record MemberView(long jurorId, String name, List<String> categories) {
    }

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final AuditLog audit;

    public PanelService(CompetitionService competitions, AccessPolicy access, AuditLog audit) {
        this.competitions = competitions;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> get(long competitionId) {
        competitions.get(competitionId);
        return views(PanelMember.ofCompetition(competitionId));
    }

    /** Replaces the jury; assignments already made stay, the next run and every top-up use the new jury. */
    public List<MemberView> replace(long competitionId, @Valid @NotNull Panels request) {
        access.requireOrganiser("Setting the jury");
        // Exclusive: two replacements run one after the other, and no top-up plans from a half-set jury.
        Competition c = competitions.lockExclusive(competitionId);
        if (c.status == CompetitionStatus.FROZEN || c.status == CompetitionStatus.PUBLISHED) {
            throw ProblemException.conflict("The shortlist is frozen: the jury can no longer change",
                    Map.of("currentStatus", c.status));
        }
        List<Violation> violations = violations(c, request.jurors(), "jurors");
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The jury cannot be set as described", violations);
        }
        List<MemberView> before = views(PanelMember.ofCompetition(competitionId));
        // Entity removes, not a bulk delete: the members read above stay managed and must go too.
        PanelMember.ofCompetition(competitionId).forEach(PanelMember::delete);
        PanelMember.flush();
        for (Member m : request.jurors()) {
            PanelMember pm = new PanelMember();
            pm.competitionId = competitionId;
            pm.jurorId = m.jurorId();
            pm.categories = m.categories() == null ? new String[0]
                    : m.categories().stream().distinct().sorted().toArray(String[]::new);
            pm.persist();
        }
        PanelMember.flush();
        List<MemberView> after = views(PanelMember.ofCompetition(competitionId));
        if (!after.equals(before)) {
            audit.record(AuditAction.PANELS_CHANGED, competitionId, AuditLog.Subject.of("competition", competitionId),
                    before, after);
        }
        return after;
    }

    /**
     * What is wrong with a jury as asked for ({@code field}[i].jurorId / .categories): a juror listed
     * twice or unknown, a category code the competition does not have. Also a round's jury (rounds).
     */
    public static List<Violation> violations(Competition c, List<Member> members, String field) {
        Set<String> codes = new HashSet<>(c.categories.stream().map((Category k) -> k.code).toList());
        List<Violation> violations = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m == null || m.jurorId() == null) {
                violations.add(new Violation(field + "[" + i + "].jurorId", "must name a juror"));
                continue;
            }
            if (!seen.add(m.jurorId())) {
                violations.add(new Violation(field + "[" + i + "].jurorId", "juror " + m.jurorId() + " is listed twice"));
            } else if (Juror.findById(m.jurorId()) == null) {
                violations.add(new Violation(field + "[" + i + "].jurorId", "no juror " + m.jurorId()));
            }
            for (String code : m.categories() == null ? List.<String>of() : m.categories()) {
                if (!codes.contains(code)) {
                    violations.add(new Violation(field + "[" + i + "].categories", "no category '" + code
                            + "' in this competition; choose from " + String.join(", ", codes.stream().sorted().toList())));
                }
            }
        }
        return violations;
    }

    private static List<MemberView> views(List<PanelMember> members) {
        return members.stream().map(m -> new MemberView(m.jurorId, Juror.<Juror>findById(m.jurorId).name,
                List.of(m.categories))).toList();
    }
}
