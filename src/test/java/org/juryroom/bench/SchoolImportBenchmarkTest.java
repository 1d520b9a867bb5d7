package org.juryroom.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Importing a CSV of 500 schools through the API: the dry run, the real import (500 schools, 500
 * accounts, 500 invitations queued, in one transaction) and the same file again. Not part of the
 * default suite; run with
 *
 * <pre>./mvnw -B -Pbenchmark test -Dtest=SchoolImportBenchmarkTest</pre>
 *
 * It prints the figures and rewrites the "School import" section of docs/performance.md.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
@Tag("benchmark")
class SchoolImportBenchmarkTest {

    static final int SCHOOLS = 500;

    @Test
    void importFiveHundredSchools() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Warm-up on a small file of its own (class loading, JIT), not counted.
        post(csv("warm-" + run, 20), "false");
        String csv = csv(run, SCHOOLS);
        long t0 = System.nanoTime();
        JsonPath dry = post(csv, "true");
        long t1 = System.nanoTime();
        JsonPath real = post(csv, "false");
        long t2 = System.nanoTime();
        JsonPath again = post(csv, "false");
        long t3 = System.nanoTime();
        assertThat(dry.getList("lines")).hasSize(SCHOOLS);
        assertThat(real.getInt("created")).isEqualTo(SCHOOLS);
        assertThat(again.getInt("created")).isZero();
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        String cpus = String.valueOf(Runtime.getRuntime().availableProcessors());
        String section = """
                ## School import

                Measured %s with `./mvnw -B -Pbenchmark test -Dtest=SchoolImportBenchmarkTest`
                (src/test/java/org/juryroom/bench/SchoolImportBenchmarkTest.java), through the HTTP API on the
                test stack (embedded PostgreSQL 17), %s cores, shared with other builds (`/proc/loadavg` when the
                run ended: %s). One run after a 20-line warm-up; wall-clock at the client.

                | `POST /api/schools/import`, 500 lines | time |
                |---|---:|
                | `dryRun=true`: parse, validate every line, look up existing addresses; creates nothing | %,d ms |
                | real import: 500 schools and accounts, 500 invitations queued, one transaction | %,d ms |
                | the same file again: 500 × `EXISTS`, creates nothing | %,d ms |

                An invited account gets no password hash until it accepts (no bcrypt per line); the real import
                costs most in creating 500 schools and accounts and rendering 500 invitation mails; the mails are sent afterwards by the outbox sender, 100 per run. Errors are
                reported per line (`SchoolImportTest` checks a 500-line file with bad lines 101, 251 and 401, and
                that a second import creates nothing).
                <!-- school-import-benchmark:end -->
                """.formatted(LocalDate.now(), cpus, load, ms(t0, t1), ms(t1, t2), ms(t2, t3));
        System.out.println(section);
        Path doc = Path.of("docs/performance.md");
        String text = Files.readString(doc);
        int start = text.indexOf("## School import");
        String end = "<!-- school-import-benchmark:end -->";
        text = start < 0 ? text.stripTrailing() + "\n\n" + section
                : text.substring(0, start) + section + text.substring(text.indexOf(end, start) + end.length() + 1);
        Files.writeString(doc, text);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static JsonPath post(String csv, String dryRun) {
        return ORGANISER.as().contentType("text/csv").body(csv).queryParam("dryRun", dryRun)
                .post("/api/schools/import").then().statusCode(200).extract().jsonPath();
    }

    private static String csv(String run, int n) {
        StringBuilder csv = new StringBuilder("name,district,contactName,contactEmail\n");
        for (int i = 0; i < n; i++) {
            csv.append("Bench School ").append(run).append(' ').append(i).append(",District ").append(i % 30)
                    .append(",Teacher ").append(i).append(",bench-").append(run).append('-').append(i)
                    .append("@import.example\n");
        }
        return csv.toString();
    }
}
