package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Bootstrap#simulate} alone, in seconds, on the distribution RankingBenchmarkTest writes with SQL
 * (100,000 entries, 5 jurors of leniency -2..+2 each, 4 criteria). Not part of the default suite; run
 * {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes
 * org.juryroom.ranking.math.BootstrapBenchmark [entries] [runs]}, or {@code ./mvnw -Pbenchmark test -Dtest=BootstrapBenchmark}
 * (its name is outside Surefire's default patterns, so a plain -Pbenchmark run does not pick it up).
 */
@Tag("benchmark")
class BootstrapBenchmark {

    static final int[] WEIGHTS = {40, 25, 20, 15};
    static final int SHORTLIST = 25;

    @Test
    void simulateAtScale() {
        main(new String[0]);
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<JurorTotal> totals = totals(entries, new Random(42));
        for (NormalisationMethod m : NormalisationMethod.values()) {
            Map<Long, double[]> values = Aggregation.valuesByEntry(Normalisation.normalise(totals, m));
            Map<Long, String> codes = new HashMap<>();
            values.keySet().forEach(id -> codes.put(id, "X-" + id));
            CutPartition cut = Bootstrap.partition(values, SHORTLIST);
            Map<Long, double[]> candidates = new HashMap<>();
            cut.candidates().forEach(id -> candidates.put(id, values.get(id)));
            double[] ms = new double[runs];
            double[] cpu = new double[runs];
            // The process's CPU: the rounds run in parallel slices on several threads.
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            Map<Long, Double> p = null;
            for (int run = -1; run < runs; run++) { // run -1: JIT warm-up
                long start = System.nanoTime();
                long startCpu = os.getProcessCpuTime();
                p = Bootstrap.simulate(candidates, codes, cut.surelyIn().size(), SHORTLIST, BootstrapParams.withSeed(7));
                if (run >= 0) {
                    ms[run] = (System.nanoTime() - start) / 1e6;
                    cpu[run] = (os.getProcessCpuTime() - startCpu) / 1e6;
                }
            }
            java.util.Arrays.sort(ms);
            java.util.Arrays.sort(cpu);
            double sum = p.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "%s: %,d candidates (%d surely in) of %,d entries; simulate median %.0f ms"
                    + " (min %.0f, max %.0f, %d runs), CPU median %.0f ms; sum of pTopN %.3f; load %s%n", m, candidates.size(),
                    cut.surelyIn().size(), values.size(), ms[runs / 2], ms[0], ms[runs - 1], runs,
                    cpu[runs / 2], sum, load());
        }
    }

    /** As RankingBenchmarkTest's SQL: mark = quality + juror leniency + noise in [-1, 1], rounded, clamped. */
    static List<JurorTotal> totals(int entries, Random rnd) {
        List<JurorTotal> out = new ArrayList<>(entries * 5);
        for (long id = 1; id <= entries; id++) {
            double quality = 1 + ((id * 7919) % 100003) / 12500.0;
            for (int j = 0; j < 5; j++) {
                long juror = 1 + (id * 7 + j * 97) % 400;
                int leniency = (int) ((juror * 13) % 5) - 2;
                double weighted = 0;
                for (int w : WEIGHTS) {
                    long mark = Math.max(1, Math.min(10, Math.round(quality + leniency + rnd.nextDouble() * 2 - 1)));
                    weighted += w * (mark - 1) / 9.0;
                }
                out.add(new JurorTotal(juror, id, 100.0 * weighted / 100));
            }
        }
        return out;
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
