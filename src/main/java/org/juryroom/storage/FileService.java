package org.juryroom.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.juryroom.common.ProblemException;
import org.juryroom.storage.FileInspector.Inspected;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class);
    static final String THUMBNAIL_TYPE = "image/jpeg";

    private final ObjectStore store;
    private final StorageHooks hooks;

    public FileService(ObjectStore store, StorageHooks hooks) {
        this.store = store;
        this.hooks = hooks;
    }

    /**
     * Stores {@code files} for the entry that {@code prepare} returns (it runs in the same new
     * transaction as the PENDING rows); {@code undo} reverses {@code prepare} if storing fails.
     */
    public List<EntryFile> store(List<Inspected> files, LongSupplier prepare, LongConsumer undo) {
        List<EntryFile> rows = QuarkusTransaction.requiringNew().call(() -> {
            long entryId = prepare.getAsLong();
            List<EntryFile> pending = new ArrayList<>();
            for (Inspected f : files) {
                pending.add(pendingRow(entryId, f));
            }
            return pending;
        });
        List<String> put = new ArrayList<>();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < rows.size(); i++) {
                EntryFile row = rows.get(i);
                Inspected f = files.get(i);
                put(row.objectKey, f.path(), row.contentType, row.sha256, put);
                if (f.clean() != null) {
                    put(row.cleanKey, f.clean().path(), row.contentType, row.cleanSha256, put);
                }
                if (f.thumbnail() != null) {
                    put(row.thumbKey, f.thumbnail().path(), THUMBNAIL_TYPE, row.thumbSha256, put);
                }
            }
        } catch (RuntimeException e) {
            deleteObjects(put);
            removePending(rows, undo);
            throw e;
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int marked = EntryFile.update("status = ?1 where id in ?2 and status = ?3", FileStatus.STORED, ids,
                        FileStatus.PENDING);
                if (marked != ids.size()) {
                    throw new IllegalStateException("a PENDING row was removed while its objects were stored");
                }
                hooks.whileMarkingStored(ids);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not mark files %s STORED; their objects are left to the reconciler", ids);
            removePending(rows, undo);
            ProblemException p = ProblemException.unavailable(
                    "The database could not record the upload right now; nothing was saved, please try again");
            p.initCause(e);
            throw p;
        }
        rows.forEach(r -> r.status = FileStatus.STORED);
        LOG.debugf("Stored files %s (%d objects) in %d ms", ids, put.size(), (System.nanoTime() - began) / 1_000_000);
        return rows;
    }

    private void put(String key, java.nio.file.Path file, String contentType, String sha256, List<String> put) {
        hooks.beforePut(key);
        store.put(key, file, contentType, sha256);
        put.add(key);
    }

    private static EntryFile pendingRow(long entryId, Inspected f) {
        String base = "entries/" + entryId + "/" + UUID.randomUUID() + "/";
        EntryFile row = new EntryFile();
        row.entryId = entryId;
        row.objectKey = base + "original";
        row.displayName = f.displayName();
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
        row.persist();
        return row;
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
     * Removes files' rows, then their objects (the caller checked that it may). Rows first: an
     * object left behind by a failing store is an orphan the reconciler removes; a row without
     * its object would be a broken file.
     */
    public void delete(List<EntryFile> files) {
        if (files.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() ->
                EntryFile.delete("id in ?1", files.stream().map(f -> f.id).toList()));
        deleteObjects(files.stream().flatMap(f -> f.keys().stream()).toList());
    }

    /** Best effort: what cannot be deleted now has no row, so the reconciler deletes it later. */
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
