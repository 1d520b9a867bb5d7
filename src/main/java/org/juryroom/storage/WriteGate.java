package org.juryroom.storage;

import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The entry's side of a file write, run inside {@link FileService}'s transactions. {@code admit}
 * locks the entry's row and refuses (a {@code ProblemException}, so nothing of that transaction
 * commits) unless the entry may still take {@code adding} more bytes of files. It runs in every
 * transaction that creates, records or marks an upload's rows, so a write is serialised on the
 * entry's row with everything else that changes its files (submit, withdraw, file removal) and
 * an upload that loses the race is refused, whenever its last byte arrives.
 *
 * @param open  in the transaction that creates the PENDING rows: the entry's id (an entry it may create)
 * @param admit the check above; {@code adding} is the size not yet on any row (0 when it is)
 * @param undo  reverses {@code open} when nothing of the upload is kept
 * @param kept  in the transaction that marks the files STORED, before {@link Admit#stored}: what the caller
 *              records of {@code open} once the upload is kept (a new entry's audit line: the trail is
 *              append-only, so it cannot be written where {@code undo} may still reverse the entry)
 */
public record WriteGate(LongSupplier open, Admit admit, LongConsumer undo, LongConsumer kept) {

    /** A gate whose {@code open} needs nothing recorded once the upload is kept. */
    public WriteGate(LongSupplier open, Admit admit, LongConsumer undo) {
        this(open, admit, undo, entryId -> { });
    }

    /** A check under the entry's lock (see the class comment). */
    @FunctionalInterface
    public interface Admit {
        void check(long entryId, long adding);

        /**
         * After {@link #check}, in the same transaction: refuses a file that the entry, as it is now, does not take
         * (its category changed while the file arrived: another type, a lower size limit). {@code size} 0: not known yet.
         */
        default void checkFile(long entryId, String displayName, String contentType, long size) {
        }

        /** A safeguarding hold keeps every row and object of the entry, complete or not (docs/safeguarding.md). */
        default boolean underLegalHold(long entryId) {
            return false;
        }

        /**
         * In the transaction that marks {@code fileIds} STORED, after {@link #check} (under the entry's lock, the
         * entry not erased): the entry's record of them (its audit trail). Every path that keeps a file comes here,
         * so an erasure that follows finds what it must scrub, and none can come between the file and its record.
         */
        default void stored(long entryId, List<Long> fileIds) {
        }
    }

    /** For rows that need no re-check (the demo seed writes its own finished entries). */
    static WriteGate unchecked(LongSupplier open, LongConsumer undo) {
        return new WriteGate(open, (entryId, adding) -> { }, undo);
    }
}
