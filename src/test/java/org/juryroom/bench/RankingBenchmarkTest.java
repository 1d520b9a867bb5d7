package org.juryroom.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.ranking.RankingQuery;
import org.juryroom.ranking.RankingService;
import org.juryroom.ranking.math.NormalisationMethod;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The ranking at national scale: 100,000 entries × 5 jurors × 4 criteria on the embedded
 * PostgreSQL, against a bare SQL GROUP BY over the same rows. Not part of {@code verify}; run with
 *
 * <pre>./mvnw -B -Pbenchmark test</pre>
 *
 * It prints the figures and rewrites the "Ranking at scale" section of docs/performance.md.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
@Tag("benchmark")
class RankingBenchmarkTest {

    static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
    static final int JURORS_PER_ENTRY = 5;
    static final int JURORS = 400;
    static final int SCHOOLS = 5_000;
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int SHORTLIST = 25;

    @Inject
    EntityManager em;

    @Inject
    RankingService ranking;

    @Inject
    RankingQuery query;

    /** {@code baseline}: the baseline query timed right before each run (null: compare with the first row). */
    record Timing(String what, double[] millis, double[] baseline) {
        double median() {
            return median(millis);
        }

        static double median(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        double min() {
            return Arrays.stream(millis).min().orElse(0);
        }

        double max() {
            return Arrays.stream(millis).max().orElse(0);
        }
    }

    @Test
    void rankingAtScale() throws IOException {
        long t0 = System.nanoTime();
        long cid = competition();
        generate(cid);
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long scorecards = count("select count(*) from scorecard sc join entry e on e.id = sc.entry_id"
                + " where e.competition_id = " + cid);
        long scores = count("select count(*) from score s join scorecard sc on sc.id = s.scorecard_id"
                + " join entry e on e.id = sc.entry_id where e.competition_id = " + cid);
        assertThat(scorecards).isEqualTo((long) ENTRIES * JURORS_PER_ENTRY);
        assertThat(scores).isEqualTo(scorecards * 4);

        if (Boolean.getBoolean("bench.explain")) {
            explain(cid);
        }
        List<Timing> timings = new ArrayList<>();
        Supplier<Long> bareSql = () -> count("""
                select count(*) from (
                    select sc.entry_id, avg(s.value) from scorecard sc
                    join score s on s.scorecard_id = sc.id join entry e on e.id = sc.entry_id
                    where e.competition_id = %d group by sc.entry_id) t""".formatted(cid));
        timings.add(time("Bare SQL: `select entry_id, avg(value) … group by entry_id` (baseline)", bareSql));
        Map<NormalisationMethod, int[]> partitions = new LinkedHashMap<>();
        for (NormalisationMethod m : NormalisationMethod.values()) {
            settings(cid, m);
            partitions.put(m, QuarkusTransaction.requiringNew().call(() -> {
                query.materialise(cid, m, RankingQuery.Basis.LIVE);
                List<RankingQuery.Row> reachable = query.reachable(SHORTLIST);
                var cut = org.juryroom.ranking.math.Bootstrap.partition(reachable.stream().map(r ->
                        new org.juryroom.ranking.math.EntryRange(r.entryId(), r.minValue(), r.maxValue())).toList(),
                        SHORTLIST);
                return new int[] {reachable.size(), cut.surelyIn().size(), cut.candidates().size()};
            }));
            timings.add(time("Ranking computed in the database into temporary tables (as the freeze does), " + m
                    + " (materialise + count)", () ->
                    QuarkusTransaction.requiringNew().call(() -> {
                        query.materialise(cid, m, RankingQuery.Basis.LIVE);
                        return query.scoredCount();
                    })));
            Supplier<Long> firstPage = () -> {
                RankingService.RankingView v = ranking.ranking(cid, 0, 100);
                assertThat(v.total()).isEqualTo(ENTRIES);
                assertThat(v.rows().get(0).pTopN()).isNotNull();
                return v.total();
            };
            timings.add(time("`GET /ranking` page 1 (100 rows), " + m + ", first request after a scorecard change:"
                    + " computes and keeps the ranking and the bootstrap pTopN (1,000 rounds)", RUNS,
                    () -> touch(cid), firstPage, bareSql));
            timings.add(time("`GET /ranking` page 1, " + m + ", any later request (kept ranking; flags,"
                    + " adjudication check, titles)", firstPage));
            timings.add(time("`GET /ranking` page 500 (rows 50,001-50,100), " + m + ", any later request",
                    () -> ranking.ranking(cid, 500, 100).total()));
            timings.add(time("`GET /ranking` page 500, " + m + ", first request after a scorecard change", RUNS,
                    () -> touch(cid), () -> ranking.ranking(cid, 500, 100).total(), bareSql));
        }
        long rubric = ORGANISER.as().get("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract()
                .jsonPath().getLong("[0].id");
        Supplier<Long> preview = () -> (long) slow().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid,
                rubric).then().statusCode(200).extract().jsonPath().getList("advancing").size();
        timings.add(time("`GET /rounds/{rid}/close-preview`, the RUBRIC round of 100,000 entries, Z_SCORE,"
                + " first request after a scorecard change", RUNS, () -> touch(cid), preview, bareSql));
        timings.add(time("`GET /rounds/{rid}/close-preview`, the RUBRIC round, Z_SCORE, any later request", preview));
        settings(cid, NormalisationMethod.Z_SCORE);
        timings.add(time("`GET /exports/ranking.csv` (all 100,000 rows), Z_SCORE", 1, () ->
                (long) slow().get("/api/competitions/{cid}/exports/ranking.csv", cid).then().statusCode(200)
                        .extract().asByteArray().length));
        timings.add(time("`POST /shortlist` freeze: seal 500,000 scorecards, canonical JSON, SHA-256", 1, () -> {
            slow().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
            return 1L;
        }));
        timings.add(time("`GET /shortlist/verify`: rebuild JSON, compare live scorecards, re-rank", 1, () -> {
            slow().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                    .body("valid", org.hamcrest.Matchers.equalTo(true));
            return 1L;
        }));

        String report = report(generateSeconds, scorecards, scores, timings, partitions);
        System.out.println(report);
        writeSection(Path.of("docs/performance.md"), "## Ranking at scale", report);
    }

