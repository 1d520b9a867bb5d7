package org.juryroom.competition;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionRequests.CategoryRequest;
import org.juryroom.competition.CompetitionRequests.CreateCompetition;
import org.juryroom.competition.CompetitionRequests.CriterionRequest;
import org.juryroom.storage.FileTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CompetitionService {

    /** What the audit trail records of a competition's judging settings. */
    public record RankingSettingsValue(String rankingMethod, BigDecimal disagreementMaxSpread,
                                       BigDecimal disagreementMaxStdDev) {
        static RankingSettingsValue of(Competition c) {
            return new RankingSettingsValue(c.rankingMethod.name(), c.disagreementMaxSpread, c.disagreementMaxStdDev);
        }
    }

    /** What the audit trail records of a competition's general fields. */
    record General(String title, String theme, Instant submissionOpensAt, Instant submissionClosesAt,
                   int shortlistSize, int maxEntriesPerSchool, Long maxSchoolBytes, RankingSettingsValue settings,
                   Instant judgingClosesAt) {
        static General of(Competition c) {
            return new General(c.title, c.theme, c.submissionOpensAt, c.submissionClosesAt, c.shortlistSize,
                    c.maxEntriesPerSchool, c.maxSchoolBytes, RankingSettingsValue.of(c), c.judgingClosesAt);
        }
    }

    /**
     * How long a request waits for a competition's lock (or any row lock after it) before it gives up;
     * PostgreSQL then answers 55P03, which the API answers 409 "try again" (common/ConcurrentWrites).
     */
    static final String LOCK_WAIT = "10s";

    private final long maxBodyBytes;
    private final AuditLog audit;
    private final EntityManager em;
    private final org.juryroom.publishing.ResultLetters results;

    public CompetitionService(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                              AuditLog audit, EntityManager em, org.juryroom.publishing.ResultLetters results) {
        this.results = results;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.audit = audit;
        this.em = em;
    }

    /**
     * Takes the competition's row lock in PostgreSQL, shared, until the transaction ends: for writes
     * that depend on its status or feed its ranking (scorecards, decisions, conflicts, top-ups). They
     * run side by side, but never across a freeze or a status change, which take the lock exclusively.
     * The lock is the database's, so it holds across app instances. Call it before reading what it
     * guards; the competition is returned as locked.
     */
    public Competition lockShared(long id) {
        return lock(id, "share");
    }

    /**
     * Takes the competition's row lock exclusively (the freeze, status and settings changes, the
     * jury, assignment runs): waits for the shared holders to finish, keeps new ones waiting, and a
     * write that waited then sees the new status.
     */
    public Competition lockExclusive(long id) {
        // "no key update": excludes FOR SHARE, but not the key-share locks of inserts referencing the row.
        return lock(id, "no key update");
    }

    /** {@link #lockShared} on the competition of an entry; nothing when there is no such entry (the caller answers 404). */
    public void lockSharedOfEntry(long entryId) {
        // The entry's competition found and locked in one statement (a scorecard save's first round trip).
        lockWhere("c.id = (select competition_id from entry where id = ?1)", entryId, "share");
    }

    private Competition lock(long id, String strength) {
        Competition c = lockWhere("c.id = ?1", id, strength);
        if (c == null) {
            throw ProblemException.notFound("Competition " + id);
        }
        return c;
    }

    /**
     * Locks the competition {@code where} names (parameter ?1) and returns it as locked; null when there is none.
     * One round trip (a scorecard save's first): the row's filter sets the lock wait's limit for the rest of
     * the transaction, as SET LOCAL would (filters run before FOR ... locks the row they pass, so the limit
     * covers this wait too), the lock, and the row itself as the entity.
     */
    private Competition lockWhere(String where, long param, String strength) {
        List<?> rows = em.unwrap(Session.class).createNativeQuery("select {c.*}, c.version as locked_version"
                        + " from competition c where " + where + " and set_config('lock_timeout', '" + LOCK_WAIT
                        + "', true) is not null for " + strength)
                .addEntity("c", Competition.class).addScalar("locked_version", Long.class)
                .setParameter(1, param).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        Competition c = (Competition) row[0];
        if (c.version != (Long) row[1]) {
            em.refresh(c); // loaded earlier in this transaction: read it again as locked
        }
        return c;
    }

    public Competition create(@Valid @NotNull CreateCompetition request) {
        check(request, "The competition cannot be created as described", true);
        Competition c = new Competition();
        applyGeneral(c, request);
        applyStructure(c, request);
        // Later changes go through updateRankingSettings (until the freeze), not through update.
        if (request.disagreementMaxSpread() != null) {
            c.disagreementMaxSpread = request.disagreementMaxSpread();
        }
        c.disagreementMaxStdDev = request.disagreementMaxStdDev();
        c.persist();
        audit.record(AuditAction.COMPETITION_CREATED, c.id, AuditLog.Subject.of("competition", c.id), null,
                General.of(c));
        return c;
    }

    /**
     * Changes a competition before judging. While it is DRAFT everything may change; once OPEN,
     * schools are uploading against its categories and jurors will score against its rubric, so
     * only the title, theme, window, sizes and ranking method may change (409 otherwise). Returns the view
     * built inside the transaction (it reads the lazy rubric).
     */
    public CompetitionView update(long id, @Valid @NotNull CreateCompetition request) {
        Competition c = lockExclusive(id);
        if (c.status != CompetitionStatus.DRAFT && c.status != CompetitionStatus.OPEN) {
            throw ProblemException.conflict("A competition can be changed only while it is DRAFT or OPEN; it is "
                    + c.status, Map.of("currentStatus", c.status));
        }
        // Once OPEN the structure cannot change (below), so a competition made before a rule on it stays editable.
        check(request, "The competition cannot be changed as described", c.status == CompetitionStatus.DRAFT);
        if (c.status == CompetitionStatus.OPEN && !sameStructure(c, request)) {
            throw ProblemException.conflict("Categories and rubric are fixed once the competition is OPEN",
                    Map.of("currentStatus", c.status));
        }
        General before = General.of(c);
        applyGeneral(c, request);
        if (c.status == CompetitionStatus.DRAFT) {
            applyStructure(c, request);
        }
        audit.record(AuditAction.COMPETITION_UPDATED, c.id, AuditLog.Subject.of("competition", c.id), before,
                General.of(c));
        return CompetitionView.of(c);
    }

    /** {@code structure}: whether the categories and rubric asked for are to be applied (not only compared). */
    private void check(CreateCompetition request, String detail, boolean structure) {
        List<Violation> violations = new ArrayList<>();
        if (!request.submissionClosesAt().isAfter(request.submissionOpensAt())) {
            violations.add(new Violation("submissionClosesAt", "must be after submissionOpensAt"));
        }
        checkJudgingDeadline(request.judgingClosesAt(), request.submissionClosesAt().toInstant(), violations);
        checkCategories(request.categories(), violations, structure);
        checkCriteria(request.criteria(), violations, structure);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(detail, violations);
        }
    }

    private static void applyGeneral(Competition c, CreateCompetition request) {
        c.title = request.title().strip();
        c.theme = request.theme();
        c.submissionOpensAt = request.submissionOpensAt().toInstant();
        c.submissionClosesAt = request.submissionClosesAt().toInstant();
        c.shortlistSize = request.shortlistSize() == null ? 25 : request.shortlistSize();
        c.maxEntriesPerSchool = request.maxEntriesPerSchool();
        c.maxSchoolBytes = request.maxSchoolBytes();
        c.judgingClosesAt = request.judgingClosesAt() == null ? null : request.judgingClosesAt().toInstant();
        if (request.rankingMethod() != null) {
            c.rankingMethod = request.rankingMethod();
        }
    }

    /** Categories and criteria as requested, matched by code so that an unchanged code keeps its row. */
    private static void applyStructure(Competition c, CreateCompetition request) {
        Map<String, Category> categories = new java.util.HashMap<>();
        c.categories.forEach(k -> categories.put(k.code, k));
        c.categories.clear();
        for (CategoryRequest r : request.categories()) {
            Category k = categories.getOrDefault(r.code(), new Category());
            k.competition = c;
            k.code = r.code();
            k.name = r.name().strip();
            k.allowedTypesCsv = typesCsv(r);
            k.maxFileBytes = r.maxFileBytes();
            c.categories.add(k);
        }
        Map<String, Criterion> criteria = new java.util.HashMap<>();
        c.criteria.forEach(k -> criteria.put(k.code, k));
        c.criteria.clear();
        int position = 0;
        for (CriterionRequest r : request.criteria()) {
            Criterion k = criteria.getOrDefault(r.code(), new Criterion());
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
    }

    private static boolean sameStructure(Competition c, CreateCompetition request) {
        List<String> now = new ArrayList<>();
        // Stored names NFC'd too: a competition stored before names were, and opened, keeps its edits.
        c.categories.stream().sorted(java.util.Comparator.comparing(k -> k.code)).forEach(k ->
                now.add(k.code + "|" + org.juryroom.common.NfcText.nfc(k.name) + "|" + k.allowedTypesCsv + "|" + k.maxFileBytes));
        c.criteria.forEach(k -> now.add(k.code + "|" + org.juryroom.common.NfcText.nfc(k.name) + "|" + java.util.Objects.toString(k.description, "")
                + "|" + k.weight.stripTrailingZeros().toPlainString() + "|" + k.minScore + "|" + k.maxScore));
        List<String> asked = new ArrayList<>();
        request.categories().stream().sorted(java.util.Comparator.comparing(CategoryRequest::code)).forEach(r ->
                asked.add(r.code() + "|" + r.name().strip() + "|" + typesCsv(r) + "|" + r.maxFileBytes()));
        request.criteria().forEach(r -> asked.add(r.code() + "|" + r.name().strip() + "|"
                + java.util.Objects.toString(r.description(), "") + "|" + r.weight().stripTrailingZeros().toPlainString()
                + "|" + r.minScore() + "|" + r.maxScore()));
        return now.equals(asked);
    }

    private static String typesCsv(CategoryRequest r) {
        return String.join(",", r.allowedTypes().stream().map(String::strip).distinct().toList());
    }

    /**
     * The name a person tells two categories (or criteria) apart by: schools choose a category and jurors score a
     * criterion by its name, so two that read alike ("Poster", " poster", the same letters composed otherwise)
     * cannot both be offered.
     */
    private static String readAs(String name) {
        return org.juryroom.common.NfcText.nfc(name.strip()).toLowerCase(java.util.Locale.ROOT);
    }

    private void checkCategories(List<CategoryRequest> categories, List<Violation> violations, boolean names) {
        Set<String> codes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRequest r = categories.get(i);
            String at = "categories[" + i + "]";
            if (!codes.add(r.code())) {
                violations.add(new Violation(at + ".code", "duplicate category code " + r.code()));
            }
            if (names && !seen.add(readAs(r.name()))) {
                violations.add(new Violation(at + ".name", "duplicate category name " + r.name().strip()));
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

    private static void checkCriteria(List<CriterionRequest> criteria, List<Violation> violations, boolean names) {
        Set<String> codes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRequest r = criteria.get(i);
            String at = "criteria[" + i + "]";
            if (!codes.add(r.code())) {
                violations.add(new Violation(at + ".code", "duplicate criterion code " + r.code()));
            }
            if (names && !seen.add(readAs(r.name()))) {
                violations.add(new Violation(at + ".name", "duplicate criterion name " + r.name().strip()));
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
        Competition c = lockExclusive(id);
        if (!c.status.transitions().contains(to)) {
            throw illegalTransition(c, to);
        }
        if (to == CompetitionStatus.OPEN && !Instant.now().isBefore(c.submissionClosesAt)) {
            // Opened with its window over, it would take no entry: the dates are wrong, not the step.
            throw ProblemException.conflict("The submission window closed at " + c.submissionClosesAt
                    + ": move its closing time before opening the competition",
                    Map.of("currentStatus", c.status, "submissionClosesAt", c.submissionClosesAt));
        }
        if (to == CompetitionStatus.PUBLISHED) {
            // The winners are published with the shortlist: a FINAL round must have its result first.
            org.juryroom.rounds.JudgingRound.<org.juryroom.rounds.JudgingRound>find(
                    "competitionId = ?1 and kind = ?2 and status <> ?3", c.id, org.juryroom.rounds.RoundKind.FINAL,
                    org.juryroom.rounds.RoundStatus.CLOSED).firstResultOptional().ifPresent(r -> {
                        throw ProblemException.conflict("The final round '" + r.name + "' is not closed: close it"
                                + " (its result) before publishing");
                    });
        }
        CompetitionStatus from = c.status;
        c.status = to;
        c.publishedAt = to == CompetitionStatus.PUBLISHED ? Instant.now() : null;
        if (c.firstPublishedAt == null) {
            c.firstPublishedAt = c.publishedAt; // the retention anchor: unpublishing leaves it
        }
        AuditAction action = to == CompetitionStatus.PUBLISHED ? AuditAction.COMPETITION_PUBLISHED
                : from == CompetitionStatus.PUBLISHED ? AuditAction.COMPETITION_UNPUBLISHED
                : AuditAction.COMPETITION_TRANSITION;
        // The result is mailed once: publishing again after an unpublish shows the same sealed shortlist.
        if (to == CompetitionStatus.PUBLISHED && org.juryroom.audit.AuditEvent.count("action = ?1 and competitionId = ?2",
                AuditAction.COMPETITION_PUBLISHED.name(), c.id) == 0) {
            results.queueAll(c);
        }
        audit.record(action, c.id, AuditLog.Subject.of("competition", c.id), Map.of("status", from),
                Map.of("status", to));
        return CompetitionView.of(c);
    }

    /**
     * Changes how the ranking is computed and flagged; refused (409) once the shortlist is frozen.
     * Returns the view built inside the transaction.
     */
    public CompetitionView updateRankingSettings(long id, @Valid @NotNull CompetitionRequests.RankingSettings request) {
        Competition c = lockExclusive(id);
        if (c.status == CompetitionStatus.FROZEN || c.status == CompetitionStatus.PUBLISHED) {
            throw ProblemException.conflict("The shortlist is frozen: its ranking settings can no longer change",
                    Map.of("currentStatus", c.status));
        }
        RankingSettingsValue before = RankingSettingsValue.of(c);
        c.rankingMethod = request.rankingMethod();
        c.disagreementMaxSpread = request.disagreementMaxSpread();
        c.disagreementMaxStdDev = request.disagreementMaxStdDev();
        RankingSettingsValue after = RankingSettingsValue.of(c);
        if (!after.equals(before)) {
            audit.record(AuditAction.RANKING_SETTINGS_CHANGED, c.id, AuditLog.Subject.of("competition", c.id),
                    before, after);
        }
        return CompetitionView.of(c);
    }

    /** What the audit trail records of a retention change. */
    record RetentionValue(Instant retainPersonalDataUntil, Instant personalDataDueAt) {
        static RetentionValue of(Competition c) {
            return new RetentionValue(c.retainPersonalDataUntil, c.personalDataDueAt().orElse(null));
        }
    }

    /**
     * Sets when the children's personal data is erased (docs/privacy.md), in any status: null returns to
     * the default (first publication + 12 months). A date in the past, or before the publication of a
     * published competition, is refused (422): erasure is not brought forward this way (the organiser
     * erases an entry directly), and published work is kept at least as long as it is on show.
     */
    static final int MAX_RETENTION_YEARS = 10;

    public CompetitionView updateRetention(long id, @NotNull CompetitionRequests.RetentionSetting request) {
        Competition c = lockExclusive(id);
        Instant until = request.retainPersonalDataUntil() == null ? null
                : request.retainPersonalDataUntil().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // A published competition's publication lies in the past, so "in the future" covers both rules.
        if (until != null && !until.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("The retention date cannot be set as asked", List.of(new Violation(
                    "retainPersonalDataUntil", c.publishedAt == null ? "must be in the future"
                            : "must be in the future (and so after the publication on " + c.publishedAt + ")")));
        }
        // Children's data is kept for the competition's purpose, not for ever (and far dates overflow).
        if (until != null && until.isAfter(Instant.now().atZone(java.time.ZoneOffset.UTC)
                .plusYears(MAX_RETENTION_YEARS).toInstant())) {
            throw ProblemException.unprocessable("The retention date cannot be set as asked", List.of(new Violation(
                    "retainPersonalDataUntil", "must be within " + MAX_RETENTION_YEARS + " years from today")));
        }
        RetentionValue before = RetentionValue.of(c);
        c.retainPersonalDataUntil = until;
        RetentionValue after = RetentionValue.of(c);
        if (!after.equals(before)) {
            audit.record(AuditAction.RETENTION_SET, c.id, AuditLog.Subject.of("competition", c.id), before, after);
        }
        return CompetitionView.of(c);
    }

    /**
     * Moves (or sets, or with null removes) the judging deadline, also while jurors are scoring; the
     * scheduled reminders then count down to the new date (judging/DeadlineReminders).
     */
    public CompetitionView updateJudgingDeadline(long id, @NotNull CompetitionRequests.JudgingDeadline request) {
        Competition c = lockExclusive(id);
        if (c.status != CompetitionStatus.DRAFT && c.status != CompetitionStatus.OPEN
                && c.status != CompetitionStatus.JUDGING) {
            throw ProblemException.conflict("The judging deadline can be changed until judging ends; the competition is "
                    + c.status, Map.of("currentStatus", c.status));
        }
        List<Violation> violations = new ArrayList<>();
        checkJudgingDeadline(request.judgingClosesAt(), c.submissionClosesAt, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The judging deadline cannot be set as asked", violations);
        }
        General before = General.of(c);
        c.judgingClosesAt = request.judgingClosesAt() == null ? null
                : request.judgingClosesAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (!General.of(c).equals(before)) {
            audit.record(AuditAction.COMPETITION_UPDATED, c.id, AuditLog.Subject.of("competition", c.id), before,
                    General.of(c));
        }
        return CompetitionView.of(c);
    }

    /** Judging follows the submissions: its deadline, when set, is after theirs. */
    private static void checkJudgingDeadline(java.time.OffsetDateTime judgingClosesAt, Instant submissionClosesAt,
                                             List<Violation> violations) {
        if (judgingClosesAt != null && !judgingClosesAt.toInstant().isAfter(submissionClosesAt)) {
            violations.add(new Violation("judgingClosesAt", "must be after submissionClosesAt"));
        }
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
