package org.juryroom.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryRequests.ConsentRequest;
import org.juryroom.entry.EntryRequests.GuardianConsentRequest;
import org.juryroom.entry.EntryRequests.ParticipantRequest;
import org.juryroom.entry.Participant;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Records the children's guardian consent as an entry is created or edited: one record per child,
 * kept (with its withdrawal token) while the child stays at its place in the entry. The per-child
 * form ({@code participants[i].consent}) is a guardian's own consent; the legacy entry-level form
 * records, for each child without a guardian's record, the teacher's attestation of a paper form.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ConsentService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsentNotices notices;
    private final AuditLog audit;
    private final GuardianMails mails;

    public ConsentService(ConsentNotices notices, AuditLog audit, GuardianMails mails) {
        this.notices = notices;
        this.audit = audit;
        this.mails = mails;
    }

    /** 422 naming every field of the request's consent that cannot be recorded; nothing is written. */
    public void validate(List<ParticipantRequest> participants, ConsentRequest legacy) {
        List<Violation> violations = violations(participants, legacy, v -> notices.byVersion(v).isPresent());
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The guardian consent cannot be recorded", violations);
        }
    }

    /** The rules across a consent's fields (the single fields are checked by Bean Validation). */
    static List<Violation> violations(List<ParticipantRequest> participants, ConsentRequest legacy,
                                      IntPredicate knownNotice) {
        List<Violation> out = new ArrayList<>();
        if (legacy != null && legacy.givesScopes()) {
            Map<String, Boolean> given = new LinkedHashMap<>();
            given.put("judging", legacy.judging());
            given.put("publishWork", legacy.publishWork());
            given.put("publishNames", legacy.publishNames());
            given.forEach((field, value) -> {
                if (value == null) {
                    out.add(new Violation("consent." + field, "must not be null: give judging, publishWork and "
                            + "publishNames together"));
                }
            });
        }
        for (int i = 0; participants != null && i < participants.size(); i++) {
            GuardianConsentRequest c = participants.get(i) == null ? null : participants.get(i).consent();
            if (c == null) {
                continue;
            }
            String at = "participants[" + i + "].consent.";
            if (blank(c.guardianEmail()) && blank(c.guardianPhone())) {
                out.add(new Violation(at + "guardianPhone", "give the guardian's e-mail or phone"));
            }
            if (c.verification() == GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL
                    && blank(c.verificationReference())) {
                out.add(new Violation(at + "verificationReference", "give the reference of the signed form the "
                        + "school keeps"));
            }
            if (c.verification() == GuardianConsent.Verification.OTHER && blank(c.verificationNote())) {
                out.add(new Violation(at + "verificationNote", "say how the consent was verified"));
            }
            if (c.verification() == GuardianConsent.Verification.GUARDIAN_EMAIL_CONFIRMED && blank(c.guardianEmail())) {
                out.add(new Violation(at + "guardianEmail", "GUARDIAN_EMAIL_CONFIRMED needs the guardian's e-mail: "
                        + "the guardian confirms through a link mailed there"));
            }
            if (c.noticeVersion() != null && !knownNotice.test(c.noticeVersion())) {
                out.add(new Violation(at + "noticeVersion", "no consent notice has version " + c.noticeVersion()));
            }
        }
        return out;
    }

    /** Drops the records of children no longer in the entry (before their rows go). */
    public void dropFor(List<Participant> removed) {
        List<Long> ids = removed.stream().map(p -> p.id).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            GuardianConsent.delete("participant.id in ?1", ids);
        }
    }

    /**
     * Records the consent of a request, already validated: the participants' own records (by position)
     * and the legacy form for each child without a guardian's record; then the entry's summary.
     *
     * @param requested the request's participants, or null when it leaves them as they are
     */
    public void record(Entry e, List<ParticipantRequest> requested, ConsentRequest legacy, String user) {
        if (legacy != null && legacy.attestedBy() != null) {
            e.consentAttestedBy = legacy.attestedBy().strip();
        }
        // A record belongs to its child (participant row), wherever the child now stands.
        Map<Long, GuardianConsent> byChild = new java.util.HashMap<>();
        GuardianConsent.<GuardianConsent>list("entryId = ?1 and participant is not null", e.id)
                .forEach(r -> byChild.put(r.participant.id, r));
        Map<Integer, GuardianConsent> byPosition = new TreeMap<>();
        // Only the teacher's ticks in this very request attest for a child added without its own record.
        ConsentRequest entryWide = legacy != null && legacy.givesScopes() ? legacy : null;
        Instant now = Instant.now();
        for (Participant p : e.participants) {
            GuardianConsent r = p.id == null ? null : byChild.get(p.id);
            if (r != null) {
                r.position = p.position;
                byPosition.put(r.position, r);
            }
            GuardianConsentRequest own = requested == null || p.position >= requested.size() ? null
                    : requested.get(p.position).consent();
            Values next;
            if (own != null) {
                next = Values.of(own, own.noticeVersion() == null ? notices.current() : notices.byVersion(
                        own.noticeVersion()).orElseThrow());
            } else if (legacy != null && legacy.givesScopes() && (r == null || r.guardianName == null)) {
                // A guardian's own record is never overwritten by the teacher's entry-wide ticks.
                next = Values.legacy(legacy, r == null ? notices.current() : r.notice);
            } else if (r == null && entryWide != null) {
                next = Values.legacy(entryWide, notices.current());
            } else {
                if (r != null) {
                    r.attestedBy = e.consentAttestedBy;
                }
                continue;
            }
            boolean created = r == null;
            if (created) {
                r = new GuardianConsent();
                r.entryId = e.id;
                r.participant = p;
                r.position = p.position;
                r.token = newToken();
            }
            Set<GuardianConsent.Scope> before = created ? null : given(r);
            Set<GuardianConsent.Scope> activeBefore = created ? null : active(r);
            Terms agreedBefore = created ? null : Terms.of(r);
            boolean changed = created || !next.sameAs(r);
            if (changed) {
                next.applyTo(r);
                r.givenAt = now;
                r.recordedBy = user;
            }
            // A new choice of language alone sends no new mail. An update that names none keeps the
            // guardian's; only a new record takes the request's language as its default.
            if (next.language() != null) {
                r.language = next.language();
            } else if (created) {
                r.language = org.juryroom.i18n.Languages.ofCurrentRequest();
            }
            r.attestedBy = e.consentAttestedBy;
            if (created) {
                r.persist();
                byPosition.put(r.position, r);
            }
            if (changed) {
                mailGuardian(e, p, r, agreedBefore);
            }
            if (own != null && r.awaitingConfirmation() && r.guardianEmail != null && !r.confirmable(now)
                    && !Terms.of(r).scopes().isEmpty()) {
                // Saved again while no confirmation link works (expired, or none since V40): a fresh one.
                mails.askToConfirm(r, p.firstName, e.competition.title);
            }
            if (created || !before.equals(given(r)) || !activeBefore.equals(active(r))) {
                audit.record(AuditAction.CONSENT_RECORDED, e.competition.id, AuditLog.Subject.of("entry", e.id),
                        created ? null : audited(r.position, before, null), audited(r.position, given(r), r));
            }
        }
        ConsentSummary.apply(e, new ArrayList<>(byPosition.values()));
    }

    /**
     * A consent the guardian confirms by e-mail is asked again whenever what they agree to changes (a new
     * record, address, notice or scopes): a link to confirm with a new secret (the old link dies), in
     * force only once confirmed. Any other record
     * with an e-mail tells its guardian, once per address, that it was recorded and where to withdraw it.
     */
    private void mailGuardian(Entry e, Participant p, GuardianConsent r, Terms before) {
        Terms now = Terms.of(r);
        if (r.verification == GuardianConsent.Verification.GUARDIAN_EMAIL_CONFIRMED) {
            if (!now.equals(before)) {
                r.confirmedAt = null;
                mails.askToConfirm(r, p.firstName, e.competition.title);
            }
        } else {
            r.confirmedAt = null;
            r.dropConfirmSecret();
            if (r.guardianEmail != null && (before == null || !r.guardianEmail.equals(before.email()))) {
                mails.recorded(r, p.firstName, e.competition.title);
            }
        }
    }

    /** What a guardian agrees to, as the confirmation link puts it to them. */
    private record Terms(GuardianConsent.Verification verification, String email, Long noticeId,
                         Set<GuardianConsent.Scope> scopes) {
        static Terms of(GuardianConsent r) {
            Set<GuardianConsent.Scope> standing = EnumSet.noneOf(GuardianConsent.Scope.class);
            for (GuardianConsent.Scope s : GuardianConsent.Scope.values()) {
                if (r.standing(s)) {
                    standing.add(s);
                }
            }
            return new Terms(r.verification, r.guardianEmail, ConsentService.noticeId(r.notice), standing);
        }
    }

    /** The scopes a record gives (withdrawn or not). */
    public static Set<GuardianConsent.Scope> given(GuardianConsent r) {
        Set<GuardianConsent.Scope> s = EnumSet.noneOf(GuardianConsent.Scope.class);
        if (r.judging) {
            s.add(GuardianConsent.Scope.judging);
        }
        if (r.publishWork) {
            s.add(GuardianConsent.Scope.publishWork);
        }
        if (r.publishName) {
            s.add(GuardianConsent.Scope.publishName);
        }
        return s;
    }

    /** The scopes still in force. */
    public static Set<GuardianConsent.Scope> active(GuardianConsent r) {
        Set<GuardianConsent.Scope> s = EnumSet.noneOf(GuardianConsent.Scope.class);
        for (GuardianConsent.Scope scope : GuardianConsent.Scope.values()) {
            if (r.active(scope)) {
                s.add(scope);
            }
        }
        return s;
    }

    /** What the audit keeps of a record: its place and scopes, never the guardian. */
    private static Map<String, Object> audited(int position, Set<GuardianConsent.Scope> scopes, GuardianConsent r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("position", position);
        v.put("scopes", scopes.stream().map(Enum::name).toList());
        if (r != null) {
            v.put("verification", r.verification);
            v.put("noticeVersion", r.notice == null ? null : r.notice.version);
        }
        return v;
    }

    /** 32 random bytes, URL-safe: the withdrawal link's credential. */
    public static String newToken() {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (GuardianConsent.count("token", token) == 0) {
                return token;
            }
        }
    }

    private static Long noticeId(ConsentNotice n) {
        return n == null ? null : n.id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    /** What a consent says, as recorded; a new record or a changed one is "given" again now. */
    private record Values(String guardianName, GuardianConsent.Relationship relationship, String guardianEmail,
                          String guardianPhone, GuardianConsent.Verification verification, String reference,
                          String note, ConsentNotice notice, boolean judging, boolean publishWork,
                          boolean publishName, String language) {

        static Values of(GuardianConsentRequest c, ConsentNotice notice) {
            Set<GuardianConsent.Scope> scopes = EnumSet.noneOf(GuardianConsent.Scope.class);
            scopes.addAll(c.scopes());
            return new Values(org.juryroom.common.NfcText.nfc(strip(c.guardianName())), c.relationship(), strip(c.guardianEmail()),
                    strip(c.guardianPhone()), c.verification(),
                    c.verification() == GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL
                            ? strip(c.verificationReference()) : null,
                    c.verification() == GuardianConsent.Verification.OTHER ? strip(c.verificationNote()) : null,
                    notice, scopes.contains(GuardianConsent.Scope.judging),
                    scopes.contains(GuardianConsent.Scope.publishWork),
                    scopes.contains(GuardianConsent.Scope.publishName),
                    org.juryroom.i18n.Languages.supported(c.language()) ? c.language() : null);
        }

        /** The teacher's attestation of a paper form, for the whole entry (the API's first form). */
        static Values legacy(ConsentRequest c, ConsentNotice notice) {
            return new Values(null, null, null, null, GuardianConsent.Verification.PAPER_FORM_HELD_BY_SCHOOL, null,
                    null, notice, c.judging(), c.publishWork(), c.publishNames(), null);
        }

        boolean sameAs(GuardianConsent r) {
            return Objects.equals(guardianName, r.guardianName) && relationship == r.relationship
                    && Objects.equals(guardianEmail, r.guardianEmail) && Objects.equals(guardianPhone, r.guardianPhone)
                    && verification == r.verification && Objects.equals(reference, r.verificationReference)
                    && Objects.equals(note, r.verificationNote) && Objects.equals(noticeId(notice), noticeId(r.notice))
                    && (r.judgingWithdrawnAt != null || judging == r.judging)
                    && (r.publishWorkWithdrawnAt != null || publishWork == r.publishWork)
                    && (r.publishNameWithdrawnAt != null || publishName == r.publishName);
        }

        /**
         * A withdrawal stands: no edit by the school, a stale form or the legacy ticks gives a withdrawn
         * scope back (its withdrawal date stays, so it stays inactive). The guardian's word is final.
         */
        void applyTo(GuardianConsent r) {
            r.guardianName = guardianName;
            r.relationship = relationship;
            r.guardianEmail = guardianEmail;
            r.guardianPhone = guardianPhone;
            r.verification = verification;
            r.verificationReference = reference;
            r.verificationNote = note;
            r.notice = notice;
            r.judging = r.judgingWithdrawnAt != null ? r.judging : judging;
            r.publishWork = r.publishWorkWithdrawnAt != null ? r.publishWork : publishWork;
            r.publishName = r.publishNameWithdrawnAt != null ? r.publishName : publishName;
        }
    }
}
