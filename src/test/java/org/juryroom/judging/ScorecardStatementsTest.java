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
 * One scorecard save through the API is one transaction after the sign-in's read, and reads each
 * row once: the user (by the sign-in, reused by the request), the entry, the competition and the
 * scorecard; the statements are counted exactly, so one more round trip fails. Counted with
 * Hibernate's statistics (test profile), not timed.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ScorecardStatementsTest {

    @Inject
    SessionFactory sessions;

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

    /** The save's own statements (locks, reads, the writes, the audit line), whatever signed the caller in. */
    static final long SAVE_STATEMENTS = 11;

    @Test
    void aSaveIsOneTransactionAndReadsEachRowOnce() {
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
        // Warm: the password is remembered (no bcrypt) and the token's last use is written (at most once a minute).
        put(basic, eid, 4, "DRAFT");
        put(bearer, eid, 5, "DRAFT");

        // The sign-in's statements: Basic reads the account and asks the throttle; a token is one lookup.
        Map<String, Long> signIn = Map.of("Basic", 2L, "Bearer", 1L);
        int message = 6;
        for (Map.Entry<String, Supplier<RequestSpecification>> as : List.of(Map.entry("Basic", basic),
                Map.entry("Bearer", bearer))) {
            int m = message++;
            Counted c = count(() -> put(as.getValue(), eid, m, "DRAFT"));
            System.out.println("Scorecard PUT, " + as.getKey() + ": " + c);
            // The sign-in's read, then the save.
            assertThat(c.transactions()).as(c.toString()).isEqualTo(2);
            assertThat(c.statements()).as(as.getKey() + " " + c).isEqualTo(signIn.get(as.getKey()) + SAVE_STATEMENTS);
            assertThat(c.users()).as(c.toString()).isEqualTo(1);
            assertThat(c.scorecards()).as(c.toString()).isEqualTo(1);
            assertThat(c.entries()).as(c.toString()).isEqualTo(1);
            assertThat(c.competitions()).as(c.toString()).isEqualTo(1);
        }
    }
}
