package org.juryroom.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.juryroom.common.BodyLimit;
import org.juryroom.common.ProblemException;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.storage.FileInspector.Inspected;
import org.juryroom.storage.FileInspector.Rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The write path that keeps rows and objects together: (1) in one transaction with the caller's
 * own changes, one PENDING row per file naming all its objects (original, clean copy, thumbnail)
 * under server-made keys; (2) the objects PUT with their SHA-256, outside any transaction;
 * (3) the rows marked STORED. A failure in (2) deletes what was put and undoes (1); a failure in
 * (3) undoes (1) and leaves the objects to the reconciler, because a commit that failed on the
 * way back may in fact have happened and deleting its objects would lose the file. Whatever a
 * crash leaves behind, {@link StorageReconciler} resolves.
 * <p>
 * Every transaction that writes an upload's rows first runs the caller's {@link WriteGate}
 * under the entry's row lock, the last one in (3): an upload that the entry no longer accepts
 * when it is recorded (submitted, withdrawn, past the deadline, over the school's quota) is
 * refused with the gate's 409 and its objects and rows are removed. While it is handled its
 * rows beat in {@link UploadsInFlight} and its temp files are marked in use.
 * <p>
 * Files arrive in two ways. {@link #store} takes files the HTTP layer has already received and
 * {@link FileInspector} has accepted (multipart). {@link #storeStreamed} takes one raw request
 * body and PUTs the original while it arrives; its PENDING row is committed before the first
 * byte is stored but learns its size, SHA-256 and derived objects only after the last byte has
 * been inspected (a row without a SHA-256 is an unfinished upload to the reconciler).
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class);
    static final String THUMBNAIL_TYPE = "image/jpeg";
    private static final String ORIGINAL = "original";
    /** How much of a streamed body is read, hashed and spooled at a time. */
    static final int CHUNK = 256 * 1024;

    private final ObjectStore store;
    private final StorageHooks hooks;
    private final FileInspector inspector;
    private final BodyLimit bodyLimit;
    private final UploadsInFlight inFlight;
    private final Path workDir;

    public FileService(ObjectStore store, StorageHooks hooks, FileInspector inspector, BodyLimit bodyLimit,
                       UploadsInFlight inFlight, JuryRoomConfig config) {
        this.store = store;
        this.hooks = hooks;
        this.inspector = inspector;
        this.bodyLimit = bodyLimit;
        this.inFlight = inFlight;
        this.workDir = Path.of(config.storage().workDir());
    }

    /**
     * Stores {@code files} for the entry that {@code prepare} returns (it runs in the same new
     * transaction as the PENDING rows); {@code undo} reverses {@code prepare} if storing fails.
     * Nothing re-checks the entry: for writers of their own finished entries (the demo seed).
     */
    public List<EntryFile> store(List<Inspected> files, LongSupplier prepare, LongConsumer undo) {
        return store(files, WriteGate.unchecked(prepare, undo));
    }

    /** Stores {@code files} for the entry that {@code gate} opens, admitted by the gate (see the class comment). */
    public List<EntryFile> store(List<Inspected> files, WriteGate gate) {
        long total = files.stream().mapToLong(Inspected::size).sum();
        List<EntryFile> rows = QuarkusTransaction.requiringNew().call(() -> {
            long entryId = gate.open().getAsLong();
            gate.admit().check(entryId, total);
            List<EntryFile> pending = new ArrayList<>();
            for (Inspected f : files) {
                gate.admit().checkFile(entryId, f.displayName(), f.contentType(), f.size());
                EntryFile row = newRow(entryId, f.displayName(), f.contentType());
                describe(row, f);
                row.persist();
                pending.add(row);
            }
            return pending;
        });
        List<String> put = new ArrayList<>();
        long began = System.nanoTime();
        try (UploadsInFlight.Flight flight = inFlight.begin().rows(ids(rows)).files(tempFiles(files))) {
            try {
                for (int i = 0; i < rows.size(); i++) {
                    put(rows.get(i).objectKey, files.get(i).path(), rows.get(i).contentType, rows.get(i).sha256, put);
                    putDerived(rows.get(i), files.get(i), put);
                }
            } catch (RuntimeException | Error e) {
                // An Error too (an OutOfMemoryError of this upload): no PENDING row or object outlives it.
                deleteObjects(put);
                removePending(rows, gate.undo());
                throw e;
            }
            markStored(rows, gate, put);
        }
        LOG.debugf("Stored files %s (%d objects) in %d ms", ids(rows), put.size(),
                (System.nanoTime() - began) / 1_000_000);
        return rows;
    }

    /**
     * Stores one file streamed as the request body, reading the body once. Its first bytes are
     * checked (empty, type by content, extension) before anything is written. Then the PENDING
     * row is committed with the gate (which opens the entry and returns its id), and while the rest
     * arrives every chunk is hashed, counted against the category's, the server's and
     * {@code quota}'s limits, and appended to a spool file from which the original is PUT in
     * parts under the row's key. After the last byte the spool is inspected like any upload while
     * the last part goes out; the gate admits the final size in the transaction that records the
     * inspected file; then the clean copy and thumbnail are PUT and the row is marked STORED (the
     * gate once more). A refusal or failure on the way deletes what was put and the row; nothing
     * of the upload is kept.
     */
    public EntryFile storeStreamed(StreamedUpload upload, Rules rules, ByteLimit quota, WriteGate gate) {
        long began = System.nanoTime();
        String displayName = FileNames.sanitise(upload.fileName());
        inspector.checkName(upload.fileName(), displayName); // before a byte is read, as docs/storage.md says
        // On a tie the first named answers: the server's limit, then the category's, then the quota.
        ByteLimit limit = new ByteLimit(bodyLimit.bytes(), seen -> bodyLimit.tooLarge())
                .tighter(new ByteLimit(rules.maxFileBytes(), seen -> ProblemException.tooLarge(displayName + " has "
                        + seen + " bytes or more; the " + rules.category() + " category accepts at most "
                        + rules.maxFileBytes() + " bytes", rules.maxFileBytes())))
                .tighter(quota);
        limit.check(upload.declaredBytes());
        try (UploadsInFlight.Flight flight = inFlight.begin(); Spool spool = createSpool()) {
            flight.files(List.of(spool.path()));
            byte[] chunk = new byte[CHUNK];
            int n = read(upload.body(), chunk);
            limit.check(n);
            String type = inspector.checkType(Arrays.copyOf(chunk, Math.min(n, FileInspector.HEAD_BYTES)), displayName,
                    rules);
            EntryFile row = QuarkusTransaction.requiringNew().call(() -> {
                long entryId = gate.open().getAsLong();
                gate.admit().check(entryId, 0);
                gate.admit().checkFile(entryId, displayName, type, 0);
                EntryFile pending = newRow(entryId, displayName, type);
                pending.persist();
                return pending;
            });
            flight.rows(List.of(row.id));
            List<String> put = new ArrayList<>(List.of(row.objectKey));
            CompletableFuture<Void> original = CompletableFuture.completedFuture(null);
            Inspected inspected = null;
            long received = 0;
            long checked = 0;
            long inStore = 0;
            try {
                hooks.beforePut(row.objectKey);
                original = store.putSpooled(row.objectKey, type, spool);
                MessageDigest sha256 = FileInspector.newSha256();
                long size = 0;
                while (n > 0) {
                    size += n;
                    limit.check(size);
                    if (original.isCompletedExceptionally()) {
                        join(original); // the store failed: its 503 now, without reading the rest
                    }
                    sha256.update(chunk, 0, n);
                    spool.append(chunk, n);
                    n = read(upload.body(), chunk);
                }
                spool.end();
                received = System.nanoTime();
                // Inspection needs only the spool: the last part may still be on its way meanwhile.
                inspected = inspector.inspect(spool.path(), upload.fileName(), rules, upload.sha256(),
                        HexFormat.of().formatHex(sha256.digest()));
                flight.files(tempFiles(List.of(inspected)));
                checked = System.nanoTime();
                join(original);
                inStore = System.nanoTime();
                record(row, inspected, gate.admit());
                putDerived(row, inspected, put);
            } catch (RuntimeException | IOException | Error e) {
                // An Error too (an OutOfMemoryError of this upload): no PENDING row or object outlives it.
                spool.abandon(e);
                original.handle((done, failure) -> null).join(); // the uploader has stopped: nothing more arrives
                deleteObjects(put);
                removePending(List.of(row), gate.undo());
                if (e instanceof Error error) {
                    throw error;
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            } finally {
                if (inspected != null) {
                    inspected.discard();
                }
            }
            markStored(List.of(row), gate, put);
            long done = System.nanoTime();
            LOG.debugf("Stored streamed file %d (%s, %d bytes, %d objects) in %d ms: last byte after %d ms, "
                            + "inspected %d ms later, original in the store %d ms later, STORED %d ms later", row.id, type,
                    row.size, put.size(), (done - began) / 1_000_000, (received - began) / 1_000_000,
                    (checked - received) / 1_000_000, (inStore - checked) / 1_000_000, (done - inStore) / 1_000_000);
            return row;
        }
    }

    private Spool createSpool() {
        try {
            return Spool.create(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills {@code chunk} from the body as far as it goes; 0 at its end. */
    private static int read(InputStream body, byte[] chunk) {
        try {
            return body.readNBytes(chunk, 0, chunk.length);
        } catch (IOException e) {
            ProblemException p = ProblemException.badRequest("The upload broke off before the whole file arrived");
            p.initCause(e);
            throw p;
        }
    }

    private static void join(CompletableFuture<Void> put) {
        try {
            put.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The inspected file's size, checksums and derived objects on its PENDING row, once the gate admits its size. */
    private static void record(EntryFile row, Inspected f, WriteGate.Admit admit) {
        QuarkusTransaction.requiringNew().run(() -> {
            admit.check(row.entryId, f.size());
            admit.checkFile(row.entryId, f.displayName(), f.contentType(), f.size());
            EntryFile pending = EntryFile.findById(row.id, LockModeType.PESSIMISTIC_WRITE);
            if (pending == null || pending.status != FileStatus.PENDING) {
                throw removedWhileArriving(row.id);
            }
            describe(pending, f);
            describe(row, f);
        });
    }

    private static ProblemException removedWhileArriving(long fileId) {
        return ProblemException.conflict("File " + fileId + " was removed while it arrived (the entry was withdrawn"
                + " or the upload was cleaned up); nothing was saved");
    }

    private static List<Long> ids(List<EntryFile> rows) {
        return rows.stream().map(r -> r.id).toList();
    }

    /** The files on disk an upload still needs: the received file and its clean copy and thumbnail. */
    private static List<Path> tempFiles(List<Inspected> files) {
        List<Path> paths = new ArrayList<>();
        for (Inspected f : files) {
            paths.add(f.path());
            if (f.clean() != null) {
                paths.add(f.clean().path());
            }
            if (f.thumbnail() != null) {
                paths.add(f.thumbnail().path());
            }
        }
        return paths;
    }

    private void putDerived(EntryFile row, Inspected f, List<String> put) {
        if (f.clean() != null) {
            put(row.cleanKey, f.clean().path(), row.contentType, row.cleanSha256, put);
        }
        if (f.thumbnail() != null) {
            put(row.thumbKey, f.thumbnail().path(), THUMBNAIL_TYPE, row.thumbSha256, put);
        }
    }

    /**
     * Step (3), after the gate (all rows are of one entry and their sizes are on them). When the
     * gate or a removed row refuses, nothing commits: the objects in {@code put} and the rows go.
     * On any other failure the rows go and the objects are left to the reconciler (see the class comment).
     */
    private void markStored(List<EntryFile> rows, WriteGate gate, List<String> put) {
        List<Long> ids = ids(rows);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                gate.admit().check(rows.get(0).entryId, 0);
                // The entry's category may have changed while the files arrived: they must fit the one it has now.
                rows.forEach(r -> gate.admit().checkFile(r.entryId, r.displayName, r.contentType, r.size == null ? 0 : r.size));
                int marked = EntryFile.update("status = ?1 where id in ?2 and status = ?3", FileStatus.STORED, ids,
                        FileStatus.PENDING);
                if (marked != ids.size()) {
                    throw removedWhileArriving(ids.get(0));
                }
                gate.kept().accept(rows.get(0).entryId);
                gate.admit().stored(rows.get(0).entryId, ids);
                hooks.whileMarkingStored(ids);
            });
        } catch (ProblemException refused) {
            deleteObjects(put);
            removePending(rows, gate.undo());
            throw refused;
        } catch (Error e) {
            removePending(rows, gate.undo()); // objects to the reconciler, as below
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not mark files %s STORED; their objects are left to the reconciler", ids);
            removePending(rows, gate.undo());
            ProblemException p = ProblemException.unavailable(
                    "The database could not record the upload right now; nothing was saved, please try again");
            p.initCause(e);
            throw p;
        }
        rows.forEach(r -> r.status = FileStatus.STORED);
        hooks.afterMarkedStored(ids);
    }

    private void put(String key, Path file, String contentType, String sha256, List<String> put) {
        hooks.beforePut(key);
        store.put(key, file, contentType, sha256);
        put.add(key);
    }

    /** A PENDING row under fresh server-made keys; what inspection learns comes with {@link #describe}. */
    private static EntryFile newRow(long entryId, String displayName, String contentType) {
        EntryFile row = new EntryFile();
        row.entryId = entryId;
        row.objectKey = "entries/" + entryId + "/" + UUID.randomUUID() + "/" + ORIGINAL;
        row.displayName = displayName;
        row.contentType = contentType;
        return row;
    }

    private static void describe(EntryFile row, Inspected f) {
        String base = row.objectKey.substring(0, row.objectKey.length() - ORIGINAL.length());
        row.contentType = f.contentType();
        row.size = f.size();
        row.sha256 = f.sha256();
        if (f.clean() == null) {
            row.cleanKey = row.objectKey;
            row.cleanSha256 = f.sha256();
            row.cleanSize = f.size();
        } else {
            row.cleanKey = base + "clean";
            row.cleanSha256 = f.clean().sha256();
            row.cleanSize = f.clean().size();
        }
        if (f.thumbnail() != null) {
            row.thumbKey = base + "thumbnail";
            row.thumbSha256 = f.thumbnail().sha256();
            row.thumbSize = f.thumbnail().size();
        }
        if (f.reviewNote() != null) {
            row.review = EntryFile.Review.REQUIRED;
            row.reviewNote = f.reviewNote();
        }
    }

    /** Removes the PENDING rows and the caller's changes; if a row is no longer PENDING, it stays, and so do the changes. */
    private static void removePending(List<EntryFile> rows, LongConsumer undo) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long removed = EntryFile.delete("id in ?1 and status = ?2", rows.stream().map(r -> r.id).toList(),
                        FileStatus.PENDING);
                if (removed == rows.size()) {
                    undo.accept(rows.get(0).entryId);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not remove PENDING rows after a failed upload; the reconciler will", e);
        }
    }

    /**
     * Best effort, after the rows that named {@code keys} were removed (rows first: an object
     * left behind by a failing store is an orphan the reconciler removes; a row without its
     * object would be a broken file).
     */
    public void deleteObjects(Collection<String> keys) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (ProblemException e) {
                LOG.warnf("Object %s could not be deleted now; the reconciler will remove it", key);
            }
        }
    }
}