    /** -Dbench.explain=true: EXPLAIN ANALYZE of the statements that compute the ranking. */
    @SuppressWarnings("unchecked")
    private void explain(long cid) {
        for (NormalisationMethod method : NormalisationMethod.values()) {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("set local work_mem = '64MB'").executeUpdate();
                List<Object> plan = em.createNativeQuery("explain (analyze, buffers) " + RankingQuery.computeStatement(
                        cid, method, RankingQuery.Basis.LIVE, SHORTLIST)).getResultList();
                System.out.println("EXPLAIN " + method + " RankingQuery.compute");
                plan.forEach(System.out::println);
            });
            QuarkusTransaction.requiringNew().run(() -> {
                for (String sql : RankingQuery.materialiseStatements(cid, method, RankingQuery.Basis.LIVE)) {
                    if (sql.startsWith("create temp table")) {
                        String select = sql.substring(sql.indexOf("on commit drop as") + "on commit drop as".length());
                        List<Object> plan = em.createNativeQuery("explain (analyze, buffers) " + select).getResultList();
                        System.out.println("EXPLAIN " + method + " " + sql.substring(0, 40));
                        plan.forEach(System.out::println);
                    }
                    em.createNativeQuery(sql).executeUpdate();
                }
            });
        }
    }

    private long competition() {
        Map<String, Object> body = Map.of("title", JudgingFixtures.unique("Benchmark"),
                "submissionOpensAt", OffsetDateTime.now().minusDays(1).toString(),
                "submissionClosesAt", OffsetDateTime.now().plusDays(1).toString(),
                "shortlistSize", SHORTLIST, "maxEntriesPerSchool", 1000,
                "categories", List.of(
                        Map.of("code", "poster", "name", "Poster", "allowedTypes", List.of("image/png"), "maxFileBytes", 1000),
                        Map.of("code", "essay", "name", "Essay", "allowedTypes", List.of("application/pdf"), "maxFileBytes", 1000)),
                "criteria", List.of(
                        Map.of("code", "message", "name", "Message", "weight", 40, "minScore", 1, "maxScore", 10),
                        Map.of("code", "originality", "name", "Originality", "weight", 25, "minScore", 1, "maxScore", 10),
                        Map.of("code", "craft", "name", "Craft", "weight", 20, "minScore", 1, "maxScore", 10),
                        Map.of("code", "age-fit", "name", "Right for children", "weight", 15, "minScore", 1, "maxScore", 10)));
        long cid = ORGANISER.as().contentType(ContentType.JSON).body(body).post("/api/competitions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        JudgingFixtures.transition(cid, "OPEN");
        JudgingFixtures.transition(cid, "JUDGING");
        return cid;
    }

    /** generate_series inserts: schools, jurors, entries, 5 scorecards per entry, 4 marks per scorecard. */
    private void generate(long cid) {
        String tag = "b" + cid + "-";
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            exec("insert into school (name, district, contact_name, contact_email) select 'Bench school " + tag
                    + "' || g, 'Bench district ' || (g % 50), 'T', 'b@x.example' from generate_series(1, " + SCHOOLS + ") g");
            exec("insert into juror (name, email) select 'Bench juror " + tag + "' || g, 'j@x.example'"
                    + " from generate_series(1, " + JURORS + ") g");
            long smin = count("select min(id) from school where name like 'Bench school " + tag + "%'");
            long jmin = count("select min(id) from juror where name like 'Bench juror " + tag + "%'");
            exec("""
                    insert into entry (competition_id, school_id, category_id, code, title, status, consent_judging,
                                       consent_publish_work, consent_publish_names, consent_attested_by, submitted_at)
                    select %d, %d + (g %% %d), (select id from category where competition_id = %d
                                               and code = case when g %% 3 = 0 then 'essay' else 'poster' end),
                           'X%d-' || g, 'Bench entry ' || g, 'SUBMITTED', true, true, false, 'T', now()
                    from generate_series(1, %d) g""".formatted(cid, smin, SCHOOLS, cid, cid, ENTRIES));
            // Five distinct jurors per entry: offsets 0, 97, 194, 291, 388 modulo 400 never collide.
            exec("""
                    insert into scorecard (entry_id, juror_id, status)
                    select e.id, %d + ((e.id * 7 + j * 97) %% %d), 'SUBMITTED'
                    from entry e cross join generate_series(0, %d) j where e.competition_id = %d"""
                    .formatted(jmin, JURORS, JURORS_PER_ENTRY - 1, cid));
            // Mark = the entry's quality + the juror's leniency (-2..+2) + noise, clamped to 1..10.
            em.createNativeQuery("select setseed(0.42)").getSingleResult();
            exec("""
                    insert into score (scorecard_id, criterion_id, value)
                    select sc.id, cr.id, greatest(1, least(10, round(
                               1 + ((e.id * 7919) %% 100003) / 12500.0 + ((sc.juror_id * 13) %% 5) - 2 + (random() * 2 - 1))))
                    from scorecard sc join entry e on e.id = sc.entry_id
                    join criterion cr on cr.competition_id = e.competition_id
                    where e.competition_id = %d""".formatted(cid));
            exec("analyze");
        });
    }

    /** A scorecard write that changes nothing, in its own transaction: the kept ranking is recomputed next time. */
    private void touch(long cid) {
        QuarkusTransaction.requiringNew().run(() -> exec("update scorecard set status = status where id = (select"
                + " min(sc.id) from scorecard sc join entry e on e.id = sc.entry_id where e.competition_id = " + cid + ")"));
    }

    private void settings(long cid, NormalisationMethod m) {
        ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("rankingMethod", m.name(), "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200);
    }

    private void exec(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    private long count(String sql) {
        return QuarkusTransaction.joiningExisting().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private Timing time(String what, Supplier<Long> run) {
        return time(what, RUNS, run);
    }

    private Timing time(String what, int runs, Supplier<Long> run) {
        return time(what, runs, () -> { }, run);
    }

    /** {@code before} runs untimed ahead of each run (and of the warm-up). */
    private Timing time(String what, int runs, Runnable before, Supplier<Long> run) {
        return time(what, runs, before, run, null);
    }

    /**
     * {@code before} runs untimed ahead of each run (and of the warm-up); {@code baseline}, when given, is
     * timed right before each run, so that the ratio compares runs made under the same load.
     */
    private Timing time(String what, int runs, Runnable before, Supplier<Long> run, Supplier<Long> baseline) {
        if (runs > 1) {
            before.run();
            run.get(); // warm-up: JIT, plan cache, database buffers
        }
        double[] ms = new double[runs];
        double[] base = baseline == null ? null : new double[runs];
        for (int i = 0; i < runs; i++) {
            if (baseline != null) {
                base[i] = millis(baseline);
            }
            before.run();
            ms[i] = millis(run);
        }
        Timing t = new Timing(what, ms, base);
        System.out.printf(Locale.ROOT, "%-100s median %8.1f ms  (min %.1f, max %.1f, %d runs)%s%n", what, t.median(),
                t.min(), t.max(), runs, base == null ? ""
                        : String.format(Locale.ROOT, "; baseline beside it %.1f ms", Timing.median(base)));
        return t;
    }

    private static double millis(Supplier<Long> run) {
        long start = System.nanoTime();
        run.get();
        return (System.nanoTime() - start) / 1e6;
    }

    /** The organiser, with a socket timeout that lets a 100,000-entry freeze finish. */
    private static io.restassured.specification.RequestSpecification slow() {
        return ORGANISER.as().config(io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 900_000).setParam("http.connection.timeout", 60_000)));
    }

    private String report(double generateSeconds, long scorecards, long scores, List<Timing> timings,
                          Map<NormalisationMethod, int[]> partitions) {
        StringBuilder sb = new StringBuilder();
        sb.append("Measured ").append(LocalDate.now()).append(" with `./mvnw -B -Pbenchmark test` ")
                .append("(src/test/java/org/juryroom/bench/RankingBenchmarkTest.java), on the embedded PostgreSQL ")
                .append(postgresVersion()).append(" the tests use, on ").append(machine()).append(".\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %,d entries × %d jurors × 4 criteria = %,d scorecards and %,d marks"
                + " (%,d jurors, %,d schools), written with `generate_series` in %.0f s. Timings are wall-clock in the"
                + " application (the same calls the HTTP endpoints make), median of %d runs after one warm-up; the"
                + " export, freeze and verification ran once.%n%n", ENTRIES, JURORS_PER_ENTRY, scorecards, scores,
                JURORS, SCHOOLS, generateSeconds, RUNS));
        sb.append("| what | median | min | max | baseline | median ÷ baseline |\n|---|---:|---:|---:|---:|---:|\n");
        double first = timings.get(0).median();
        for (Timing t : timings) {
            double baseline = t.baseline() == null ? first : Timing.median(t.baseline());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s%s | %s |%n", t.what(), fmt(t.median()),
                    fmt(t.min()), fmt(t.max()), fmt(baseline), t.baseline() == null ? "" : " (beside it)",
                    ratio(t.median() / baseline)));
        }
        sb.append("\nBootstrap work at the cut (top ").append(SHORTLIST).append("): ");
        partitions.forEach((m, p) -> sb.append(String.format(Locale.ROOT, "%s: %,d entries can reach the top %d,"
                + " %d are in it in every round, %,d are simulated; ", m, p[0], SHORTLIST, p[1], p[2])));
        sb.setLength(sb.length() - 2);
        sb.append(".\n");
        return sb.toString();
    }

    private static String ratio(double r) {
        return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.4f", r);
    }

    private static String fmt(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
                : ms >= 100 ? String.format(Locale.ROOT, "%,.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private String postgresVersion() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((String) em.createNativeQuery("show server_version").getSingleResult()).split(" ")[0]);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the CPU stays unnamed
        }
        long memGb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGb + " GiB RAM, "
                + "shared with other builds (load average " + loadAverage() + " when the run ended)";
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final String START = "<!-- ranking-benchmark:start -->";
    static final String END = "<!-- ranking-benchmark:end -->";

    /**
     * Replaces this benchmark's section (between its markers), or appends it; every other section of
     * the file (the upload benchmark writes its own) stays as it is.
     */
    static void writeSection(Path file, String heading, String body) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Performance\n";
        String section = START + "\n" + heading + "\n\n" + body.stripTrailing() + "\n" + INTERPRETATION
                .stripTrailing() + "\n" + END;
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + section + text.substring(end + END.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.stripTrailing() + "\n");
    }

    static final String INTERPRETATION = """

            How to read it:

            - **The baseline** is the least a ranking could cost if it had to read the marks: one pass over the
              2,000,000 marks, grouped by entry. The ranking does not read the marks at all: each scorecard's
              weighted total is kept in `scorecard.total` by a database trigger as marks are written (same
              formula as the maths module), so the ranking reads 500,000 totals, then computes per-juror
              z-scores, per-entry mean, median, spread and the tie-break over all 100,000 entries, inside
              PostgreSQL.
            - **"Baseline"** is the first row's median, or "(beside it)": the baseline query timed right before
              each run of that row, so that both saw the same load (a first request after a change is compared
              with that).
            - **Once per change.** `RankingQuery.compute` ranks in one statement (no temporary tables) and
              returns every ranked row (without titles) with the sorted values of the entries that can reach the
              cut, read with plain JDBC in binary; the rows and the bootstrap's pTopN are kept in memory (`RankingCache`) until a scorecard, an entry or a conflict of the competition changes
              (V34's `ranking_change`, checked with one index lookup per request). A page is then a slice of
              the kept rows plus one query for its 100 titles, schools and categories: "any later request".
              "First request after a change" is what the organiser waits for once per change (each run
              follows a write that changes nothing but still counts as a change).
            - **The bootstrap** (1,000 rounds over jurors, in the JVM) only simulates the entries that can still
              reach the top 25: the partition proves the rest are always in or always out (docs/judging.md). Its
              cost is part of the first request after a
              change (whichever page it asks for: the kept ranking carries the bootstrap), and it grows with how many entries the jurors'
              marks leave within reach of the cut (the line above: many more with RAW_MEAN, whose harsh/lenient
              jurors widen every entry's range). Each round visits those entries from the highest possible
              mean down and stops at the first that can no longer reach the 25 kept so far, so a round
              draws for a fraction of them (`BootstrapBenchmark` times the simulation alone in seconds).
            - **The freeze and the verification** read every counted scorecard and its marks (they seal and
              re-check each one, recomputing its total from the marks rather than trusting the stored one) and
              write or rebuild a canonical JSON of about 60 MB; they run once per competition, in a transaction
              allowed 15 minutes.
            - The load average in the machine line says how busy the machine was; the spread between min and
              max shows the noise.
            """;
}
