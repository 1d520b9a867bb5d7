package org.juryroom.competition;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionRequests.CategoryRequest;
import org.juryroom.competition.CompetitionRequests.CreateCompetition;
import org.juryroom.competition.CompetitionRequests.CriterionRequest;
import org.juryroom.storage.FileTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CompetitionService {

    private final long maxBodyBytes;

    public CompetitionService(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    public Competition create(@Valid @NotNull CreateCompetition request) {
        List<Violation> violations = new ArrayList<>();
        if (!request.submissionClosesAt().isAfter(request.submissionOpensAt())) {
            violations.add(new Violation("submissionClosesAt", "must be after submissionOpensAt"));
        }
        checkCategories(request.categories(), violations);
        checkCriteria(request.criteria(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The competition cannot be created as described", violations);
        }
        Competition c = new Competition();
        c.title = request.title().strip();
        c.theme = request.theme();
        c.submissionOpensAt = request.submissionOpensAt().toInstant();
        c.submissionClosesAt = request.submissionClosesAt().toInstant();
        c.shortlistSize = request.shortlistSize() == null ? 25 : request.shortlistSize();
        c.maxEntriesPerSchool = request.maxEntriesPerSchool();
        if (request.rankingMethod() != null) {
            c.rankingMethod = request.rankingMethod();
        }
        for (CategoryRequest r : request.categories()) {
            Category k = new Category();
            k.competition = c;
            k.code = r.code();
            k.name = r.name().strip();
            k.allowedTypesCsv = String.join(",", r.allowedTypes().stream().map(String::strip).distinct().toList());
            k.maxFileBytes = r.maxFileBytes();
            c.categories.add(k);
        }
        int position = 0;
        for (CriterionRequest r : request.criteria()) {
            Criterion k = new Criterion();
            k.competition = c;
            k.position = position++;
            k.code = r.code();
            k.name = r.name().strip();
            k.description = r.description();
            k.weight = r.weight();
            k.minScore = r.minScore();
            k.maxScore = r.maxScore();
            c.criteria.add(k);
        }
        c.persist();
        return c;
    }

    private void checkCategories(List<CategoryRequest> categories, List<Violation> violations) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRequest r = categories.get(i);
            String at = "categories[" + i + "]";
            if (!codes.add(r.code())) {
                violations.add(new Violation(at + ".code", "duplicate category code " + r.code()));
            }
            for (String type : r.allowedTypes()) {
                if (!FileTypes.supported(type.strip())) {
                    violations.add(new Violation(at + ".allowedTypes",
                            type + " is not a supported type; supported: " + String.join(", ", FileTypes.SUPPORTED)));
                }
            }
            if (r.maxFileBytes() > maxBodyBytes) {
                violations.add(new Violation(at + ".maxFileBytes",
                        "must not exceed the server's upload limit of " + maxBodyBytes + " bytes"));
            }
        }
    }

    private static void checkCriteria(List<CriterionRequest> criteria, List<Violation> violations) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRequest r = criteria.get(i);
            String at = "criteria[" + i + "]";
            if (!codes.add(r.code())) {
                violations.add(new Violation(at + ".code", "duplicate criterion code " + r.code()));
            }
            if (r.maxScore() <= r.minScore()) {
                violations.add(new Violation(at + ".maxScore", "must be greater than minScore"));
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Competition> list() {
        return Competition.list("order by id desc");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Competition get(long id) {
        Competition c = Competition.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Competition " + id);
        }
        return c;
    }

    /**
     * Moves the competition along its lifecycle; anything not in {@link CompetitionStatus#transitions()}
     * is 409. Returns the view built inside the transaction (it reads the lazy rubric).
     */
    public CompetitionView transition(long id, CompetitionStatus to) {
        Competition c = get(id);
        if (!c.status.transitions().contains(to)) {
            throw illegalTransition(c, to);
        }
        c.status = to;
        c.publishedAt = to == CompetitionStatus.PUBLISHED ? Instant.now() : null;
        return CompetitionView.of(c);
    }

    public static ProblemException illegalTransition(Competition c, CompetitionStatus to) {
        return ProblemException.conflict("A competition in " + c.status + " cannot move to " + to,
                Map.of("currentStatus", c.status, "allowed", c.status.transitions()));
    }

    /** Guards an operation that needs the competition in a given status. */
    public static void requireStatus(Competition c, CompetitionStatus required, String operation) {
        if (c.status != required) {
            throw ProblemException.conflict(operation + " needs the competition in " + required
                    + ", it is " + c.status, Map.of("currentStatus", c.status));
        }
    }
}
