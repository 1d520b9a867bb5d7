package org.juryroom.bench;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import org.juryroom.embedded.EmbeddedServices;
import org.juryroom.support.TestVideos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload benchmark (docs/performance.md, "File uploads"); run with {@code src/bench/uploads.sh}.
 * Starts the packaged app in embedded mode at -Xmx256m, uploads generated MP4 files of 200 MiB
 * and 1 GiB through the API, PUTs the same bytes straight to the same S3 server with the MinIO
 * client, samples the app's heap with jstat throughout, and writes the figures into the docs.
 * Not a test: nothing here runs in ./mvnw verify.
 */
public final class UploadBenchmark {

    private static final Pattern S3_PORT = Pattern.compile("S3 server on 127\\.0\\.0\\.1:(\\d+)");
    private static final long MIB = 1L << 20;

    private static final Pattern PART_SIZE = Pattern.compile("in parts of (\\d+) MiB");
    private static final Pattern STREAMED = Pattern.compile("Stored streamed file \\d+ .* in (\\d+) ms: last byte after "
            + "(\\d+) ms, inspected (\\d+) ms later, original in the store (\\d+) ms later, STORED (\\d+) ms later");

    /**
     * What one measured transfer cost: the app process's heap peaks, GC time and CPU time, and the
     * client's CPU time (curl for the API, this JVM's MinIO client for the direct PUT).
     */
    record Usage(long peakHeapBytes, long peakOldBytes, double gcSeconds, double cpuSeconds, double clientCpuSeconds) {
    }

