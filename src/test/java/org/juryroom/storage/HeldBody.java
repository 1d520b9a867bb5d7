package org.juryroom.storage;

import org.juryroom.storage.StorageFixtures.Account;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A streamed upload the test holds mid-body: the client sends the first {@code holdAt} bytes,
 * then waits until {@link #release()}. The upload has begun on the server (its PENDING row is
 * there once {@link StorageFixtures} sees it), but its last byte has not arrived.
 */
final class HeldBody {

    private final byte[] file;
    private final int holdAt;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HeldBody(byte[] file, int holdAt) {
        this.file = file;
        this.holdAt = holdAt;
    }

    /** Starts the upload on {@code pool}; its response arrives once released. */
    CompletableFuture<HttpResponse<String>> send(ExecutorService pool, Account school, long entryId, String name) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return StorageFixtures.stream(school, entryId, name, this::body, -1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    /** Waits until the client has sent the bytes before the hold. */
    void awaitHeld() throws InterruptedException {
        if (!reached.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the upload never reached its hold");
        }
    }

    void release() {
        released.countDown();
    }

    private InputStream body() {
        return new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos >= holdAt && released.getCount() > 0) {
                    reached.countDown();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                return super.read(b, off, pos < holdAt ? Math.min(len, holdAt - pos) : len);
            }
        };
    }
}
