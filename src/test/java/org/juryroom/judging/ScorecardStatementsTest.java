package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.juryroom.access.AppUser;
import org.juryroom.competition.Competition;
import org.juryroom.entry.Entry;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * One scorecard save through the API with a token is one transaction, and reads each row once: the
 * entry, the competition and the scorecard; the account is not read at all (the sign-in remembers it,
 * access/SignInMemory). With HTTP Basic the throttle's one read stays before it. The statements are
 * counted exactly, so one more round trip fails. Counted with Hibernate's statistics (test profile),
 * not timed.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ScorecardStatementsTest {

    @Inject
    SessionFactory sessions;

    @Inject
    org.juryroom.common.ChangeSignals signals;

    private record Counted(long transactions, long statements, long users, long scorecards, long entries,
                           long competitions) {
    }

    private Counted count(Runnable request) {
        Statistics stats = sessions.getStatistics();
        stats.clear();
        request.run();
        return new Counted(stats.getTransactionCount(), stats.getPrepareStatementCount(),
                loads(stats, AppUser.class), loads(stats, Scorecard.class), loads(stats, Entry.class),
                loads(stats, Competition.class));
    }

    private static long loads(Statistics stats, Class<?> type) {
        return stats.getEntityStatistics(type.getName()).getLoadCount();
    }

    private static void put(Supplier<RequestSpecification> as, long eid, int message, String status) {
        as.get().contentType(ContentType.JSON).body(Map.of("scores", Map.of("message", message, "craft", 3),
                "status", status)).put("/api/entries/{eid}/scorecard", eid).then().statusCode(200);
    }

    /**
     * The save's own statements, whatever signed the caller in: the competition locked and read in one (its
     * lock wait's limit set in the same statement), the pair's lock, the entry, the access check, the
     * scorecard with its marks, the rubric, the two writes, the audit line. ApiBenchmark's pgbench script
     * replays these.
     */
    static final long SAVE_STATEMENTS = 9;

    @Test
    void aSaveIsOneTransactionAndReadsEachRowOnce() throws InterruptedException {
        long cid = JudgingFixtures.openCompetition(1);
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school("Statements district");
        long eid = JudgingFixtures.submittedEntry(cid, school, JudgingFixtures.unique("Counted"), "s", List.of("Ana"));
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        String token = juror.login().as().contentType(ContentType.JSON).body(Map.of("name", "counted"))
                .post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        Supplier<RequestSpecification> basic = () -> juror.login().as();
        Supplier<RequestSpecification> bearer = () -> anonymous().header("Authorization", "Bearer " + token);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!signals.healthy()) { // bounded wait for the change listener, not a measure of speed
            assertThat(System.nanoTime() - until).as("the change listener is connected").isNegative();
            Thread.sleep(20);
        }
        // Warm: the password and the account are remembered (no bcrypt, no read), and the token's last use is
        // written (at most once a minute).
        put(basic, eid, 4, "DRAFT");
        put(bearer, eid, 5, "DRAFT");

        // The sign-in's own transaction and statements: Basic asks the throttle; a known token reads nothing.
        Map<String, Long> signInTransactions = Map.of("Basic", 1L, "Bearer", 0L);
        Map<String, Long> signIn = Map.of("Basic", 1L, "Bearer", 0L);
        int[] next = {6};
        for (Map.Entry<String, Supplier<RequestSpecification>> as : List.of(Map.entry("Basic", basic),
                Map.entry("Bearer", bearer))) {
            // A round during which any account changed in this app (other test classes run alongside) proves
            // nothing about the memory's hits; it is repeated.
            Counted c = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                long generation = signals.accountGeneration();
                int mark = 1 + next[0]++ % 10; // a new mark each time: every save writes
                c = count(() -> put(as.getValue(), eid, mark, "DRAFT"));
                if (signals.accountGeneration() == generation && signals.healthy()) {
                    break;
                }
            }
            System.out.println("Scorecard PUT, " + as.getKey() + ": " + c);
            // The sign-in's read (Basic: the throttle), then the save.
            assertThat(c.transactions()).as(c.toString()).isEqualTo(signInTransactions.get(as.getKey()) + 1);
            assertThat(c.statements()).as(as.getKey() + " " + c).isEqualTo(signIn.get(as.getKey()) + SAVE_STATEMENTS);
            assertThat(c.users()).as(c.toString()).isZero();
            assertThat(c.scorecards()).as(c.toString()).isEqualTo(1);
            assertThat(c.entries()).as(c.toString()).isEqualTo(1);
            assertThat(c.competitions()).as(c.toString()).isEqualTo(1);
        }
    }
}
