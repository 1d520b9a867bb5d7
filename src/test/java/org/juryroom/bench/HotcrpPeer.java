package org.juryroom.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The peer of issue 15: HotCRP's API review save, driven by {@link ApiBenchmark}'s load generator, and
 * the memory of HotCRP's stack (php-fpm, nginx, MariaDB) while it runs. The stack is set up and seeded
 * by {@code src/bench/hotcrp.sh up SRC} (16 PC members each assigned a review of each of 16 papers, a
 * two-mark review form, one API token per member); {@code src/bench/hotcrp.sh [SRC] [seconds]} sets it
 * up, runs {@link #main} and stops it. The work directory comes from {@code -Dhotcrp.work}, then
 * {@code HOTCRP_WORK}, else {@code /tmp/hotcrp-work}.
 */
public final class HotcrpPeer {

    private static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*true");
    private static final Pattern JUROR = Pattern.compile("j(\\d+)@jury\\.example");
    /** A save that wrote: HotCRP lists the score fields it changed. */
    private static final Pattern CHANGED = Pattern.compile("\"change_list\"\\s*:\\s*\\[[^\\]]*\"s0[12]\"");

    private final ApiBenchmark.Client http;
    private final LeanHttp lean;
    /** saves[juror][i][mark - 1]: the save of the juror's i-th paper with that Message mark, built once. */
    private final byte[][][][] saves;
    private final String[] bearer;
    private final Path run;
    private final int[] next = new int[64];
    /** papers[juror]: the papers the juror is assigned to review; marks[juror][i]: the Message mark of that review now. */
    private final int[][] papers;
    private final int[][] marks;

    private HotcrpPeer(Path work) throws IOException {
        Path file = work.resolve("peer.properties");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no HotCRP peer in " + work + ": run src/bench/hotcrp.sh up HOTCRP_SRC");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        http = new ApiBenchmark.Client(p.getProperty("base"));
        bearer = Stream.of(p.getProperty("tokens").split(",")).map(t -> "Bearer " + t).toArray(String[]::new);
        run = Path.of(p.getProperty("run"));
        papers = new int[bearer.length][];
        marks = new int[bearer.length][];
        readAssignments(p.getProperty("socket"), p.getProperty("db"));
        lean = new LeanHttp(p.getProperty("base"));
        saves = new byte[bearer.length][][][];
        for (int j = 0; j < bearer.length; j++) {
            saves[j] = new byte[papers[j].length][10][];
            for (int i = 0; i < papers[j].length; i++) {
                for (int m = 1; m <= 10; m++) {
                    saves[j][i][m - 1] = LeanHttp.request("POST", lean.authority(), path(papers[j][i]), body(m),
                            "Content-Type", "application/json", "Authorization", bearer[j]);
                }
            }
        }
    }

    private static String path(int paper) {
        return "/api/review?p=" + paper;
    }

    private static String body(int m) {
        return "{\"Message\":" + m + ",\"Craft\":" + (1 + m % 6) + ",\"draft\":true}";
    }

    /**
     * Each juror's assigned papers and the marks the database holds now (an earlier run left them anywhere),
     * read with MariaDB's client.
     */
    private void readAssignments(String socket, String db) throws IOException {
        Process q = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + socket, "-uroot", "-N", "-B", "-e",
                "select c.email, r.paperId, r.s01 from PaperReview r join ContactInfo c using (contactId)"
                        + " order by c.email, r.paperId", db).redirectErrorStream(true).start();
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<List<int[]>> rows = new ArrayList<>();
        for (int j = 0; j < bearer.length; j++) {
            rows.add(new ArrayList<>());
        }
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            Matcher j = JUROR.matcher(f[0]);
            if (f.length == 3 && j.matches()) {
                rows.get(Integer.parseInt(j.group(1))).add(new int[] {Integer.parseInt(f[1]),
                        f[2].equals("NULL") ? 0 : Integer.parseInt(f[2])});
            } else if (!line.isBlank()) {
                throw new IllegalStateException("unexpected answer from MariaDB: " + out);
            }
        }
        for (int j = 0; j < bearer.length; j++) {
            if (rows.get(j).isEmpty()) {
                throw new IllegalStateException("juror " + j + " has no review assigned");
            }
            papers[j] = rows.get(j).stream().mapToInt(r -> r[0]).toArray();
            marks[j] = rows.get(j).stream().mapToInt(r -> r[1]).toArray();
        }
    }

    private static HotcrpPeer peer;

    /** Whether a peer set up by {@code src/bench/hotcrp.sh up} is there to measure beside JuryRoom. */
    static boolean available() {
        String work = System.getProperty("hotcrp.work", System.getenv().getOrDefault("HOTCRP_WORK", "/tmp/hotcrp-work"));
        return Files.exists(Path.of(work, "peer.properties"));
    }

    static synchronized HotcrpPeer peer() throws IOException {
        if (peer == null) {
            String work = System.getProperty("hotcrp.work", System.getenv().getOrDefault("HOTCRP_WORK", "/tmp/hotcrp-work"));
            peer = new HotcrpPeer(Path.of(work));
        }
        return peer;
    }

    /** Saves per second of HotCRP's API at {@code clients} concurrent clients (each a PC member with a token). */
    public record Result(int clients, double perSecond, double p99Millis, long failures, String loadBefore,
                         String loadAfter) {
    }

    /**
     * {@code clients} clients, each one PC member saving a draft review of one paper after another through
     * {@code POST /api/review?p=N} with a bearer token, a different mark each time (so every save writes),
     * for {@code seconds} after ApiBenchmark's warm-up: the same load as ApiBenchmark's scorecard PUT.
     */
    public static Result measure(int clients, int seconds) throws Exception {
        HotcrpPeer p = peer();
        if (clients > p.bearer.length) {
            throw new IllegalArgumentException("at most " + p.bearer.length + " clients, one per PC member");
        }
        String before = ApiBenchmark.loadAverage();
        ApiBenchmark.Load l = ApiBenchmark.run(clients, seconds, p::save);
        return new Result(clients, l.perSecond(), l.p99Millis(), l.failures(), before, ApiBenchmark.loadAverage());
    }

    /**
     * As ApiBenchmark.World.put: the thread's juror, the juror's next paper, a mark other than the one it holds
     * (Craft 1-6 for JuryRoom's 0-5). A thread is the only writer of its juror's reviews (one client per juror).
     */
    private boolean save(int thread) throws Exception {
        int j = thread;
        int i = next[thread]++ % papers[j].length;
        int m = marks[j][i] % 10 + 1;
        String body;
        if (ApiBenchmark.JDK_CLIENT) {
            body = http.send("POST", path(papers[j][i]), body(m), bearer[j], 200);
        } else {
            LeanHttp.Response r = lean.send(thread, saves[j][i][m - 1]);
            if (r.status() != 200) {
                throw new IllegalStateException("POST " + path(papers[j][i]) + ": " + r.status() + " " + r.text());
            }
            body = r.text();
        }
        boolean wrote = OK.matcher(body).find() && CHANGED.matcher(body).find();
        if (wrote) {
            marks[j][i] = m;
        }
        return wrote;
    }

    /** Proportional set sizes (KiB) of HotCRP's stack: peaks over the samples, and the last sample. */
    public record StackMemory(int samples, long phpFpmPeakKiB, int phpFpmProcessesPeak, long nginxPeakKiB,
                              long mariadbPeakKiB, long totalPeakKiB, long totalEndKiB) {
        public String report() {
            return String.format(Locale.ROOT, "HotCRP's stack (%d samples): **%d MiB PSS** at peak together, %d MiB at"
                            + " the end; php-fpm peaked at %d MiB (%d processes: master and workers), nginx %d MiB,"
                            + " MariaDB %d MiB", samples, totalPeakKiB >> 10, totalEndKiB >> 10, phpFpmPeakKiB >> 10,
                    phpFpmProcessesPeak, nginxPeakKiB >> 10, mariadbPeakKiB >> 10);
        }
    }

    /**
     * Samples the stack every 200 ms, as ApiBenchmark.Memory samples PostgreSQL: PSS from
     * /proc/PID/smaps_rollup of each server's master (its pid file) and all its descendants.
     */
    public static final class Memory {
        private final Path run;
        private final Thread thread;
        private volatile boolean stop;
        private long php;
        private int phpProcs;
        private long nginx;
        private long mariadb;
        private long total;
        private long last;
        private int samples;

        private Memory(Path run) {
            this.run = run;
            this.thread = new Thread(this::loop, "hotcrp-memory");
            thread.setDaemon(true);
        }

        public static Memory watch() throws IOException {
            Memory m = new Memory(peer().run);
            m.sample();
            m.thread.start();
            return m;
        }

        private void loop() {
            while (!stop) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }

        private void sample() {
            List<Long> fpm = pss("php-fpm.pid");
            long f = fpm.stream().mapToLong(Long::longValue).sum();
            long n = pss("nginx.pid").stream().mapToLong(Long::longValue).sum();
            long d = pss("mariadb.pid").stream().mapToLong(Long::longValue).sum();
            synchronized (this) {
                php = Math.max(php, f);
                phpProcs = Math.max(phpProcs, fpm.size());
                nginx = Math.max(nginx, n);
                mariadb = Math.max(mariadb, d);
                last = f + n + d;
                total = Math.max(total, last);
                samples++;
            }
        }

        /** PSS of the process in {@code pidFile} and its descendants, one entry per process. */
        private List<Long> pss(String pidFile) {
            List<Long> out = new ArrayList<>();
            try {
                long pid = Long.parseLong(Files.readString(run.resolve(pidFile)).trim());
                ProcessHandle.of(pid).ifPresent(h -> Stream.concat(Stream.of(h), h.descendants())
                        .forEach(p -> out.add(kib(p.pid()))));
            } catch (IOException | NumberFormatException gone) {
                // not running (yet): counts as nothing
            }
            return out;
        }

        private static long kib(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading
            }
            return 0;
        }

        public StackMemory stop() throws InterruptedException {
            stop = true;
            thread.join();
            synchronized (this) {
                return new StackMemory(samples, php, phpProcs, nginx, mariadb, total, last);
            }
        }

        /** One sample now, nothing kept running: the stack at rest. */
        public static StackMemory now() throws IOException {
            Memory m = new Memory(peer().run);
            m.sample();
            return new StackMemory(1, m.php, m.phpProcs, m.nginx, m.mariadb, m.total, m.last);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.println("At rest: " + Memory.now().report());
        Memory memory = Memory.watch();
        List<Result> results = new ArrayList<>();
        try {
            for (int clients : new int[] {1, 4, 16}) {
                if (clients > peer().bearer.length) {
                    System.out.println(clients + " clients: skipped, the peer has fewer PC members (one client each)");
                    continue;
                }
                Result r = measure(clients, seconds);
                results.add(r);
                System.out.printf(Locale.ROOT, "HotCRP API review save, %2d clients: %.0f/s (p99 %.1f ms)%s; load %s -> %s%n",
                        clients, r.perSecond(), r.p99Millis(), r.failures() > 0 ? ", " + r.failures() + " failed" : "",
                        r.loadBefore(), r.loadAfter());
            }
        } finally {
            StackMemory m = memory.stop();
            System.out.println("Under that load: " + m.report());
        }
    }
}
