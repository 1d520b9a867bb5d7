package org.juryroom.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.juryroom.common.ProblemException;
import org.juryroom.storage.FileInspector.Inspected;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The write path that keeps rows and objects together: (1) in one transaction with the
 * caller's own changes, a PENDING row per file under a server-made key; (2) the objects PUT,
 * outside any transaction; (3) the rows marked STORED. If (2) fails, what was put is deleted and
 * the caller's changes are undone; whatever a crash leaves PENDING is resolved by the reconciler.
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class);

    private final ObjectStore store;

    public FileService(ObjectStore store) {
        this.store = store;
    }

    /**
     * Stores {@code files} for the entry that {@code prepare} returns (it runs in the same new
     * transaction as the PENDING rows); {@code undo} reverses {@code prepare} if the store fails.
     */
    public List<EntryFile> store(List<Inspected> files, LongSupplier prepare, java.util.function.LongConsumer undo) {
        List<EntryFile> rows = QuarkusTransaction.requiringNew().call(() -> {
            long entryId = prepare.getAsLong();
            List<EntryFile> pending = new ArrayList<>();
            for (Inspected f : files) {
                EntryFile row = new EntryFile();
                row.entryId = entryId;
                row.objectKey = "entries/" + entryId + "/" + UUID.randomUUID() + "/original";
                row.displayName = f.displayName();
                row.contentType = f.contentType();
                row.size = f.size();
                row.sha256 = f.sha256();
                row.persist();
                pending.add(row);
            }
            return pending;
        });
        List<String> put = new ArrayList<>();
        try {
            for (int i = 0; i < rows.size(); i++) {
                store.put(rows.get(i).objectKey, files.get(i).path(), rows.get(i).contentType);
                put.add(rows.get(i).objectKey);
            }
        } catch (RuntimeException e) {
            rollBack(rows, put, undo);
            throw e;
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        QuarkusTransaction.requiringNew().run(() ->
                EntryFile.update("status = ?1 where id in ?2", FileStatus.STORED, ids));
        rows.forEach(r -> r.status = FileStatus.STORED);
        return rows;
    }

    private void rollBack(List<EntryFile> rows, List<String> put, java.util.function.LongConsumer undo) {
        for (String key : put) {
            try {
                store.delete(key);
            } catch (ProblemException e) {
                LOG.warnf("Could not delete %s after a failed upload; the reconciler will", key);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                EntryFile.delete("id in ?1", rows.stream().map(r -> r.id).toList());
                undo.accept(rows.get(0).entryId);
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not remove PENDING rows after a failed upload; the reconciler will", e);
        }
    }

    /**
     * Removes a file's row, then its object (the caller checked that it may). Row first: an object
     * left behind by a failing store is an orphan the reconciler removes; a row without its
     * object would be a broken file.
     */
    public void delete(EntryFile file) {
        QuarkusTransaction.requiringNew().run(() -> EntryFile.deleteById(file.id));
        try {
            store.delete(file.objectKey);
        } catch (ProblemException e) {
            LOG.warnf("Object %s could not be deleted now; the reconciler will remove it", file.objectKey);
        }
    }
}
