package org.juryroom.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.consent.GuardianConsent.Scope;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Withdrawing a guardian's consent (DPDP s.6(4), GDPR Art. 7(3)): as easy as giving it, with effect at
 * once. The guardian withdraws through the link (the token is the credential); the school or the
 * organiser records a withdrawal the guardian asked them for. Everything happens in one transaction
 * under the entry's row lock (as EntryService changes an entry): the withdrawn dates, the entry's
 * consent summary (which the public page, the public API, gallery files and exports read), the audit
 * line, and for {@code judging} the entry leaving the competition (status WITHDRAWN: no juror, ranking,
 * assignment run or shortlist display counts it any more) and {@link JudgingConsentWithdrawn}, whose
 * observer erases the children's personal data.
 */
@ApplicationScoped
public class WithdrawalService {

    /** Who carried the guardian's withdrawal in. */
    public enum Via { GUARDIAN_LINK, SCHOOL, ORGANISER }

    /** The request body: the scopes to withdraw (judging, publishWork, publishName). */
    public record Withdraw(List<String> scopes) {
    }

    /**
     * What a child's guardian agreed to and what remains. {@code firstName} and {@code entryTitle} are
     * null once erased; {@code noticeVersion} is null for consent recorded before notices were versioned.
     * {@code awaitingConfirmation}: a GUARDIAN_EMAIL_CONFIRMED consent the guardian has not confirmed yet
     * (nothing of it is {@code active}; {@code given} is what they are asked to confirm).
     */
    public record ConsentView(String competition, String entryTitle, String firstName, int position,
                              Instant givenAt, Integer noticeVersion, List<Scope> given, List<Scope> active,
                              Map<Scope, Instant> withdrawn, boolean entryWithdrawn,
                              boolean awaitingConfirmation, Instant confirmedAt) {

        public boolean isActive(Scope scope) {
            return active.contains(scope);
        }

        /** What the guardian can still withdraw: given and not withdrawn, confirmed or not. */
        public List<Scope> standing() {
            return given.stream().filter(s -> !withdrawn.containsKey(s)).toList();
        }
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final EntityManager em;
    private final Event<JudgingConsentWithdrawn> judgingWithdrawn;
    private final org.juryroom.competition.CompetitionService competitions;

    public WithdrawalService(AccessPolicy access, AuditLog audit, EntityManager em,
                             Event<JudgingConsentWithdrawn> judgingWithdrawn,
                             org.juryroom.competition.CompetitionService competitions) {
        this.competitions = competitions;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.judgingWithdrawn = judgingWithdrawn;
    }

    /** What a guardian's link shows: the withdrawal token, or a live confirmation secret; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView byToken(String token) {
        GuardianConsent r = AccessPolicy.consentByLink(token);
        return view(r, em.find(Entry.class, r.entryId));
    }

    /** Whether this link is a live confirmation secret (the page then offers "I confirm"). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean confirmsWith(String link) {
        return GuardianConsent.byConfirmSecret(link, Instant.now()).isPresent();
    }

    /** The withdrawal link of the record a guardian's link opens: where the guardian lands once confirmed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String withdrawalToken(String link) {
        return AccessPolicy.consentByLink(link).token;
    }

    /** The notice text the guardian was shown, in {@code language} (else English), or null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String noticeText(String token, String language) {
        ConsentNotice n = AccessPolicy.consentByLink(token).notice;
        if (n == null || n.texts == null) {
            return null;
        }
        return n.texts.getOrDefault(language, n.texts.get("en"));
    }

    /** The guardian withdraws through their link: unknown token 404, then the scopes (422). */
    @Transactional
    public ConsentView withdrawByToken(String token, Withdraw request) {
        GuardianConsent r = AccessPolicy.consentByLink(token);
        Set<Scope> scopes = scopes(request);
        Entry e = locked(em.find(Entry.class, r.entryId));
        em.refresh(r);
        return withdraw(e, r, scopes, Via.GUARDIAN_LINK);
    }

    /**
     * The guardian confirms a GUARDIAN_EMAIL_CONFIRMED consent with the secret mailed to them (never the
     * withdrawal token, which the school holds): its standing scopes come into force at once (the entry's
     * summary with them). The secret confirms once: sent again (a double click) while the record stays
     * confirmed, it answers the confirmed consent and changes nothing; a replaced or expired secret, or any
     * other token, is 404; erased 409.
     */
    @Transactional
    public ConsentView confirmByToken(String secret) {
        GuardianConsent r = AccessPolicy.consentByConfirmation(secret);
        Entry e = locked(em.find(Entry.class, r.entryId));
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = GuardianConsent.hash(secret);
        if (hash.equals(r.confirmedWithHash) && r.confirmedAt != null) {
            return view(r, e);
        }
        if (!r.confirmable(now) || !hash.equals(r.confirmSecretHash)) {
            throw ProblemException.notFound("Consent link"); // replaced while this request waited
        }
        r.dropConfirmSecret();
        if (!r.awaitingConfirmation()) {
            return view(r, e);
        }
        if (r.erasedAt != null) {
            throw ProblemException.conflict("This consent's personal data was erased; there is nothing to confirm");
        }
        r.confirmedAt = now;
        r.confirmedWithHash = hash;
        em.flush();
        ConsentSummary.apply(e);
        e.updatedAt = now;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("consentId", r.id);
        line.put("position", r.position);
        line.put("scopes", ConsentService.active(r));
        line.put("verification", r.verification);
        line.put("via", Via.GUARDIAN_LINK);
        audit.record(AuditAction.CONSENT_RECORDED, e.competition.id, AuditLog.Subject.of("entry", e.id), null, line);
        return view(r, e);
    }

    /** The school (its own entry) or the organiser records a withdrawal on the guardian's request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView ofParticipant(long entryId, int position) {
        Entry e = access.consentRecordingEntry(entryId);
        return view(record(e, position), e);
    }

    @Transactional
    public ConsentView withdrawForParticipant(long entryId, int position, Withdraw request) {
        Entry e = access.consentRecordingEntry(entryId);
        Set<Scope> scopes = scopes(request);
        locked(e);
        return withdraw(e, record(e, position), scopes,
                access.currentUser().isOrganiser() ? Via.ORGANISER : Via.SCHOOL);
    }

    private ConsentView withdraw(Entry e, GuardianConsent r, Set<Scope> scopes, Via via) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored: the answer is the record
        List<Scope> withdrawn = new ArrayList<>();
        for (Scope s : scopes) {
            if (r.standing(s)) { // withdrawing what is not (or no longer) given changes nothing: idempotent
                setWithdrawn(r, s, now);
                withdrawn.add(s);
            }
        }
        if (withdrawn.isEmpty()) {
            return view(r, e);
        }
        em.flush();
        ConsentSummary.apply(e);
        e.updatedAt = now;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("consentId", r.id);
        line.put("position", r.position);
        line.put("scopes", withdrawn);
        line.put("via", via);
        audit.record(AuditAction.CONSENT_WITHDRAWN, e.competition.id, AuditLog.Subject.of("entry", e.id), null, line);
        if (withdrawn.contains(Scope.judging)) {
            leaveJudging(e, via, now);
        }
        return view(r, e);
    }

    /**
     * Without judging consent the entry leaves the competition for good, whatever its status: WITHDRAWN
     * is what every reader of judging already obeys (juror access and queues, assignment runs, the live
     * ranking, the shortlist's shown rows), and neither the school nor anyone else can edit or submit a
     * WITHDRAWN entry again. A frozen ranking keeps its sealed scorecards, so the seal still verifies.
     */
    private void leaveJudging(Entry e, Via via, Instant now) {
        e.withdrawnFrom = null; // a school's own withdrawal can no longer be undone
        if (e.status != EntryStatus.WITHDRAWN) {
            EntryStatus before = e.status;
            e.status = EntryStatus.WITHDRAWN;
            audit.record(AuditAction.ENTRY_WITHDRAWN, e.competition.id, AuditLog.Subject.of("entry", e.id),
                    Map.of("status", before), Map.of("status", EntryStatus.WITHDRAWN, "reason", "CONSENT_WITHDRAWN"));
        }
        em.flush();
        judgingWithdrawn.fire(new JudgingConsentWithdrawn(e.id, via.name()));
    }

    /**
     * The entry's row, locked for this transaction and read fresh (the lock EntryService takes), after
     * its competition's shared lock: a judging withdrawal changes what the ranking counts, so it waits
     * for a freeze like a scorecard save does, and the erasure it triggers takes the locks in the same order.
     */
    private Entry locked(Entry e) {
        competitions.lockSharedOfEntry(e.id);
        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        return e;
    }

    private static GuardianConsent record(Entry e, int position) {
        return GuardianConsent.<GuardianConsent>find("entryId = ?1 and position = ?2", e.id, position)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Consent of participant " + position));
    }

    /** The scopes asked for: at least one, each a known scope; else 422 naming the field. */
    static Set<Scope> scopes(Withdraw request) {
        if (request == null || request.scopes() == null || request.scopes().isEmpty()) {
            throw ProblemException.unprocessable("scopes", "name at least one scope to withdraw: " + known());
        }
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        List<Violation> bad = new ArrayList<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            String s = request.scopes().get(i);
            Scope scope = Arrays.stream(Scope.values()).filter(v -> v.name().equals(s)).findFirst().orElse(null);
            if (scope == null) {
                bad.add(new Violation("scopes[" + i + "]", "not a scope; use " + known()));
            } else {
                out.add(scope);
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.unprocessable("Unknown consent scope", bad);
        }
        return out;
    }

    private static String known() {
        return String.join(", ", Arrays.stream(Scope.values()).map(Enum::name).toList());
    }

    private static void setWithdrawn(GuardianConsent r, Scope scope, Instant at) {
        switch (scope) {
            case judging -> r.judgingWithdrawnAt = at;
            case publishWork -> r.publishWorkWithdrawnAt = at;
            case publishName -> r.publishNameWithdrawnAt = at;
        }
    }

    private static ConsentView view(GuardianConsent r, Entry e) {
        List<Scope> given = new ArrayList<>();
        List<Scope> active = new ArrayList<>();
        Map<Scope, Instant> withdrawn = new LinkedHashMap<>();
        for (Scope s : Scope.values()) {
            boolean wasGiven = switch (s) {
                case judging -> r.judging;
                case publishWork -> r.publishWork;
                case publishName -> r.publishName;
            };
            if (wasGiven) {
                given.add(s);
            }
            if (r.active(s)) {
                active.add(s);
            }
            if (r.withdrawnAt(s) != null) {
                withdrawn.put(s, r.withdrawnAt(s));
            }
        }
        // Erasure blanks the title (the row stays): null, as for the name, never an empty "".
        String title = e.title == null || e.title.isBlank() ? null : e.title;
        return new ConsentView(e.competition.title, title, r.participant == null ? null : r.participant.firstName,
                r.position, r.givenAt, r.notice == null ? null : r.notice.version, given, active, withdrawn,
                e.status == EntryStatus.WITHDRAWN, r.awaitingConfirmation(), r.confirmedAt);
    }
}
