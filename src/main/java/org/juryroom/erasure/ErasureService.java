package org.juryroom.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.messages.Item;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.consent.JudgingConsentWithdrawn;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryViews;
import org.juryroom.entry.Participant;
import org.juryroom.mail.Letter;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.OutboxMessage;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.publishing.PublicNames;
import org.juryroom.publishing.ResultLetters;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistEntry;
import org.juryroom.safeguarding.Concern;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileStatus;
import org.juryroom.storage.ObjectStore;
import org.juryroom.web.PdfPreviews;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that erases an entry's personal data (docs/privacy.md, "Erasure"), in two steps.
 * <p>
 * (1) {@link #eraseRecords}, in one transaction under the entry's row lock (and its competition's,
 * shared, so no freeze copies a title half-way): the children's names and grades, the guardians'
 * personal fields, the statement, the title (here and on the shortlist, whose format-2 seal holds
 * only its hash), the jury redactions, the attestation, every file row, and the personal values of
 * the entry's past audit events; then PERSONAL_DATA_ERASED. The entry's {@code erasure_reason} says
 * that an erasure is under way. A safeguarding hold refuses it (409) while a concern about the entry is open:
 * the data is evidence.
 * <p>
 * (2) {@link #finish}, after the commit: every object keyed by the entry ({@code entries/{id}/…}:
 * originals, clean copies, thumbnails, and leftovers of failed uploads) is deleted and cached PDF
 * previews are dropped; only when nothing is left is {@code personal_data_erased_at} set. A store
 * failure leaves the entry "under way" (no row names the objects, so nothing serves them): the next
 * call, the retention job or the reconciler finishes it. A rollback of (1) deletes nothing.
 * <p>
 * Scores, assignments, the code and the sealed shortlist stay. When the retention job may keep
 * published work ({@code juryroom.retention.keep-published-work}), it keeps exactly what the
 * public page shows: the title as the public reads it (erased names hidden), the clean copies and
 * thumbnails the public sees, and the names whose guardians' publishName stands (never with an
 * identifiable child); the rest goes.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    /** {@code erasure_reason} of an entry whose published work the retention job keeps (not erased). */
    public static final String KEPT_PUBLISHED = "RETENTION_KEPT_PUBLISHED";
    private static final String PREFIX = "entries/";
    private static final int LIST_BATCH = 1000;

    public enum Reason { ORGANISER, CONSENT_WITHDRAWN, RETENTION }

    /**
     * The answer to an erasure request.
     *
     * @param erasedAt       when the erasure completed (null while objects are left, or for kept published work)
     * @param alreadyErased  an earlier erasure had done it all; this call had nothing more to do
     * @param publishedWorkKept what the public page shows was kept (retention only)
     * @param objectsDeleted objects deleted from the store by this call
     * @param objectsLeft    objects this call could not delete (the store failed); 0 once complete
     */
    public record Erasure(long entryId, String code, Instant erasedAt, String reason, boolean alreadyErased,
                          boolean publishedWorkKept, int participantsErased, int guardianRecordsErased,
                          int filesRemoved, int auditEventsScrubbed, int objectsDeleted, int objectsLeft) {
    }

    /** What step (1) did; {@code keep} are the object keys that stay (kept published work). */
    record Step(long entryId, String code, String reason, boolean already, boolean kept, int participants,
                int guardians, int files, int audit, Set<String> keep, Set<String> rowKeys) {
    }

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectStore store;
    private final PdfPreviews previews;
    private final EntityManager em;
    private final ObjectMapper json;
    private final boolean keepPublishedWork;
    private final Letters letters;
    private final ResultLetters results;

    public ErasureService(CompetitionService competitions, AccessPolicy access, AuditLog audit, ObjectStore store,
                          PdfPreviews previews, EntityManager em, ObjectMapper json, JuryRoomConfig config,
                          Letters letters, ResultLetters results) {
        this.letters = letters;
        this.results = results;
        this.competitions = competitions;
        this.access = access;
        this.audit = audit;
        this.store = store;
        this.previews = previews;
        this.em = em;
        this.json = json;
        this.keepPublishedWork = config.retention().keepPublishedWork();
    }

    /** {@code POST /api/entries/{eid}/erasure}: an organiser erases the entry now; again, it finishes or does nothing. */
    public Erasure eraseAsOrganiser(long entryId) {
        Step step = QuarkusTransaction.requiringNew().call(() -> {
            access.erasableEntry(entryId);
            return eraseRecords(entryId, Reason.ORGANISER.name(), false);
        });
        Erasure done = finish(step);
        if (done.objectsLeft() > 0) {
            throw ProblemException.unavailable("The entry's personal data is erased from the database, but "
                    + done.objectsLeft() + " of its files could not be deleted from the file store right now;"
                    + " no one can open them. Call again to finish (the storage reconciler also removes them)");
        }
        return done;
    }

    /** Erases the entry for {@code reason} (the retention job, a guardian's withdrawal); the hold's 409 as it is. */
    public Erasure erase(long entryId, Reason reason) {
        return finish(QuarkusTransaction.requiringNew().call(() -> eraseRecords(entryId, reason.name(), false)));
    }

    /**
     * The retention job's erasure: as {@link #erase} with the reason already under way, if any; keeps
     * what the public page shows of published work when allowed (only for RETENTION).
     */
    Erasure retain(long entryId, Reason reason) {
        return finish(QuarkusTransaction.requiringNew().call(() -> eraseRecords(entryId, reason.name(), true)));
    }

    /**
     * A guardian withdrew judging consent (helper B's event, inside the withdrawing transaction): the
     * records are erased in that same transaction, the objects after it commits. Under a hold nothing
     * is erased now: the entry is due, and the retention job erases it once the hold is released.
     */
    void onJudgingWithdrawn(@Observes JudgingConsentWithdrawn event) {
        Entry e = Entry.findById(event.entryId());
        if (e == null || e.personalDataErasedAt != null) {
            return;
        }
        if (underLegalHold(e)) {
            LOG.infof("Entry %d: judging consent withdrawn under a safeguarding hold; erased once the hold ends",
                    e.id);
            return;
        }
        eraseRecords(event.entryId(), Reason.CONSENT_WITHDRAWN.name(), false);
    }

    /**
     * After the withdrawal committed: the objects go (a failure is finished by the retention job or the
     * reconciler). Only of an erasure under way: kept published work the hold kept from the withdrawal's
     * erasure still has its reason, and its objects are evidence until the hold ends.
     */
    void afterJudgingWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) JudgingConsentWithdrawn event) {
        try {
            Step step = QuarkusTransaction.requiringNew().call(() -> {
                Entry e = Entry.findById(event.entryId());
                return e == null || e.erasureReason == null || KEPT_PUBLISHED.equals(e.erasureReason)
                        || e.personalDataErasedAt != null ? null
                        : new Step(e.id, e.code, e.erasureReason, false, false, 0, 0, 0, 0, Set.of(), Set.of());
            });
            if (step != null) {
                finish(step);
            }
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "Entry %d: objects not erased after the withdrawal; the retention job finishes it",
                    event.entryId());
        }
    }

    /**
     * The legal hold (docs/safeguarding.md): while a concern about the entry is open, its data is evidence.
     * An entry the lead excluded, with every concern about it closed, is erased like any other; the concern's
     * own record (its snapshot of the entry, the leads' audit) follows the safeguarding retention.
     */
    private static boolean underLegalHold(Entry e) {
        return e.hold == Entry.Hold.HELD || !Concern.openOf(e.id).isEmpty();
    }

    /** Step (1); joins the caller's transaction. {@code retention}: the job, which may keep published work. */
    Step eraseRecords(long entryId, String reason, boolean retention) {
        competitions.lockSharedOfEntry(entryId);
        Entry e = Entry.findById(entryId);
        if (e == null) {
            throw ProblemException.notFound("Entry " + entryId);
        }
        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        if (underLegalHold(e)) {
            throw ProblemException.conflict("Entry " + e.code + " is under a safeguarding hold: its data is evidence"
                    + " and cannot be erased while a safeguarding concern about it is open", Map.of("hold", e.hold));
        }
        if (e.personalDataErasedAt != null) {
            return new Step(e.id, e.code, e.erasureReason, true, false, 0, 0, 0, 0, Set.of(), Set.of());
        }
        // An erasure under way keeps its first reason; kept published work is erased in full once not kept.
        String why = e.erasureReason != null && !KEPT_PUBLISHED.equals(e.erasureReason) ? e.erasureReason : reason;
        boolean keep = retention && Reason.RETENTION.name().equals(why) && keepsPublishedWork(e);
        // Recorded once, and again when kept published work is erased in full after all.
        boolean record = e.erasureReason == null || (KEPT_PUBLISHED.equals(e.erasureReason) && !keep);
        List<GuardianConsent> guardians = GuardianConsent.ofEntry(e.id);
        Set<Long> keptNames = new HashSet<>();
        if (keep && !e.identifiableChild) {
            // A child's own record decides; a child without one (entered before records) follows the entry's summary.
            Map<Long, GuardianConsent> byChild = new java.util.HashMap<>();
            guardians.stream().filter(g -> g.participant != null).forEach(g -> byChild.put(g.participant.id, g));
            e.participants.stream().filter(p -> byChild.containsKey(p.id)
                            ? byChild.get(p.id).active(GuardianConsent.Scope.publishName) : e.consentPublishNames)
                    .forEach(p -> keptNames.add(p.id));
        }
        if (keep && KEPT_PUBLISHED.equals(e.erasureReason)) {
            // Kept published work: a name whose publishName has since gone (or the work marked as showing an
            // identifiable child) is erased now, from the row, the title and the trail; the rest stays as shown.
            List<String> gone = new ArrayList<>();
            e.participants.stream().filter(p -> !keptNames.contains(p.id) && p.firstName != null)
                    .forEach(p -> gone.add(p.firstName));
            int scrubbed = 0;
            if (!gone.isEmpty()) {
                keepTitleAsShown(e, guardians, gone);
                e.participants.stream().filter(p -> !keptNames.contains(p.id)).forEach(p -> p.firstName = null);
                em.flush();
                redactJuryTexts(e, gone);
                eraseMails(e, gone);
                scrubbed = scrubAudit(e, guardians, gone);
            }
            return new Step(e.id, e.code, KEPT_PUBLISHED, true, true, gone.size(), 0, 0, scrubbed, keptKeys(e.id),
                    Set.of());
        }
        // What the audit trail may hold of this entry: collected before it is emptied.
        List<String> personal = new ArrayList<>();
        if (!keep) {
            personal.add(e.title);
        }
        personal.add(e.statement);
        personal.add(e.consentAttestedBy);
        personal.addAll(List.of(e.juryRedactions));
        if (keep) {
            keepTitleAsShown(e, guardians, e.participants.stream().filter(p -> !keptNames.contains(p.id))
                    .map(p -> p.firstName).filter(java.util.Objects::nonNull).toList());
        }
        int participants = 0;
        for (Participant p : e.participants) {
            if (!keptNames.contains(p.id)) {
                personal.add(p.firstName);
                participants += p.firstName != null || p.grade != null ? 1 : 0;
                p.firstName = null;
            }
            p.grade = null;
        }
        int guardianRecords = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (GuardianConsent g : guardians) {
            personal.addAll(java.util.Arrays.asList(g.guardianName, g.guardianEmail, g.guardianPhone,
                    g.verificationReference, g.verificationNote, g.attestedBy));
            if (g.erasedAt == null) {
                guardianRecords++;
                org.juryroom.consent.GuardianMails.forget(g);
                g.guardianName = null;
                g.relationship = null;
                g.guardianEmail = null;
                g.guardianPhone = null;
                g.verificationReference = null;
                g.verificationNote = null;
                g.attestedBy = null;
                g.dropConfirmSecret();
                g.erasedAt = now;
            }
        }
        Set<String> rowKeys = new LinkedHashSet<>();
        Set<String> keptKeys = new LinkedHashSet<>();
        int filesRemoved = 0;
        for (EntryFile f : EntryFile.<EntryFile>list("entryId", e.id)) {
            personal.add(f.displayName);
            rowKeys.addAll(f.keys());
            if (keep && publiclyShown(f)) {
                // Only the clean copy and thumbnail the public sees stay; the original (with whatever the
                // clean copy left out) goes, and the row names no upload.
                f.objectKey = f.cleanKey;
                f.sha256 = f.cleanSha256;
                f.size = f.cleanSize;
                f.displayName = EntryViews.blindName(e, f);
                keptKeys.addAll(f.keys());
            } else {
                f.delete();
                filesRemoved++;
            }
        }
        if (!keep) {
            e.title = "";
            ShortlistEntry.update("title = '' where entryId = ?1", e.id);
        }
        e.statement = null;
        e.juryRedactions = new String[0];
        e.consentAttestedBy = null;
        e.erasureReason = keep ? KEPT_PUBLISHED : why;
        e.updatedAt = now;
        em.flush();
        redactJuryTexts(e, personal);
        eraseMails(e, personal);
        int scrubbed = scrubAudit(e, guardians, personal);
        if (record) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("reason", why);
            after.put("publishedWorkKept", keep);
            after.put("participantsErased", participants);
            after.put("guardianRecordsErased", guardianRecords);
            after.put("filesRemoved", filesRemoved);
            after.put("auditEventsScrubbed", scrubbed);
            audit.record(AuditAction.PERSONAL_DATA_ERASED, e.competition.id, AuditLog.Subject.of("entry", e.id), null,
                    after);
        }
        return new Step(e.id, e.code, keep ? KEPT_PUBLISHED : why, false, keep, participants, guardianRecords,
                filesRemoved, scrubbed, keptKeys, rowKeys);
    }

    /**
     * Kept published work keeps its title as the public reads it, and only so. The public page and the
     * jury view hide the names of children not publicly named, and of guardians, by reading them from
     * the rows this erasure empties: so the names are hidden in the stored title (the entry's and the
     * shortlist's) before they go, or the title would show them again. The seal accepts such a title
     * as it accepts a blanked one (ShortlistService.verify): it holds only the sealed title's hash.
     * Called before any name is emptied; {@code erased} are the children's names about to go.
     */
    private static void keepTitleAsShown(Entry e, List<GuardianConsent> guardians, List<String> erased) {
        e.title = titleAsShown(e, e.title, guardians, erased);
        for (ShortlistEntry row : ShortlistEntry.<ShortlistEntry>list("entryId", e.id)) {
            row.title = titleAsShown(e, row.title, guardians, erased);
        }
    }

    private static String titleAsShown(Entry e, String title, List<GuardianConsent> guardians, List<String> erased) {
        return org.juryroom.entry.JuryRedaction.apply(PublicNames.title(e, title, guardians), erased);
    }

    /**
     * Judging texts about the entry that stay, table and columns: a juror's comment or abstention reason, a
     * screening vote's comment, an organiser's adjudication note. (A remedy's reason is not here: seal format 3
     * holds it in clear, so it cannot change without breaking the seal.)
     */
    private static final List<List<String>> JUDGING_TEXTS = List.of(List.of("scorecard", "comment", "abstain_reason"),
            List.of("screening_vote", "comment"), List.of("adjudication", "note"));

    /**
     * The {@link #JUDGING_TEXTS} are judging data and stay, but a child's or guardian's name in them goes (hidden
     * as the jury view hides names). Written without touching the scorecard's version: the seal covers version,
     * marks and total, not the words. The rows are locked first (after the entry's, the order a scorecard save
     * takes them in), so a juror's save either committed before and is redacted here, or waits and then finds
     * the entry erased.
     */
    @SuppressWarnings("unchecked")
    private void redactJuryTexts(Entry e, List<String> personal) {
        List<String> terms = personal.stream().filter(java.util.Objects::nonNull).filter(t -> !t.isBlank()
                && t.length() <= 200).toList();
        for (List<String> texts : JUDGING_TEXTS) {
            String table = texts.get(0);
            List<String> columns = texts.subList(1, texts.size());
            List<Object[]> rows = em.createNativeQuery("select id, " + String.join(", ", columns) + " from " + table
                    + " where entry_id = :eid order by id for update").setParameter("eid", e.id).getResultList();
            for (Object[] row : rows) {
                var update = em.createNativeQuery("update " + table + " set " + String.join(", ", columns.stream()
                        .map(c -> c + " = :" + c).toList()) + " where id = :id").setParameter("id",
                        ((Number) row[0]).longValue());
                boolean changed = false;
                for (int i = 0; i < columns.size(); i++) {
                    String redacted = org.juryroom.entry.JuryRedaction.apply((String) row[i + 1], terms);
                    changed |= !java.util.Objects.equals(redacted, row[i + 1]);
                    update.setParameter(columns.get(i), redacted);
                }
                if (changed) {
                    update.executeUpdate();
                }
            }
        }
    }

    /**
     * A school's mails about the entry, found by their tie to it (V46: a receipt names its entry, a result mail
     * the school's shortlisted ones), whatever title they carry. A mail already sent keeps, as its stored copy,
     * only a note that its text was erased (what went out cannot be recalled); a receipt not yet sent is not
     * sent (the entry it acknowledges is erased); a result mail not yet sent is written anew by the portal's
     * rule (publishing/EntryResults), so the school still learns how its other entries did, or, once the
     * result is no longer published, not sent. Each row is locked first (the
     * sender holds one only while SMTP takes it). A guardian's mails went with the record.
     */
    private void eraseMails(Entry e, List<String> personal) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select message_id from outbox_message_entry where entry_id = :eid"
                + " order by message_id").setParameter("eid", e.id).getResultList();
        for (Number id : ids) {
            OutboxMessage m = em.find(OutboxMessage.class, id.longValue(), LockModeType.PESSIMISTIC_WRITE);
            if (m == null) {
                continue; // gone meanwhile
            }
            if (m.status == OutboxMessage.Status.SENT) {
                Letter note = letters.render("erased", w -> m.subject, Map.of(),
                        org.juryroom.i18n.Recipients.ofSchool(e.school.id));
                m.textBody = note.text();
                m.htmlBody = note.html();
                continue;
            }
            // Only a published result is written anew: unpublished, the portal's rule places nothing, and the
            // mail would tell the school that none of its entries was shortlisted.
            java.util.Optional<ResultLetters.Written> again = MailKind.RESULT.name().equals(m.kind)
                    && e.competition.status == org.juryroom.competition.CompetitionStatus.PUBLISHED
                    ? results.rewrite(e.competition, e.school.id) : java.util.Optional.empty();
            if (again.isPresent()) {
                m.subject = again.get().letter().subject();
                m.textBody = again.get().letter().text();
                m.htmlBody = again.get().letter().html();
                m.entryIds.clear();
                m.entryIds.addAll(again.get().entryIds());
            } else {
                m.delete();
            }
        }
        hideInOtherMails(e, personal);
    }

    /**
     * Any other mail naming the entry's code (none is queued so since V46, which tied older receipts and result
     * mails by their code): the erased values are hidden in it as whole words, as the jury view hides names, so
     * "An" leaves "Anita" whole. Each erasure reads the outbox once for the code (no index: erasure is rare).
     */
    @SuppressWarnings("unchecked")
    private void hideInOtherMails(Entry e, List<String> personal) {
        List<String> terms = new ArrayList<>();
        for (String v : personal) {
            if (v != null && !v.isBlank()) {
                terms.add(v);
                String html = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;").replace("'", "&#39;");
                if (!html.equals(v)) {
                    terms.add(html);
                }
            }
        }
        if (terms.isEmpty() || e.code == null) {
            return;
        }
        List<Object[]> rows = em.createNativeQuery("select id, subject, text_body, html_body from outbox_message m"
                        + " where strpos(text_body, :code) > 0 and not exists (select 1 from outbox_message_entry l"
                        + " where l.message_id = m.id and l.entry_id = :eid) order by id for update")
                .setParameter("code", e.code).setParameter("eid", e.id).getResultList();
        for (Object[] row : rows) {
            String subject = org.juryroom.entry.JuryRedaction.apply((String) row[1], terms);
            String text = org.juryroom.entry.JuryRedaction.apply((String) row[2], terms);
            String html = org.juryroom.entry.JuryRedaction.apply((String) row[3], terms);
            if (!java.util.Objects.equals(subject, row[1]) || !java.util.Objects.equals(text, row[2])
                    || !java.util.Objects.equals(html, row[3])) {
                em.createNativeQuery("update outbox_message set subject = :s, text_body = :t, html_body = :h"
                                + " where id = :id").setParameter("s", subject).setParameter("t", text)
                        .setParameter("h", html).setParameter("id", ((Number) row[0]).longValue()).executeUpdate();
            }
        }
    }

    /** Retention keeps what the public page shows: a published, shown shortlist entry whose publishWork stands. */
    private boolean keepsPublishedWork(Entry e) {
        if (!keepPublishedWork || e.competition.status != CompetitionStatus.PUBLISHED || !e.consentPublishWork) {
            return false;
        }
        return Shortlist.ofCompetition(e.competition.id)
                .map(s -> s.shownEntries().stream().anyMatch(row -> row.entryId.equals(e.id))).orElse(false);
    }

    /** The files the public page shows (PublicShortlistService): stored and not awaiting an organiser's review. */
    private static boolean publiclyShown(EntryFile f) {
        return f.status == FileStatus.STORED && f.review != EntryFile.Review.REQUIRED;
    }

    private static Set<String> keptKeys(long entryId) {
        Set<String> keys = new LinkedHashSet<>();
        EntryFile.<EntryFile>list("entryId", entryId).forEach(f -> keys.addAll(f.keys()));
        return keys;
    }

    /**
     * Rewrites the before/after values of the entry's past audit events (and its guardian records'),
     * the one update the trail allows, only with {@code juryroom.erasure} set for this transaction.
     */
    @SuppressWarnings("unchecked")
    private int scrubAudit(Entry e, List<GuardianConsent> guardians, List<String> personal) {
        AuditScrub scrub = new AuditScrub(personal);
        List<Long> consentIds = guardians.stream().map(g -> g.id).toList();
        List<Long> participantIds = e.participants.stream().map(p -> p.id).toList();
        List<Object[]> rows = em.createNativeQuery("select id, cast(before_value as text), cast(after_value as text)"
                        + " from audit_event where (subject_type = 'entry' and subject_id = :eid)"
                        + " or (subject_type in ('consent', 'guardian_consent') and subject_id in (:consents))"
                        + " or (subject_type = 'participant' and subject_id in (:participants))"
                        + " or (subject_type = 'scorecard' and subject_id in (select id from scorecard where entry_id = :eid))"
                        + " order by id")
                .setParameter("eid", e.id)
                .setParameter("consents", consentIds.isEmpty() ? List.of(-1L) : consentIds)
                .setParameter("participants", participantIds.isEmpty() ? List.of(-1L) : participantIds)
                .getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            JsonNode before = scrub.scrub(read((String) row[1]));
            JsonNode after = scrub.scrub(read((String) row[2]));
            if (before == null && after == null) {
                continue;
            }
            if (changed == 0) {
                em.createNativeQuery("select set_config('juryroom.erasure', 'on', true)").getSingleResult();
            }
            em.createNativeQuery("update audit_event set before_value = coalesce(cast(:b as jsonb), before_value),"
                            + " after_value = coalesce(cast(:a as jsonb), after_value) where id = :id")
                    .setParameter("b", before == null ? null : before.toString())
                    .setParameter("a", after == null ? null : after.toString())
                    .setParameter("id", ((Number) row[0]).longValue())
                    .executeUpdate();
            changed++;
        }
        if (changed > 0) {
            em.createNativeQuery("select set_config('juryroom.erasure', 'off', true)").getSingleResult();
        }
        return changed;
    }

    private JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("audit value is not JSON", ex);
        }
    }

    /**
     * Step (2): deletes every object under the entry's prefix but the kept ones, drops their cached
     * previews, and marks the entry erased once nothing is left (not for kept published work).
     */
    Erasure finish(Step step) {
        String prefix = PREFIX + step.entryId() + "/";
        Set<String> seen = new LinkedHashSet<>(step.rowKeys());
        int deleted = 0;
        int left = 0;
        try {
            String after = null;
            while (true) {
                List<Item> page = store.list(prefix, after, LIST_BATCH);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).objectName();
                for (Item item : page) {
                    String key = item.objectName();
                    seen.add(key);
                    if (step.keep().contains(key)) {
                        continue;
                    }
                    try {
                        store.delete(key);
                        deleted++;
                    } catch (ProblemException failed) {
                        left++;
                        LOG.warnf("Erasure of entry %d: object %s not deleted now (%s)", step.entryId(), key,
                                failed.getMessage());
                    }
                }
            }
        } catch (ProblemException listFailed) {
            left = Math.max(left, 1);
            LOG.warnf("Erasure of entry %d: the store could not list its objects now (%s)", step.entryId(),
                    listFailed.getMessage());
        }
        seen.removeAll(step.keep());
        previews.forget(seen);
        Instant erasedAt = null;
        if (left == 0 && !step.kept()) {
            erasedAt = QuarkusTransaction.requiringNew().call(() -> complete(step.entryId()));
        }
        if (!step.already() || deleted > 0) {
            LOG.infof("Entry %d: personal data %s (%s), %d objects deleted, %d left", step.entryId(),
                    step.kept() ? "erased but for the published work" : "erased", step.reason(), deleted, left);
        }
        return new Erasure(step.entryId(), step.code(), erasedAt, step.reason(), step.already() && deleted == 0,
                step.kept(), step.participants(), step.guardians(), step.files(), step.audit(), deleted, left);
    }

    /** Under the entry's lock: erased, unless a new upload row appeared since (then the next run finishes). */
    private Instant complete(long entryId) {
        Entry e = em.find(Entry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.erasureReason == null || KEPT_PUBLISHED.equals(e.erasureReason)) {
            return null;
        }
        if (e.personalDataErasedAt == null) {
            if (EntryFile.count("entryId", entryId) > 0) {
                return null;
            }
            e.personalDataErasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return e.personalDataErasedAt;
    }
}
