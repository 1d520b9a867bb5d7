package org.juryroom.entry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Page;
import org.juryroom.common.Problem.Violation;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Category;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.consent.ConsentService;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.EntryRequests.CreateEntry;
import org.juryroom.entry.EntryRequests.ParticipantRequest;
import org.juryroom.entry.EntryRequests.UpdateEntry;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.school.School;
import org.juryroom.storage.ByteLimit;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.FileInspector;
import org.juryroom.storage.FileInspector.Inspected;
import org.juryroom.storage.FileService;
import org.juryroom.storage.FileVariant;
import org.juryroom.storage.StreamedUpload;
import org.juryroom.storage.Upload;
import org.juryroom.storage.WriteGate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entries from the school's side: create with files, edit while the competition is open,
 * submit inside the window, reopen a submitted entry for changes before the deadline, withdraw
 * before judging and undo that while entries may still be changed. Uploads run in several short transactions
 * (see {@link FileService}), so the upload methods are not one transaction themselves.
 * <p>
 * Everything that changes an entry's status or files takes the entry's row lock first (submit,
 * withdraw, file removal, and every transaction of an upload through {@link #check}), so
 * these are serialised per entry: an upload whose last byte arrives after the entry was
 * submitted or withdrawn is refused with 409, and the school's byte quota is checked under the
 * school's row lock in the same transaction that puts the size on the file's row.
 */
@ApplicationScoped
public class EntryService implements WriteGate.Admit {

    private final AccessPolicy access;
    private final CompetitionService competitions;
    private final FileInspector inspector;
    private final FileService files;
    private final long defaultSchoolBytes;
    private final AuditLog audit;
    private final ConsentService consents;
    private final EntryReceipts receipts;

    public EntryService(AccessPolicy access, CompetitionService competitions, FileInspector inspector,
                        FileService files, JuryRoomConfig config, AuditLog audit, ConsentService consents,
                        EntryReceipts receipts) {
        this.consents = consents;
        this.receipts = receipts;
        this.access = access;
        this.competitions = competitions;
        this.inspector = inspector;
        this.files = files;
        this.defaultSchoolBytes = config.quota().schoolBytes();
        this.audit = audit;
    }

    /** Creates a DRAFT entry with its files; nothing is kept if any file is refused or the store fails. */
    public long create(long competitionId, @Valid @NotNull CreateEntry request, List<Upload> uploads) {
        return withUploads(uploads, () -> {
            long schoolId = access.currentUser().schoolId();
            String user = access.currentUser().username();
            FileInspector.Rules rules = QuarkusTransaction.requiringNew().call(() -> {
                Competition c = competitions.get(competitionId);
                requireEditable(c);
                requireQuota(c, schoolId);
                consents.validate(request.participants(), request.consent());
                return FileInspector.Rules.of(category(c, request.categoryCode()));
            });
            return withInspected(uploads, rules, inspected -> {
                List<EntryFile> stored = files.store(inspected, new WriteGate(() -> {
                    // Re-checked under a lock on the school: two parallel uploads cannot both take the last place;
                    // and under the competition's shared lock, so that no entry is created after submissions end.
                    Competition c = competitions.lockShared(competitionId);
                    School school = School.findById(schoolId, LockModeType.PESSIMISTIC_WRITE);
                    requireEditable(c);
                    requireQuota(c, schoolId);
                    Entry e = new Entry();
                    e.competition = c;
                    e.school = school;
                    e.category = category(c, request.categoryCode());
                    e.code = EntryCodes.next();
                    e.title = request.title().strip();
                    e.statement = request.statement();
                    syncParticipants(e, request.participants());
                    e.persist();
                    consents.record(e, request.participants(), request.consent(), user);
                    return e.id;
                }, this, EntryService::discardCreated, entryId -> audit.record(AuditAction.ENTRY_CREATED,
                        competitionId, AuditLog.Subject.of("entry", entryId), null,
                        EntryViews.audited(Entry.<Entry>findById(entryId)))));
                return stored.get(0).entryId;
            });
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> list(long competitionId, Page.Request paging) {
        competitions.get(competitionId);
        AccessPolicy.EntryFilter filter = access.entriesOf(competitionId);
        // The jury's list goes by the random code, as their queue does: creation order would group a school's entries.
        String order = access.view() == AccessPolicy.View.FULL ? "e.id" : "e.code";
        List<Entry> items = Entry.<Entry>find("select e from Entry e join fetch e.school join fetch e.category where "
                        + filter.where() + " order by " + order, filter.params())
                .page(paging.page(), paging.size()).list();
        long total = Entry.count("from Entry e where " + filter.where(), filter.params());
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /** How {@link #search} orders: by code, title, school, category, status or submission time. */
    public enum EntryOrder {
        CODE("e.code"), TITLE("e.title"), SCHOOL("s.name"), CATEGORY("k.code"), STATUS("e.status"),
        SUBMITTED("e.submittedAt");

        final String expression;

        EntryOrder(String expression) {
            this.expression = expression;
        }

        /** Titles and school names in the reader's alphabet's order (i18n/Collation). */
        String orderBy(String language) {
            return this == TITLE || this == SCHOOL ? org.juryroom.i18n.Collation.ordered(expression, language) : expression;
        }
    }

    /**
     * The entries of a competition this user may list, searched (code, title or school name contain
     * {@code text}, any case, NFC), filtered by status, ordered (titles and schools in the alphabet of
     * {@code language}, the reader's), then paged: all in the database.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Entry> search(long competitionId, String text, EntryStatus status, EntryOrder order,
                              boolean descending, Page.Request paging, String language) {
        competitions.get(competitionId);
        AccessPolicy.EntryFilter filter = access.entriesOf(competitionId);
        Map<String, Object> params = new java.util.LinkedHashMap<>(filter.params());
        StringBuilder where = new StringBuilder(filter.where());
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(e.code) like :text or lower(e.title) like :text or lower(s.name) like :text)");
            params.put("text", org.juryroom.i18n.Collation.contains(text));
        }
        if (status != null) {
            where.append(" and e.status = :status");
            params.put("status", status);
        }
        String from = " from Entry e join e.school s join e.category k where " + where;
        List<Entry> items = Entry.<Entry>find("select e" + from.replace("join e.school s join e.category k",
                        "join fetch e.school s join fetch e.category k") + " order by " + order.orderBy(language)
                        + (descending ? " desc nulls last" : " asc nulls last") + ", e.id", params)
                .page(paging.page(), paging.size()).list();
        long total = Entry.count(from.substring(1), params);
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /** The entry as this user may see it: full for its school and organisers, blind for jurors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object view(long entryId) {
        Entry e = access.readableEntry(entryId);
        List<EntryFile> stored = EntryFile.storedOf(e.id);
        return access.view() == AccessPolicy.View.FULL
                ? EntryViews.details(e, stored, access.currentUser().isOrganiser()) : EntryViews.blind(e, stored);
    }

    @Transactional
    public Entry update(long entryId, @Valid @NotNull UpdateEntry request) {
        // The row lock first, as every other writer of the entry and its children's records takes it.
        Entry e = lockedOwnEntry(entryId);
        requireEditable(e);
        Map<String, Object> before = EntryViews.audited(e);
        consents.validate(request.participants(), request.consent());
        if (request.categoryCode() != null && !request.categoryCode().equals(e.category.code)) {
            Category next = category(e.competition, request.categoryCode());
            for (EntryFile f : EntryFile.storedOf(e.id)) {
                if (!next.allowedTypes().contains(f.contentType)) {
                    throw ProblemException.unprocessable("categoryCode", f.displayName + " is "
                            + org.juryroom.storage.FileTypes.phrase(f.contentType) + "; the " + next.name
                            + " category accepts " + org.juryroom.storage.FileTypes.describe(next.allowedTypes()));
                }
                if (f.size != null && f.size > next.maxFileBytes) {
                    throw ProblemException.unprocessable("categoryCode", f.displayName + " is " + f.size
                            + " bytes; the " + next.name + " category accepts at most " + next.maxFileBytes + " bytes");
                }
            }
            // Files still arriving are held to the new category when they are recorded (checkFile, under this lock).
            e.category = next;
        }
        if (request.title() != null) {
            e.title = request.title().strip();
        }
        if (request.statement() != null) {
            e.statement = request.statement();
        }
        if (request.participants() != null) {
            consents.dropFor(syncParticipants(e, request.participants()));
        }
        if (request.participants() != null || request.consent() != null) {
            consents.record(e, request.participants(), request.consent(), access.currentUser().username());
        }
        e.updatedAt = Instant.now();
        Map<String, Object> after = EntryViews.audited(e);
        if (!after.equals(before)) {
            audit.record(AuditAction.ENTRY_UPDATED, e.competition.id, AuditLog.Subject.of("entry", e.id), before, after);
        }
        return e;
    }

    @Transactional
    public Entry submit(long entryId) {
        Entry e = lockedOwnEntry(entryId);
        if (e.status != EntryStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT entry can be submitted; this one is " + e.status);
        }
        Competition c = e.competition;
        Instant now = Instant.now();
        if (c.status != CompetitionStatus.OPEN || !c.windowOpen(now)) {
            throw ProblemException.conflict("Submissions are accepted only while the competition is OPEN, from "
                    + c.submissionOpensAt + " until " + c.submissionClosesAt,
                    Map.of("currentStatus", c.status, "submissionOpensAt", c.submissionOpensAt,
                            "submissionClosesAt", c.submissionClosesAt));
        }
        List<Violation> missing = missingForSubmission(e);
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("The entry is not ready to submit", missing);
        }
        e.status = EntryStatus.SUBMITTED;
        e.submittedAt = now;
        e.updatedAt = now;
        audit.record(AuditAction.ENTRY_SUBMITTED, c.id, AuditLog.Subject.of("entry", e.id),
                Map.of("status", EntryStatus.DRAFT), Map.of("status", EntryStatus.SUBMITTED, "submittedAt", now));
        receipts.queue(e);
        return e;
    }

    /** What an entry still lacks before it may be submitted (empty when it is ready). */
    private static List<Violation> missingForSubmission(Entry e) {
        List<Violation> missing = new ArrayList<>();
        if (EntryFile.storedCount(e.id) == 0) {
            missing.add(new Violation("files", "attach at least one file"));
        }
        List<Violation> withoutJudging = withoutJudgingConsent(e);
        if (!withoutJudging.isEmpty()) {
            missing.add(new Violation("consent.judging", "every child's guardian must consent to judging"));
            missing.addAll(withoutJudging);
        }
        if (e.consentAttestedBy == null || e.consentAttestedBy.isBlank()) {
            missing.add(new Violation("consent.attestedBy", "name the teacher who holds the signed consent forms"));
        }
        return missing;
    }

    /**
     * A submitted entry back to DRAFT so that the school can change it (files too) before the
     * deadline; it is judged only if it is submitted again. One explicit step, so that no edit
     * silently unsubmits an entry and the school is told what it must do.
     */
    @Transactional
    public Entry reopen(long entryId) {
        Entry e = lockedOwnEntry(entryId);
        if (e.status != EntryStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a SUBMITTED entry can be reopened for changes; this one is " + e.status);
        }
        requireUnerased(e);
        requireEditable(e.competition);
        e.status = EntryStatus.DRAFT;
        e.submittedAt = null;
        e.updatedAt = Instant.now();
        audit.record(AuditAction.ENTRY_UPDATED, e.competition.id, AuditLog.Subject.of("entry", e.id),
                Map.of("status", EntryStatus.SUBMITTED), Map.of("status", EntryStatus.DRAFT));
        return e;
    }

    /**
     * Withdraws the entry: out of judging and publication, but nothing is deleted, so the school can
     * undo it ({@link #reinstate}) while entries may still be changed. The files stay until the
     * competition's retention erasure (docs/privacy.md); they still count against the school's
     * byte quota (withdrawing makes no room), the entry no longer against its entry limit.
     */
    @Transactional
    public Entry withdraw(long entryId) {
        Entry e = lockedOwnEntry(entryId);
        if (e.status == EntryStatus.WITHDRAWN) {
            throw ProblemException.conflict("The entry is already withdrawn");
        }
        CompetitionStatus status = e.competition.status;
        if (status != CompetitionStatus.DRAFT && status != CompetitionStatus.OPEN) {
            throw ProblemException.conflict("Entries can be withdrawn only before judging starts; the competition is "
                    + status, Map.of("currentStatus", status));
        }
        EntryStatus before = e.status;
        e.status = EntryStatus.WITHDRAWN;
        e.withdrawnFrom = before;
        e.updatedAt = Instant.now();
        audit.record(AuditAction.ENTRY_WITHDRAWN, e.competition.id, AuditLog.Subject.of("entry", e.id),
                Map.of("status", before), Map.of("status", EntryStatus.WITHDRAWN));
        return e;
    }

    /**
     * Undoes the school's own withdrawal while entries may be changed: back to what it was (a
     * submitted entry that no longer has all it needs comes back as a DRAFT), if the school's entry
     * limit and byte quota still have room for it, checked under the school's lock as uploads are.
     */
    @Transactional
    public Entry reinstate(long entryId) {
        Entry e = lockedOwnEntry(entryId);
        if (e.status != EntryStatus.WITHDRAWN) {
            throw ProblemException.conflict("Only a WITHDRAWN entry can be brought back; this one is " + e.status);
        }
        if (e.held()) {
            // A safeguarding hold, not a removal: true, and as quiet as a held file's refusal (the school is told
            // nothing about a concern until the lead decides what to tell it, docs/safeguarding.md).
            throw ProblemException.conflict("This entry cannot be brought back at the moment; please contact the organisers");
        }
        if (e.withdrawnFrom == null) {
            throw ProblemException.conflict("This entry was taken out of the competition by its guardians' consent "
                    + "or by the organisers, not by the school; it cannot be brought back");
        }
        requireUnerased(e);
        requireEditable(e.competition);
        School.findById(e.school.id, LockModeType.PESSIMISTIC_WRITE);
        requireQuota(e.competition, e.school.id);
        EntryStatus back = e.withdrawnFrom == EntryStatus.SUBMITTED && missingForSubmission(e).isEmpty()
                ? EntryStatus.SUBMITTED : EntryStatus.DRAFT;
        e.status = back;
        e.withdrawnFrom = null;
        if (back == EntryStatus.DRAFT) {
            e.submittedAt = null;
        }
        e.updatedAt = Instant.now();
        audit.record(AuditAction.ENTRY_UPDATED, e.competition.id, AuditLog.Subject.of("entry", e.id),
                Map.of("status", EntryStatus.WITHDRAWN), Map.of("status", back));
        return e;
    }

    /** Adds files to an editable entry; all or none are kept. */
    public List<EntryFile> addFiles(long entryId, List<Upload> uploads) {
        return withUploads(uploads, () -> {
            FileInspector.Rules rules = QuarkusTransaction.requiringNew().call(() -> {
                Entry e = access.ownEntry(entryId);
                requireEditable(e);
                return FileInspector.Rules.of(e.category);
            });
            return withInspected(uploads, rules, inspected -> files.store(inspected, existing(entryId)));
        });
    }

    /**
     * Adds one file streamed as the request body (see {@link FileService#storeStreamed}). Whether
     * this school may add it is decided before any byte is read: its own entry, still editable,
     * room left in the school's byte quota (also for the declared length); all of it is checked
     * again, under the locks, when the file is recorded and when it is marked STORED.
     */
    public EntryFile addFile(long entryId, StreamedUpload upload) {
        record Admission(FileInspector.Rules rules, ByteLimit quota) {
        }
        Admission admission = QuarkusTransaction.requiringNew().call(() -> {
            Entry e = access.ownEntry(entryId);
            requireEditable(e);
            return new Admission(FileInspector.Rules.of(e.category), byteQuotaLeft(e.competition, e.school.id));
        });
        return files.storeStreamed(upload, admission.rules(), admission.quota(), existing(entryId));
    }

    /** Files added to an entry that exists (its owner was checked before). */
    private WriteGate existing(long entryId) {
        return new WriteGate(() -> entryId, this, id -> { });
    }

    /**
     * The one check of every transaction that adds files to an entry (see {@link WriteGate}; the
     * reconciler's too, before it marks a file a crash left PENDING): under the entry's row lock
     * the entry is still editable, and under the school's row lock its files in this competition
     * plus {@code adding} bytes stay within the byte quota. Lock order: entry, school.
     */
    @Override
    public void check(long entryId, long adding) {
        competitions.lockSharedOfEntry(entryId);
        Entry e = Entry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.conflict("Entry " + entryId + " was removed while its files arrived");
        }
        requireEditable(e);
        School.findById(e.school.id, LockModeType.PESSIMISTIC_WRITE);
        requireByteQuota(e.competition, e.school.id, adding);
        e.updatedAt = Instant.now();
    }

    /** The file against the entry's category as it is now, under the row lock {@link #check} took. */
    @Override
    public void checkFile(long entryId, String displayName, String contentType, long size) {
        Entry e = Entry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
        if (e != null) {
            FileInspector.checkFits(displayName, contentType, size, FileInspector.Rules.of(e.category));
        }
    }

    /** FILE_ADDED lines, in the transaction that marks the files STORED under {@link #check}'s lock. */
    @Override
    public void stored(long entryId, List<Long> fileIds) {
        recordFiles(AuditAction.FILE_ADDED, Entry.<Entry>findById(entryId).competition.id, entryId,
                EntryFile.<EntryFile>list("id in ?1 order by id", fileIds));
    }

    /** Under the entry's row lock, like a concern raising a hold, so the answer holds until the caller commits. */
    @Override
    public boolean underLegalHold(long entryId) {
        Entry e = Entry.findById(entryId, LockModeType.PESSIMISTIC_WRITE);
        return e != null && e.held();
    }

    /** Removes a file of an editable entry: row and audit under the entry's lock, then its objects. */
    public void deleteFile(long entryId, long fileId) {
        EntryFile file = QuarkusTransaction.requiringNew().call(() -> {
            Entry e = lockedOwnEntry(entryId);
            requireEditable(e);
            if (e.held()) {
                // Legal hold (docs/safeguarding.md): nothing of a held entry is removed.
                throw ProblemException.conflict("This file cannot be removed at the moment; please contact the organisers");
            }
            EntryFile f = storedFile(e, fileId);
            f.delete();
            e.updatedAt = Instant.now();
            recordFiles(AuditAction.FILE_REMOVED, e.competition.id, entryId, List.of(f));
            return f;
        });
        files.deleteObjects(file.keys());
    }

    /**
     * The school's own entry, its row locked for this transaction and read fresh: whatever
     * changes the entry's status or files waits here for the others (see the class comment).
     */
    private Entry lockedOwnEntry(long entryId) {
        // The competition's shared lock first (lock order: competition, entry, school): a status
        // change (the end of submissions) waits for this write, and a write after it sees the new status.
        competitions.lockSharedOfEntry(entryId);
        Entry e = access.ownEntry(entryId);
        Entry.getEntityManager().refresh(e, LockModeType.PESSIMISTIC_WRITE);
        return e;
    }

    /** File lines of the audit trail; before is the file for a removal, after for an addition. */
    private void recordFiles(AuditAction action, long competitionId, long entryId, List<EntryFile> changed) {
        boolean added = action == AuditAction.FILE_ADDED;
        for (EntryFile f : changed) {
            audit.record(action, competitionId, AuditLog.Subject.of("entry", entryId),
                    added ? null : EntryViews.audited(f), added ? EntryViews.audited(f) : null);
        }
    }

    /**
     * A STORED file of an entry this user may read, as {@code variant}, named as this user may see
     * it; else 404. Only organisers get the original; a file awaiting privacy review is held back
     * from jurors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileDownloads.Download download(long entryId, long fileId, FileVariant variant) {
        Entry e = access.readableEntry(entryId);
        if (!access.mayReadFiles(e)) {
            throw ProblemException.notFound("File " + fileId);
        }
        EntryFile f = storedFile(e, fileId);
        if (variant == FileVariant.ORIGINAL && !access.mayReadOriginal()) {
            throw ProblemException.notFound("The original of file " + fileId);
        }
        if (f.review == EntryFile.Review.REQUIRED && !access.maySeeUnreviewed(e)) {
            throw awaitingReview(fileId);
        }
        String name = access.view() == AccessPolicy.View.FULL ? f.displayName : EntryViews.blindName(e, f);
        return FileDownloads.Download.of(f, variant, name);
    }

    /** The public copy (clean, or its thumbnail) of a published entry's file, under an anonymous name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileDownloads.Download publicDownload(long competitionId, int rank, long fileId, FileVariant variant) {
        Entry e = AccessPolicy.publicEntry(competitionId, rank);
        EntryFile f = storedFile(e, fileId);
        if (variant == FileVariant.ORIGINAL || f.review == EntryFile.Review.REQUIRED) {
            throw ProblemException.notFound("File " + fileId);
        }
        return FileDownloads.Download.of(f, variant, EntryViews.publicName(rank, f));
    }

    /** An organiser has looked at a file held back for privacy review and releases it. */
    @Transactional
    public EntryFile clearReview(long entryId, long fileId) {
        Entry e = access.readableEntry(entryId);
        if (!access.mayClearReview()) {
            throw ProblemException.notFound("File " + fileId);
        }
        EntryFile f = storedFile(e, fileId);
        if (f.review == EntryFile.Review.REQUIRED) {
            f.review = EntryFile.Review.CLEARED;
            audit.record(AuditAction.FILE_REVIEW_CLEARED, e.competition.id, AuditLog.Subject.of("entry", e.id),
                    Map.of("fileId", f.id, "review", EntryFile.Review.REQUIRED),
                    Map.of("fileId", f.id, "review", EntryFile.Review.CLEARED));
        }
        return f;
    }

    private static ProblemException awaitingReview(long fileId) {
        return ProblemException.conflict("File " + fileId + " is waiting for an organiser's privacy review",
                Map.of("review", EntryFile.Review.REQUIRED));
    }

    private static EntryFile storedFile(Entry e, long fileId) {
        EntryFile f = EntryFile.findById(fileId);
        if (f == null || !f.entryId.equals(e.id) || f.status != org.juryroom.storage.FileStatus.STORED) {
            throw ProblemException.notFound("File " + fileId);
        }
        return f;
    }

    /** Runs {@code work} and then deletes the uploaded temp files, whatever happened. */
    private static <T> T withUploads(List<Upload> uploads, java.util.function.Supplier<T> work) {
        try {
            if (uploads.isEmpty()) {
                throw ProblemException.unprocessable("files", "attach at least one file");
            }
            return work.get();
        } finally {
            for (Upload u : uploads) {
                try {
                    java.nio.file.Files.deleteIfExists(u.path());
                } catch (java.io.IOException ignored) {
                    // Quarkus deletes uploads at the end of the request as well
                }
            }
        }
    }

    /** Inspects every upload (all must pass), runs {@code work}, then deletes the derived temp files. */
    private <T> T withInspected(List<Upload> uploads, FileInspector.Rules rules,
                                java.util.function.Function<List<Inspected>, T> work) {
        List<Inspected> inspected = new ArrayList<>();
        try {
            for (Upload u : uploads) {
                inspected.add(inspector.inspect(u.path(), u.fileName(), rules, u.sha256()));
            }
            return work.apply(inspected);
        } finally {
            inspected.forEach(Inspected::discard);
        }
    }

    private static Category category(Competition c, String code) {
        return c.category(code).orElseThrow(() -> ProblemException.unprocessable("categoryCode",
                "no category '" + code + "' in this competition; choose one of "
                        + String.join(", ", c.categories.stream().map(k -> k.code).toList())));
    }

    private static void requireEditable(Entry e) {
        requireUnerased(e);
        if (e.status == EntryStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a DRAFT entry can be changed; this one is SUBMITTED: reopen it"
                    + " (back to a draft, to be submitted again) to change it before the deadline");
        }
        if (e.status != EntryStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT entry can be changed; this one is " + e.status);
        }
        requireEditable(e.competition);
    }

    private static void requireUnerased(Entry e) {
        if (e.personalDataErasedAt != null || e.erasureReason != null) {
            // Erased or being erased (docs/privacy.md): nothing personal comes back through an edit or an upload.
            throw ProblemException.conflict("The entry's personal data was erased; it can no longer be changed");
        }
    }

    private static void requireEditable(Competition c) {
        if (c.status != CompetitionStatus.OPEN || !Instant.now().isBefore(c.submissionClosesAt)) {
            throw ProblemException.conflict("Entries can be created and changed only while the competition is OPEN"
                    + " and before " + c.submissionClosesAt, Map.of("currentStatus", c.status,
                    "submissionClosesAt", c.submissionClosesAt));
        }
    }

    private static void requireQuota(Competition c, long schoolId) {
        long active = Entry.activeCount(c.id, schoolId);
        if (active >= c.maxEntriesPerSchool) {
            throw ProblemException.conflict("This school already has " + active + (active == 1 ? " entry" : " entries")
                    + "; the limit is " + c.maxEntriesPerSchool, Map.of("limit", c.maxEntriesPerSchool));
        }
    }

    /** The school's originals in this competition plus {@code adding} bytes must stay within the byte quota. */
    private void requireByteQuota(Competition c, long schoolId, long adding) {
        byteQuotaLeft(c, schoolId).check(adding);
    }

    /** How many more bytes of files the school may add in this competition, and the 409 past that. */
    private ByteLimit byteQuotaLeft(Competition c, long schoolId) {
        long limit = c.maxSchoolBytes != null ? c.maxSchoolBytes : defaultSchoolBytes;
        // Withdrawn entries keep their files (a withdrawal can be undone), so their bytes still count:
        // otherwise withdrawing and entering again would store without bound.
        long used = EntryFile.getEntityManager().createQuery("select coalesce(sum(f.size), 0) from EntryFile f, Entry e"
                        + " where f.entryId = e.id and e.competition.id = ?1 and e.school.id = ?2", Long.class)
                .setParameter(1, c.id).setParameter(2, schoolId).getSingleResult();
        return new ByteLimit(limit - used, adding -> ProblemException.conflict("This school has " + used
                + " bytes of files in this competition; adding " + adding + " would pass the limit of " + limit
                + " bytes", Map.of("limitBytes", limit, "usedBytes", used)));
    }

    /**
     * Undoes the creation of an entry whose files were not kept (a later transaction): its consent
     * records first (they point at the entry), then the entry with its participants.
     */
    public static void discardCreated(long entryId) {
        GuardianConsent.delete("entryId", entryId);
        Entry.deleteById(entryId);
    }

    /** The children (by position, as the 422 names them) whose guardian has not given judging consent. */
    private static List<Violation> withoutJudgingConsent(Entry e) {
        Map<Integer, GuardianConsent> records = new java.util.HashMap<>();
        GuardianConsent.ofEntry(e.id).forEach(r -> records.put(r.position, r));
        List<Violation> out = new ArrayList<>();
        for (Participant p : e.participants) {
            GuardianConsent r = records.get(p.position);
            if (r != null && r.standing(GuardianConsent.Scope.judging) && r.awaitingConfirmation()) {
                out.add(new Violation("participants[" + p.position + "].consent.judging",
                        "this child's guardian has not confirmed the consent yet: it takes effect when the guardian "
                                + "opens the link mailed to them and confirms"));
            } else if (r == null || !r.active(GuardianConsent.Scope.judging)) {
                out.add(new Violation("participants[" + p.position + "].consent.judging",
                        "this child's guardian has not consented to judging"));
            }
        }
        return out;
    }

    /**
     * The organiser marks that the work shows a recognisable child (or clears it): then no child's
     * name is published with it (publishing/PublicShortlistService).
     */
    @Transactional
    public Entry setIdentifiableChild(long entryId, @Valid @NotNull EntryRequests.IdentifiableChild request) {
        access.requireOrganiser("Marking an identifiable child");
        boolean identifiable = request.identifiableChild();
        Entry e = access.redactableEntry(entryId);
        if (e.identifiableChild != identifiable) {
            audit.record(AuditAction.ENTRY_IDENTIFIABLE_CHILD, e.competition.id, AuditLog.Subject.of("entry", e.id),
                    Map.of("identifiableChild", e.identifiableChild), Map.of("identifiableChild", identifiable));
            e.identifiableChild = identifiable;
            e.updatedAt = Instant.now();
        }
        return e;
    }

    /**
     * The request's children onto the entry's rows. A child is known by its first name, not its place:
     * a child still listed keeps its row, and so its consent record and withdrawal link, wherever it
     * moved; a child no longer listed goes (returned, so its record goes with it) and a new name is a
     * new child, never another child's record.
     *
     * @return the rows of the children no longer listed
     */
    private static List<Participant> syncParticipants(Entry e, List<ParticipantRequest> participants) {
        List<Participant> left = new ArrayList<>(e.participants);
        List<Participant> next = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            String name = participants.get(i).firstName().strip();
            Participant p = left.stream().filter(o -> o.firstName != null && o.firstName.equalsIgnoreCase(name))
                    .findFirst().orElse(null);
            if (p == null) {
                p = new Participant();
                p.entry = e;
            } else {
                left.remove(p);
            }
            p.position = i;
            p.firstName = name;
            p.grade = participants.get(i).grade();
            next.add(p);
        }
        e.participants.clear();
        e.participants.addAll(next);
        return left;
    }
}