    /** One upload: the client's times, the app's own account of it (from its log, in seconds) and its costs. */
    record Result(String file, long bytes, double apiSeconds, double directSeconds, Usage api, Usage direct,
                  double serverSeconds, double lastByteSeconds, double inspectSeconds, double storeWaitSeconds,
                  double finishSeconds) {
        double ratio() {
            return directSeconds / apiSeconds;
        }

        static Result of(Path file, double apiSeconds, double directSeconds, Usage api, Usage direct, String log)
                throws IOException {
            Matcher m = STREAMED.matcher(log);
            double[] ms = new double[5];
            while (m.find()) {
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = Long.parseLong(m.group(i + 1)) / 1e3;
                }
            }
            return new Result(file.getFileName().toString(), Files.size(file), apiSeconds, directSeconds, api, direct,
                    ms[0], ms[1], ms[2], ms[3], ms[4]);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path work = Files.createTempDirectory("juryroom-bench-");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.profile=embedded",
                "-Dquarkus.log.category.\"org.juryroom.storage\".level=DEBUG",
                "-Djuryroom.demo.seed=false", "-Dquarkus.http.port=" + port, "-Djava.io.tmpdir=" + tmp,
                "-jar", "target/quarkus-app/quarkus-run.jar");
        pb.environment().put("JURYROOM_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("JURYROOM_MAX_UPLOAD", "1100M");
        pb.redirectErrorStream(true);
        Process app = pb.start();
        Path appLog = work.resolve("app.log");
        int s3Port;
        try {
            s3Port = awaitStart(app, appLog);
        } catch (Exception e) {
            System.err.println(Files.readString(appLog));
            throw e;
        }
        System.out.printf("App pid %d on port %d, S3 server on port %d, work dir %s%n", app.pid(), port, s3Port, work);
        HeapSampler heap = new HeapSampler(app.pid());
        try {
            Api api = new Api("http://127.0.0.1:" + port);
            long cid = api.competition();
            String[] school = api.school();
            MinioClient s3 = MinioClient.builder().endpoint("http://127.0.0.1:" + s3Port)
                    .credentials(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY).build();
            List<Result> results = new ArrayList<>();
            String loadBefore = loadAverage();
            Path first = work.resolve("first.mp4");
            Files.write(first, TestVideos.mp4(1 << 20));
            for (long size : new long[] {200 * MIB, 1024 * MIB}) {
                Path file = work.resolve("bench-" + size / MIB + "MiB.mp4");
                try (OutputStream out = Files.newOutputStream(file)) {
                    TestVideos.writeMp4(out, size);
                }
                for (int run = 0; run < runs; run++) {
                    long entryId = api.entry(cid, school, first);
                    HeapSampler.Mark mark = heap.mark();
                    long t0 = System.nanoTime();
                    api.stream(entryId, school, file);
                    double apiSeconds = (System.nanoTime() - t0) / 1e9;
                    Usage apiUsage = heap.usage(mark);
                    api.withdraw(entryId, school); // frees the disk for the next run
                    mark = heap.mark();
                    long t1 = System.nanoTime();
                    try (InputStream in = Files.newInputStream(file)) {
                        s3.putObject(PutObjectArgs.builder().bucket("juryroom").object("bench/direct-" + run)
                                .stream(in, Files.size(file), -1).contentType("video/mp4").build());
                    }
                    double directSeconds = (System.nanoTime() - t1) / 1e9;
                    Usage directUsage = heap.usage(mark);
                    s3.removeObject(RemoveObjectArgs.builder().bucket("juryroom").object("bench/direct-" + run).build());
                    Result r = Result.of(file, apiSeconds, directSeconds, apiUsage, directUsage, Files.readString(appLog));
                    results.add(r);
                    System.out.printf(Locale.ROOT, "%-18s run %d: API %.2f s (last byte in after %.2f s, inspect %.2f s, "
                                    + "store's tail %.2f s, STORED %.2f s), direct PUT %.2f s, ratio %.2f; app during API/"
                                    + "direct: peak heap %d/%d MiB (old %d/%d), CPU %.1f/%.1f s, GC %.2f/%.2f s; client CPU "
                                    + "%.1f/%.1f s%n",
                            r.file(), run + 1, apiSeconds, r.lastByteSeconds(), r.inspectSeconds(), r.storeWaitSeconds(),
                            r.finishSeconds(), directSeconds, r.ratio(), apiUsage.peakHeapBytes() / MIB,
                            directUsage.peakHeapBytes() / MIB, apiUsage.peakOldBytes() / MIB,
                            directUsage.peakOldBytes() / MIB, apiUsage.cpuSeconds(), directUsage.cpuSeconds(),
                            apiUsage.gcSeconds(), directUsage.gcSeconds(), apiUsage.clientCpuSeconds(),
                            directUsage.clientCpuSeconds());
                }
                Files.delete(file);
            }
            String loadAfter = loadAverage();
            boolean alive = app.isAlive();
            boolean oom = Files.readString(appLog).contains("OutOfMemoryError");
            Matcher partSize = PART_SIZE.matcher(Files.readString(appLog));
            Report.write(Path.of("docs/performance.md"), results, heap.maxHeap(), alive && !oom, runs, loadBefore,
                    loadAfter, partSize.find() ? partSize.group(1) + " MiB" : "?");
            System.out.println("Wrote docs/performance.md (section 'File uploads'); app alive: " + alive + ", OOM: " + oom);
        } finally {
            heap.stop();
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            Files.copy(appLog, Path.of("target/bench-app.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            deleteTree(work);
        }
    }

    /** The 1-, 5- and 15-minute load averages: other work on the machine competes with the benchmark. */
    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    /** Waits for "Listening on" and returns the embedded S3 port from the start-up log line. */
    static int awaitStart(Process app, Path log) throws Exception {
        CompletableFuture<Integer> s3 = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    Matcher m = S3_PORT.matcher(line);
                    if (m.find()) {
                        s3.complete(Integer.parseInt(m.group(1)));
                    }
                    if (line.contains("Listening on")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the app stopped
            }
            ready.completeExceptionally(new IllegalStateException("the app stopped; see its log"));
        }, "app-log");
        reader.setDaemon(true);
        reader.start();
        ready.get(180, TimeUnit.SECONDS);
        // The embedded mode logs its S3 port before it listens; the production package has none (-1).
        return s3.getNow(-1);
    }

    /**
     * Samples the app's heap (eden + survivors + old, used) and its total GC time with jstat every
     * 100 ms, and reads its CPU time from /proc.
     */
    static final class HeapSampler {
        private final long pid;
        private final Process jstat;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong peakOld = new AtomicLong();
        private volatile double gcSeconds;

        /** Where a measurement starts. */
        record Mark(double gcSeconds, double cpuSeconds, double clientCpuSeconds) {
        }

