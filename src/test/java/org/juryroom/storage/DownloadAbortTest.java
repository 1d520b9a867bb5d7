package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.LogRecorder;
import org.juryroom.support.TestVideos;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.download;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.stream;
import static org.juryroom.storage.StreamingUploadTest.created;
import static org.juryroom.storage.StreamingUploadTest.videoEntry;

/**
 * Clients that abort downloads (closed tabs, video players seeking, HEAD probes) must neither
 * leak the MinIO client's pooled connections to the store nor be logged as server errors.
 * Each round mixes whole, ranged and HEAD requests, cut off after a seeded number of bytes.
 */
@QuarkusTest
class DownloadAbortTest {

    private static final int ROUNDS = 3;
    private static final int REQUESTS_PER_ROUND = 12;

    @Inject
    ObjectStore store;

    /** The store (plain HTTP here) is spoken to through StoreHttp's client: no TLS set up, shared connections. */
    @Test
    void theStoreClientsShareOneHttpClientWithoutTls() throws Exception {
        OkHttpClient client = httpClient();
        assertThat(client.connectionSpecs()).containsExactly(okhttp3.ConnectionSpec.CLEARTEXT);
        assertThat(client.connectionPool()).isSameAs(StoreHttp.shared(false).connectionPool());
        Object parts = field(io.quarkus.arc.ClientProxy.unwrap(store), ObjectStore.class, "parts");
        assertThat(((OkHttpClient) field(parts, io.minio.S3Base.class, "httpClient")).connectionPool())
                .isSameAs(client.connectionPool());
    }

    @Test
    void abortedDownloadsReleaseEveryStoreConnectionAndLogNoErrorOrLeak() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(32L << 20, 10, null));
        byte[] video = TestVideos.mp4(16 << 20);
        long fid = created(stream(school, eid, "big.mp4", video, false)).getLong("id");
        String path = "/api/entries/" + eid + "/files/" + fid;
        String auth = Base64.getEncoder().encodeToString((school.username() + ":" + school.password())
                .getBytes(StandardCharsets.UTF_8));

        List<ExtLogRecord> logged;
        try (LogRecorder recorder = LogRecorder.start()) {
            Random random = new Random(20261205L);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                    int kind = random.nextInt(3);
                    String method = kind == 2 ? "HEAD" : "GET";
                    String range = kind == 1 ? "Range: bytes=" + random.nextInt(1 << 20) + "-\r\n" : "";
                    abortAfter(method, path, auth, range, random.nextInt(256 << 10));
                }
                assertThat(download(school.api(), path)).as("a whole download still works").isNotEmpty();
                awaitNoConnectionInUse();
            }
            System.gc(); // OkHttp reports a leak when it finds a response collected without being closed
            download(school.api(), path);
            awaitNoConnectionInUse();
            logged = recorder.records();
        }
        assertThat(logged).as("no leak warning, no error logged for clients that went away")
                .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        || String.valueOf(r.getMessage()).contains("leaked"));
    }

    /** Sends one request on a raw socket, reads at most {@code keep} bytes of the answer, then cuts it off. */
    private static void abortAfter(String method, String path, String auth, String range, int keep) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\n"
                    + range + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = 0;
            int n = in.read(buffer);
            while (n > 0 && read < keep && !method.equals("HEAD")) {
                read += n;
                n = in.read(buffer);
            }
            socket.setSoLinger(true, 0); // a reset, as a closed tab sends
        }
    }

    /**
     * The store client's connections are all idle (a response not closed keeps one in use). The
     * server notices a client gone on its own time, so this waits for it, up to a minute.
     */
    private void awaitNoConnectionInUse() throws Exception {
        ConnectionPool pool = httpClient().connectionPool();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (pool.connectionCount() != pool.idleConnectionCount() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.connectionCount() - pool.idleConnectionCount()).as(() -> "store connections still in use; "
                + storeThreads()).isZero();
    }

    /** The stacks of the threads that could hold a store response, for the failure message. */
    static String storeThreads() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            String all = java.util.Arrays.toString(st);
            if (all.contains("juryroom") || all.contains("okhttp") || all.contains("resteasy")) {
                b.append("\n--- ").append(t.getName()).append('\n');
                for (StackTraceElement e : st) b.append("   ").append(e).append('\n');
            }
        });
        return b.toString();
    }

    private OkHttpClient httpClient() throws Exception {
        Object async = field(store.client(), io.minio.MinioClient.class, "asyncClient");
        return (OkHttpClient) field(async, io.minio.S3Base.class, "httpClient");
    }

    private static Object field(Object target, Class<?> owner, String name) throws Exception {
        var f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
