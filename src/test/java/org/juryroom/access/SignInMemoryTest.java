package org.juryroom.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.juryroom.common.ChangeSignals;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.support.RealStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * API sign-ins remembered in memory (SignInMemory): every change of an account or a token made on
 * this instance refuses the very next request (a password reset: BasicSignInTest); one made elsewhere (here: SQL on a connection of its
 * own, as another instance) once its notification arrives, and at once while the change listener is
 * down; an expired token is refused from memory.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SignInMemoryTest {

    @Inject
    ChangeSignals signals;

    @BeforeEach
    void listening() throws InterruptedException {
        eventually("the change listener is connected", signals::healthy);
    }

    private static String token(Login login, Map<String, ?> body) {
        return ApiTokenTest.create(login, body).getString("token");
    }

    private static int competitions(RequestSpecification as) {
        return as.get("/api/competitions").statusCode();
    }

    /** Used twice: the second use is answered from memory (ScorecardStatementsTest counts that). */
    private static void warm(RequestSpecification... callers) {
        for (RequestSpecification as : callers) {
            assertThat(competitions(as)).isEqualTo(200);
        }
    }

    @Test
    void aRevocationADeactivationAndAReactivationTakeEffectOnTheNextRequest() {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        String token = token(juror.login(), Map.of("name", "Remembered"));
        String other = token(juror.login(), Map.of("name", "Kept"));
        warm(ApiTokenTest.bearer(token), ApiTokenTest.bearer(token), ApiTokenTest.bearer(other), juror.login().as(),
                juror.login().as());

        long id = juror.login().as().get("/api/me/tokens").jsonPath().getLong("find { it.name == 'Remembered' }.id");
        juror.login().as().delete("/api/me/tokens/{id}", id).then().statusCode(204);
        assertThat(competitions(ApiTokenTest.bearer(token))).isEqualTo(401);
        assertThat(competitions(ApiTokenTest.bearer(other))).isEqualTo(200);

        ORGANISER.as().post("/api/jurors/{jid}/deactivate", juror.id()).then().statusCode(200);
        assertThat(competitions(ApiTokenTest.bearer(other))).isEqualTo(401);
        assertThat(competitions(juror.login().as())).isEqualTo(401);
        ORGANISER.as().post("/api/jurors/{jid}/reactivate", juror.id()).then().statusCode(200);
        assertThat(competitions(ApiTokenTest.bearer(other))).isEqualTo(200);
        assertThat(competitions(juror.login().as())).isEqualTo(200);
    }

    /** An organiser made a safeguarding lead gains the desk on the next request, by password or by token. */
    @Test
    void aChangeOfRoleTakesEffectOnTheNextRequest() {
        String username = JudgingFixtures.unique("org").replace(' ', '-').toLowerCase(java.util.Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() ->
                Credentials.create(username, "second-organiser-pw", Roles.ORGANISER, null, null));
        Login second = new Login(username, "second-organiser-pw");
        String token = token(second, Map.of("name", "Desk"));
        RequestSpecification bearer = ApiTokenTest.bearer(token);
        assertThat(bearer.get("/api/safeguarding/concerns").statusCode()).isEqualTo(403);
        assertThat(second.as().get("/api/safeguarding/concerns").statusCode()).isEqualTo(403);
        assertThat(bearer.get("/api/safeguarding/concerns").statusCode()).isEqualTo(403);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", "Second organiser", "email",
                        "o2@commission.example", "phone", "033 2222 1111", "account", username))
                .post("/api/safeguarding-leads").then().statusCode(201);
        assertThat(bearer.get("/api/safeguarding/concerns").statusCode()).isEqualTo(200);
        assertThat(second.as().get("/api/safeguarding/concerns").statusCode()).isEqualTo(200);
    }

    /** Expiry is checked on every use of a remembered token: refused with nothing changed anywhere. */
    @Test
    void aRememberedTokenExpires() throws Exception {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        String token = token(juror.login(), Map.of("name", "Brief", "expiresAt", Instant.now().plusSeconds(6).toString()));
        Instant expires = Instant.parse(juror.login().as().get("/api/me/tokens").jsonPath()
                .getString("find { it.name == 'Brief' }.expiresAt"));
        assertThat(competitions(ApiTokenTest.bearer(token))).isEqualTo(200);
        long generation = signals.accountGeneration();
        while (Instant.now().isBefore(expires.plusMillis(50))) {
            Thread.sleep(20);
        }
        assertThat(competitions(ApiTokenTest.bearer(token))).isEqualTo(401);
        assertThat(signals.accountGeneration()).as("refused from memory: nothing changed").isEqualTo(generation);
    }

    /**
     * Another instance changes the accounts (SQL on a connection of its own): this one refuses once the
     * notification arrives; with the listener's connection killed, the next request reads the database.
     */
    @Test
    void anotherInstancesChangeIsSeenByNotificationAndWithoutTheListener() throws Exception {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        String revoked = token(juror.login(), Map.of("name", "Revoked elsewhere"));
        String later = token(juror.login(), Map.of("name", "Revoked while not listening"));
        warm(ApiTokenTest.bearer(revoked), ApiTokenTest.bearer(revoked), ApiTokenTest.bearer(later),
                juror.login().as(), juror.login().as());
        try (Connection elsewhere = direct()) {
            update(elsewhere, "update api_token set revoked_at = now() where token_hash = ?", ApiTokenTest.sha256(revoked));
            eventually("the revocation elsewhere is seen", () -> competitions(ApiTokenTest.bearer(revoked)) == 401);
            try (PreparedStatement st = elsewhere.prepareStatement("update app_user set password_hash = ? where username = ?")) {
                st.setString(1, BcryptUtil.bcryptHash("changed elsewhere"));
                st.setString(2, juror.login().username());
                st.executeUpdate();
            }
            eventually("the password changed elsewhere is seen", () -> competitions(juror.login().as()) == 401);
            Login changed = new Login(juror.login().username(), "changed elsewhere");
            warm(changed.as(), changed.as(), ApiTokenTest.bearer(later), ApiTokenTest.bearer(later));

            List<Integer> before = listeners(elsewhere);
            assertThat(before).hasSize(1);
            long generation = signals.accountGeneration();
            elsewhere.createStatement().execute("select pg_terminate_backend(" + before.get(0) + ")");
            eventually("the loss is noticed", () -> signals.accountGeneration() != generation);
            // No request since the loss: reconnected yet or not, the next one reads the database.
            update(elsewhere, "update api_token set revoked_at = now() where token_hash = ?", ApiTokenTest.sha256(later));
            update(elsewhere, "update app_user set deactivated_at = now() where username = ?", juror.login().username());
            assertThat(competitions(ApiTokenTest.bearer(later))).isEqualTo(401);
            assertThat(competitions(changed.as())).isEqualTo(401);
            eventually("the listener connects again", signals::healthy);
        }
    }

    /**
     * Saves with a token race its revocation (fixed seed: how many saves go before it): no save sent after
     * the revocation's response succeeds, from memory or not; a few rounds.
     */
    @Test
    void noSaveSentAfterARevocationsResponseSucceeds() throws Exception {
        Random random = new Random(1515);
        long cid = JudgingFixtures.openCompetition(1);
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("Revocation race"));
        long eid = JudgingFixtures.submittedEntry(cid, school, JudgingFixtures.unique("Raced"), "s", List.of("Ana"));
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger marks = new AtomicInteger();
        try {
            for (int round = 0; round < Race.rounds(3); round++) {
                var created = ApiTokenTest.create(juror.login(), Map.of("name", "Race " + round));
                String token = created.getString("token");
                long id = created.getLong("view.id");
                record Save(long sentNanos, int status) {
                }
                ConcurrentLinkedQueue<Save> saves = new ConcurrentLinkedQueue<>();
                AtomicLong revokedNanos = new AtomicLong(Long.MAX_VALUE);
                AtomicBoolean stop = new AtomicBoolean();
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    writers.add(pool.submit(() -> {
                        int afterRevocation = 0;
                        while (!stop.get() && afterRevocation < 3) {
                            long sent = System.nanoTime();
                            int mark = 1 + marks.getAndIncrement() % 10;
                            int status = ApiTokenTest.bearer(token).contentType(ContentType.JSON)
                                    .body(Map.of("scores", Map.of("message", mark, "craft", 3), "status", "DRAFT"))
                                    .put("/api/entries/{eid}/scorecard", eid).statusCode();
                            saves.add(new Save(sent, status));
                            if (sent > revokedNanos.get()) {
                                afterRevocation++;
                            }
                        }
                        return null;
                    }));
                }
                int before = 2 + random.nextInt(20);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (saves.size() < before && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                juror.login().as().delete("/api/me/tokens/{id}", id).then().statusCode(204);
                revokedNanos.set(System.nanoTime());
                for (Future<?> w : writers) {
                    w.get(120, TimeUnit.SECONDS);
                }
                stop.set(true);
                long revoked = revokedNanos.get();
                assertThat(saves).as("round " + round).allSatisfy(s -> assertThat(s.status()).isIn(200, 401));
                assertThat(saves.stream().filter(s -> s.sentNanos() > revoked).map(Save::status).toList())
                        .as("round " + round + ": saves sent after the revocation's response").isNotEmpty()
                        .containsOnly(401);
                assertThat(saves.stream().filter(s -> s.status() == 200).count()).as("round " + round).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void update(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    /** Waits (bounded, not a measure of speed) until the condition holds. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as(what).isNegative();
            Thread.sleep(20);
        }
    }

    private static Connection direct() throws java.sql.SQLException {
        return DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
    }

    private static List<Integer> listeners(Connection c) throws java.sql.SQLException {
        try (var rs = c.createStatement().executeQuery(
                "select pid from pg_stat_activity where application_name = 'juryroom-change-signals'")) {
            List<Integer> pids = new ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            return pids;
        }
    }
}
