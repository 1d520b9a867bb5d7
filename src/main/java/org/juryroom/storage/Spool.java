package org.juryroom.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A streamed upload on its way to disk, readable while it is still being written: the request
 * thread appends what arrives, the store's uploader reads the parts behind it. The file is the
 * buffer between the two, so neither a slow store nor a slow client makes the heap hold the
 * upload, and the file is there for the inspection that follows. Closing deletes the file.
 * <p>
 * The writer stays at most {@link #lead} bytes ahead of what the uploader has stored: a client
 * faster than the store then waits in its socket instead of taking the CPU the store needs, and
 * the upload ends about when the store has the last part.
 */
final class Spool implements AutoCloseable {

    private final Path path;
    private final OutputStream out;
    private long written;
    private long stored;
    private long lead = Long.MAX_VALUE;
    private boolean ended;
    private Throwable abandoned;

    private Spool(Path path) throws IOException {
        this.path = path;
        this.out = Files.newOutputStream(path);
    }

    static Spool create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Spool(Files.createTempFile(dir, "upload-", ".tmp"));
    }

    Path path() {
        return path;
    }

    /** Appends bytes (one writer), once the uploader is close enough behind; readers see them once this returns. */
    void append(byte[] bytes, int length) throws IOException {
        synchronized (this) {
            while (written - stored >= lead && abandoned == null) {
                waitHere();
            }
        }
        out.write(bytes, 0, length);
        synchronized (this) {
            written += length;
            notifyAll();
        }
    }

    /** The body has ended: what is written is the whole upload. */
    void end() throws IOException {
        out.close();
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** From now on the writer waits while it is {@code bytes} or more ahead of what is stored. */
    synchronized void limitLead(long bytes) {
        lead = bytes;
        notifyAll();
    }

    /** The uploader has stored the first {@code bytes}. */
    synchronized void stored(long bytes) {
        stored = bytes;
        notifyAll();
    }

    /** The uploader has stopped, done or failed: the writer no longer waits for it. */
    synchronized void uploaderStopped() {
        lead = Long.MAX_VALUE;
        notifyAll();
    }

    /** The upload is refused or failed: readers stop with an IOException instead of waiting for more. */
    synchronized void abandon(Throwable cause) {
        abandoned = cause;
        notifyAll();
    }

    /**
     * Waits until at least {@code bytes} are written or the body has ended, and returns how many
     * are written: less than {@code bytes} only when that is the whole upload.
     */
    synchronized long await(long bytes) throws IOException {
        while (written < bytes && !ended && abandoned == null) {
            waitHere();
        }
        if (abandoned != null) {
            throw new IOException("the upload was abandoned", abandoned);
        }
        return written;
    }

    private void waitHere() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the other side of the upload", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover in the work directory is removed with it
        }
    }
}