        HeapSampler(long pid) throws IOException {
            this.pid = pid;
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String[] header = null;
                    String line;
                    while ((line = in.readLine()) != null) {
                        String[] cols = line.trim().split("\\s+");
                        if (cols[0].equals("S0C")) {
                            header = cols;
                            continue;
                        }
                        if (header == null || cols.length != header.length) {
                            continue;
                        }
                        double usedKb = 0;
                        for (int i = 0; i < header.length; i++) {
                            if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                                usedKb += Double.parseDouble(cols[i]);
                            }
                            if (header[i].equals("OU")) {
                                peakOld.accumulateAndGet((long) (Double.parseDouble(cols[i]) * 1024), Math::max);
                            }
                            if (header[i].equals("GCT")) {
                                gcSeconds = Double.parseDouble(cols[i]);
                            }
                        }
                        long used = (long) (usedKb * 1024);
                        peak.accumulateAndGet(used, Math::max);
                        max.accumulateAndGet(used, Math::max);
                    }
                } catch (IOException ignored) {
                    // sampling ends with the app
                }
            }, "jstat");
            t.setDaemon(true);
            t.start();
        }

        Mark mark() throws IOException {
            peak.set(0);
            peakOld.set(0);
            return new Mark(gcSeconds, cpuSeconds(), clientCpuSeconds());
        }

        /** The peaks since {@code since} (old generation: what survives collections), GC and CPU time spent. */
        Usage usage(Mark since) throws IOException, InterruptedException {
            Thread.sleep(150); // one more jstat sample
            return new Usage(peak.get(), peakOld.get(), gcSeconds - since.gcSeconds(), cpuSeconds() - since.cpuSeconds(),
                    clientCpuSeconds() - since.clientCpuSeconds());
        }

        long maxHeap() {
            return max.get();
        }

        /** User + system CPU time of the app process (/proc/pid/stat fields 14 and 15, in clock ticks of 1/100 s). */
        private double cpuSeconds() throws IOException {
            return stat(pid, 11) + stat(pid, 12);
        }

        /** This JVM (the direct PUT's MinIO client) and its finished children (curl): fields 14 to 17. */
        private static double clientCpuSeconds() throws IOException {
            long self = ProcessHandle.current().pid();
            return stat(self, 11) + stat(self, 12) + stat(self, 13) + stat(self, 14);
        }

        private static double stat(long pid, int field) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]) / 100.0;
        }

        void stop() {
            jstat.destroy();
        }
    }

    /** The few API calls the benchmark needs, as organiser/organiser (the embedded profile's demo sign-in). */
    static final class Api {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Api(String base) {
            this.base = base;
        }

        long competition() throws Exception {
            String body = "{\"title\":\"Upload benchmark\",\"submissionOpensAt\":\"" + OffsetDateTime.now().minusDays(1)
                    + "\",\"submissionClosesAt\":\"" + OffsetDateTime.now().plusDays(1) + "\",\"maxEntriesPerSchool\":1000,"
                    + "\"maxSchoolBytes\":1000000000000,\"categories\":[{\"code\":\"video\",\"name\":\"Video\","
                    + "\"allowedTypes\":[\"video/mp4\"],\"maxFileBytes\":1100000000}],\"criteria\":[{\"code\":\"m\","
                    + "\"name\":\"M\",\"weight\":1,\"minScore\":1,\"maxScore\":10}]}";
            long id = number(send("POST", "/api/competitions", body, "organiser", "organiser", 201), "id");
            send("POST", "/api/competitions/" + id + "/transitions", "{\"to\":\"OPEN\"}", "organiser", "organiser", 200);
            return id;
        }

        String[] school() throws Exception {
            String r = send("POST", "/api/schools", "{\"name\":\"Bench School\",\"district\":\"Bench\","
                    + "\"contactName\":\"T\",\"contactEmail\":\"t@school.example\",\"invite\":false}", "organiser", "organiser", 201);
            return new String[] {string(r, "username"), string(r, "password")};
        }

        /** A new entry with one small video (multipart), to add the large file to. */
        long entry(long cid, String[] school, Path first) throws Exception {
            Path entry = Files.createTempFile("entry-", ".json");
            try {
                Files.writeString(entry, "{\"title\":\"Bench\",\"categoryCode\":\"video\",\"participants\":"
                        + "[{\"firstName\":\"Riya\",\"grade\":7}],\"consent\":{\"judging\":true,\"publishWork\":false,"
                        + "\"publishNames\":false,\"attestedBy\":\"T\"}}");
                return number(curl(school, "-F", "entry=<" + entry + ";type=application/json",
                        "-F", "files=@" + first + ";type=video/mp4;filename=first.mp4",
                        base + "/api/competitions/" + cid + "/entries"), "id");
            } finally {
                Files.deleteIfExists(entry);
            }
        }

        /**
         * The measured upload: the file as the raw body of the streaming endpoint, sent by curl
         * from disk with a Content-Length ({@code -T} streams; it does not load the file).
         */
        void stream(long entryId, String[] school, Path file) throws Exception {
            curl(school, "-T", file.toString(), "-X", "POST", "-H", "Content-Type: application/octet-stream",
                    "-H", "Content-Disposition: attachment; filename=clip.mp4",
                    base + "/api/entries/" + entryId + "/files");
        }

        /** Runs curl as the school, expects a 201 and returns the body. */
        private static String curl(String[] school, String... args) throws Exception {
            Path response = Files.createTempFile("response-", ".json");
            try {
                List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", response.toString(), "-w",
                        "%{http_code}", "-u", school[0] + ":" + school[1], "-H", "Expect:"));
                command.addAll(List.of(args));
                Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
                String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                curl.waitFor();
                String body = Files.readString(response);
                if (!status.equals("201")) {
                    throw new IllegalStateException("upload: " + status + " " + body);
                }
                return body;
            } finally {
                Files.deleteIfExists(response);
            }
        }

        void withdraw(long entryId, String[] school) throws Exception {
            send("POST", "/api/entries/" + entryId + "/withdraw", "", school[0], school[1], 200);
        }

        private String send(String method, String path, String body, String user, String password, int expected)
                throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Authorization", auth(user, password))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        private static String auth(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private static long number(String json, String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + json);
            }
            return Long.parseLong(m.group(1));
        }

        private static String string(String json, String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + json);
            }
            return m.group(1);
        }
    }

    /** Writes the "File uploads" section of docs/performance.md, leaving every other section alone. */
    static final class Report {
        static final String START = "<!-- upload-benchmark:start -->";
        static final String END = "<!-- upload-benchmark:end -->";

        static void write(Path doc, List<Result> results, long maxHeap, boolean healthy, int runs, String loadBefore,
                          String loadAfter, String partSize) throws IOException {
            StringBuilder s = new StringBuilder(START).append("\n## File uploads\n\n");
            s.append("Measured by `src/bench/uploads.sh` on ").append(java.time.LocalDate.now()).append(" (")
                    .append(runs).append(" runs per size). Machine: ").append(machine()).append(". Load average "
                    + "(1 / 5 / 15 min) before the runs: ").append(loadBefore).append("; after: ").append(loadAfter)
                    .append(" (other builds share the machine; API and direct PUT are measured alternately in the "
                    + "same run, so their ratio stays comparable).\n\n");
            s.append("The app runs packaged (`quarkus-run.jar`) in embedded mode at `-Xmx256m`: embedded PostgreSQL "
                    + "and the S3Proxy server run inside the app's JVM and share that heap. \"API\" is the streaming "
                    + "upload, `POST /api/entries/{eid}/files` with the MP4 as the raw body, sent by curl from disk "
                    + "with a Content-Length, from the first byte sent to the `201`: type check on the first bytes, "
                    + "PENDING row, then SHA-256, size limits and the spool file while the body arrives and the "
                    + "original goes to the store in multipart parts of ").append(partSize).append(" read from that "
                    + "file (`juryroom.storage.part-size`; the body is read at most two parts ahead of the store); "
                    + "after the last byte the MP4 structure check, the last part, and STORED. \"Direct\" is a "
                    + "MinIO-client `putObject` of "
                    + "the same file to the same S3 server (5 MiB parts). Ratio = direct time / API time (target "
                    + "≥ 0.8).\n\n");
            s.append("| file | size | API upload | last byte in | then: inspect | store's tail | STORED | direct PUT "
                    + "| ratio |\n");
            s.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Result r : results) {
                s.append(String.format(Locale.ROOT,
                        "| %s | %d MiB | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f |%n",
                        r.file(), r.bytes() / MIB, r.apiSeconds(), r.lastByteSeconds(), r.inspectSeconds(),
                        r.storeWaitSeconds(), r.finishSeconds(), r.directSeconds(), r.ratio()));
            }
            s.append("\nThe middle columns are the app's own account (its DEBUG log line for the upload), counted from "
                    + "when the request reached the resource: \"last byte in\" is when the body had been read whole "
                    + "(hashed, counted, spooled; the parts before the last were PUT meanwhile); then the inspection "
                    + "of the spool, the wait for the original's last part and the completion of the multipart "
                    + "upload (\"store's tail\": mostly S3Proxy joining the parts into one file, which the direct "
                    + "PUT's own multipart upload pays too), and recording the row and marking it STORED.\n");
            for (long size : results.stream().mapToLong(Result::bytes).distinct().toArray()) {
                List<Result> of = results.stream().filter(r -> r.bytes() == size).toList();
                double mean = of.stream().mapToDouble(Result::ratio).average().orElse(0);
                double api = of.stream().mapToDouble(Result::apiSeconds).average().orElse(0);
                double afterLastByte = of.stream().mapToDouble(r -> r.inspectSeconds() + r.storeWaitSeconds()
                        + r.finishSeconds()).average().orElse(0);
                s.append(String.format(Locale.ROOT, "%nMean ratio for %d MiB: **%.2f** (target 0.8: %s); after the "
                                + "last byte arrived the app needed %.2f s of the %.2f s (%.0f %%).", size / MIB, mean,
                        mean >= 0.8 ? "met" : "not met", afterLastByte, api, 100 * afterLastByte / api));
            }
            s.append("\n\nWhat the app process spent during each transfer (the embedded S3 server is part of it, so "
                    + "the direct PUT shows the S3 server's own share): peak used heap (eden + survivors + old) as "
                    + "`jstat -gc` saw it every 100 ms, in brackets the peak old generation, i.e. what survived "
                    + "collections or was allocated there directly (G1 puts arrays of half a region or more, here "
                    + "0.5 MiB, straight into the old generation); GC time (jstat `GCT`); CPU time (user + system, "
                    + "/proc) of the app and of the client: curl for the API upload, the benchmark's own JVM (MinIO "
                    + "client) for the direct PUT. Flat means: the same for 200 MiB and 1 GiB, far below the file size.\n\n");
            s.append("| file | peak heap (old) during API | during direct PUT | GC during API | during direct "
                    + "| CPU app + client, API | direct |\n");
            s.append("|---|---|---|---|---|---|---|\n");
            for (Result r : results) {
                s.append(String.format(Locale.ROOT, "| %s | %d MiB (%d MiB) | %d MiB (%d MiB) | %.2f s | %.2f s "
                                + "| %.1f + %.1f s | %.1f + %.1f s |%n", r.file(), r.api().peakHeapBytes() / MIB,
                        r.api().peakOldBytes() / MIB, r.direct().peakHeapBytes() / MIB, r.direct().peakOldBytes() / MIB,
                        r.api().gcSeconds(), r.direct().gcSeconds(), r.api().cpuSeconds(), r.api().clientCpuSeconds(),
                        r.direct().cpuSeconds(), r.direct().clientCpuSeconds()));
            }
            for (long size : results.stream().mapToLong(Result::bytes).distinct().toArray()) {
                List<Result> of = results.stream().filter(r -> r.bytes() == size).toList();
                double api = of.stream().mapToDouble(r -> r.api().cpuSeconds() + r.api().clientCpuSeconds()).average()
                        .orElse(0);
                double direct = of.stream().mapToDouble(r -> r.direct().cpuSeconds() + r.direct().clientCpuSeconds())
                        .average().orElse(0);
                s.append(String.format(Locale.ROOT, "%nCPU for %d MiB, app and client together: %.1f s through the API, "
                        + "%.1f s for the direct PUT.", size / MIB, api, direct));
            }
            s.append(" The API path does the direct PUT's work (the MinIO client hashes and sends each part, "
                    + "S3Proxy checks and writes it) and on top receives the body, hashes it and writes it to the spool; "
                    + "on two cores the difference costs time whenever other processes want the cores too.\n");
            s.append(String.format(Locale.ROOT, "%nHighest used heap over the whole run: %d MiB of 256 MiB; ",
                    maxHeap / MIB));
            s.append(healthy ? "no OutOfMemoryError, the app stayed up.\n" : "**the app failed (see its log)**.\n");
            s.append(END).append('\n');
            String section = s.toString();
            String text = Files.exists(doc) ? Files.readString(doc) : "# Performance\n\n";
            int a = text.indexOf(START);
            int b = text.indexOf(END);
            text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + END.length() + 1)
                    : text + (text.endsWith("\n\n") ? "" : "\n") + section;
            Files.writeString(doc, text);
        }

        static String machine() {
            try {
                String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
                long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
                return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memKb / 1024 / 1024
                        + " GiB RAM, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    /** Deletes {@code dir} and all below it, leaving whatever the system still holds. */
    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
