package org.juryroom.ranking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.rounds.CloseHooks;
import org.juryroom.safeguarding.ConcernAtTheCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The freeze against everything that may run at the same moment: juror writes, other freezes,
 * publication, decisions and settings. Every round must end with one shortlist that verifies, and
 * every write either landed before the freeze (and is what was sealed) or was refused with 409.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class FreezeRaceTest {

    private static final int WRITERS = 20;
    private static final int WRITES_EACH = 3;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    /** One answered scorecard write. */
    private record Write(long jurorId, long entryId, int status, long version, String scores, String body) {
    }

    private static Response freeze(long cid) {
        return ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid);
    }

    /** Jurors agree or not, nothing is ever flagged: the freeze is refused only by the race itself. */
    static World scoredWorld(Random random) {
        World w = JudgingFixtures.world(2, 3, 4, 2);
        JudgingFixtures.assign(w.cid(), 4, 1).then().statusCode(201);
        for (JurorAccount j : w.jurors()) {
            for (long eid : w.entries()) {
                JudgingFixtures.submitScore(j, eid, 1 + random.nextInt(10), random.nextInt(6));
            }
        }
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", w.cid()).then().statusCode(200);
        return w;
    }

    @Test
    void scorecardWritesRacingTheFreezeLandBeforeItAndAreSealedOrAreRefused() {
        Random random = new Random(20240917L);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = scoredWorld(random);
            int total = WRITERS * WRITES_EACH;
            CountDownLatch someWritten = new CountDownLatch(5 + random.nextInt(total - 10));
            List<Callable<List<Write>>> tasks = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                JurorAccount juror = w.juror(random.nextInt(w.jurors().size()));
                long eid = w.entry(random.nextInt(w.entries().size()));
                int[][] marks = new int[WRITES_EACH][];
                for (int k = 0; k < WRITES_EACH; k++) {
                    marks[k] = new int[] {1 + random.nextInt(10), random.nextInt(6)};
                }
                tasks.add(() -> {
                    List<Write> writes = new ArrayList<>();
                    for (int[] m : marks) {
                        Response r = JudgingFixtures.score(juror, eid, m[0], m[1], "SUBMITTED");
                        writes.add(new Write(juror.id(), eid, r.statusCode(),
                                r.statusCode() == 200 ? r.jsonPath().getLong("version") : -1,
                                "message=" + m[0] + ";craft=" + m[1], r.asString()));
                        someWritten.countDown();
                    }
                    return writes;
                });
            }
            Response[] frozen = new Response[1];
            tasks.add(() -> {
                someWritten.await();
                frozen[0] = freeze(w.cid());
                return List.of();
            });
            List<Write> writes = Race.all(tasks).stream().flatMap(List::stream).toList();

            assertThat(frozen[0].statusCode()).as("round %d: the freeze", round).isEqualTo(201);
            ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().statusCode(200)
                    .body("valid", equalTo(true)).body("scorecardsSealed", equalTo(24));
            JsonPath sealed = new JsonPath(ORGANISER.as()
                    .get("/api/competitions/{cid}/shortlist/snapshot.json", w.cid()).then().statusCode(200)
                    .extract().asString());
            Map<String, Map<String, Object>> sealedByPair = new HashMap<>();
            for (Map<String, Object> card : sealed.<Map<String, Object>>getList("scorecards")) {
                sealedByPair.put(card.get("jurorId") + "/" + card.get("entryId"), card);
            }
            Map<String, Write> lastLanded = new HashMap<>();
            for (Write write : writes) {
                assertThat(write.status()).as("round %d: %s", round, write.body()).isIn(200, 409);
                if (write.status() == 409) {
                    assertThat(write.body()).contains("FROZEN");
                    continue;
                }
                lastLanded.merge(write.jurorId() + "/" + write.entryId(), write,
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
            assertThat(writes).as("round %d: some writes landed", round).anyMatch(x -> x.status() == 200);
            lastLanded.forEach((pair, write) -> {
                Map<String, Object> card = sealedByPair.get(pair);
                assertThat(((Number) card.get("version")).longValue()).as("sealed version of %s", pair)
                        .isEqualTo(write.version());
                assertThat(card.get("scores")).isEqualTo(write.scores());
            });
        }
    }

    @Test
    void freezesPublicationsDecisionsAndSettingsAtOnceGiveOneConsistentOutcome() {
        Random random = new Random(77L);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = scoredWorld(random);
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> "freeze " + freeze(w.cid()).statusCode());
                tasks.add(() -> "publish " + ORGANISER.as().contentType(ContentType.JSON)
                        .body(Map.of("to", "PUBLISHED")).post("/api/competitions/{cid}/transitions", w.cid())
                        .statusCode());
                long eid = w.entry(random.nextInt(w.entries().size()));
                int spread = 97 + random.nextInt(3);
                tasks.add(() -> "decide " + ORGANISER.as().contentType(ContentType.JSON)
                        .body(Map.of("entryId", eid, "decision", "CONFIRM"))
                        .post("/api/competitions/{cid}/adjudications", w.cid()).statusCode());
                tasks.add(() -> "settings " + ORGANISER.as().contentType(ContentType.JSON)
                        .body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", spread))
                        .put("/api/competitions/{cid}/ranking-settings", w.cid()).statusCode());
            }
            java.util.Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);

            assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("freeze"))
                    .containsExactlyInAnyOrder("freeze 201", "freeze 409", "freeze 409", "freeze 409");
            assertThat(outcomes).filteredOn(o -> o.startsWith("publish")).allMatch(o -> o.endsWith("200")
                    || o.endsWith("409")).filteredOn(o -> o.endsWith("200")).hasSizeLessThanOrEqualTo(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("decide")).allMatch(o -> o.endsWith("201")
                    || o.endsWith("409"));
            assertThat(outcomes).filteredOn(o -> o.startsWith("settings")).allMatch(o -> o.endsWith("200")
                    || o.endsWith("409"));
            // Decisions that were made were made before the freeze: the frozen competition lists exactly them.
            long decided = outcomes.stream().filter(o -> o.equals("decide 201")).count();
            ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).then().statusCode(200)
                    .body("size()", equalTo((int) decided));
            String status = outcomes.contains("publish 200") ? "PUBLISHED" : "FROZEN";
            ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().body("status", equalTo(status));
            ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().statusCode(200)
                    .body("valid", equalTo(true));
        }
    }

    /**
     * The invariant of a freeze and the holds raised around it: if the competition is FROZEN, no entry unheld
     * when the freeze began was left out of it. Every entry's scorecards are sealed (a held entry's would not
     * be) and the seal verifies.
     */
    private void requireFreezeLeftNoEntryOut(long cid, String round) {
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(true)).body("scorecardsSealed", equalTo(24));
    }

    @Test
    void aConcernRaisedRightAfterTheFreezesHeldCheckGoesThroughAtOnceAndTheFreezeIsRefused() {
        World w = scoredWorld(new Random(20250611L));
        JurorAccount juror = w.juror(1);
        ConcernAtTheCheck hook = new ConcernAtTheCheck(w.cid(), juror.login(), w.entry(2), dataSource);
        QuarkusMock.installMockForType(hook, CloseHooks.class);

        // The concern does not wait for the freeze; the freeze, counting holds again after its ranking, sees it.
        Response frozen = freeze(w.cid());
        Response raised = hook.raised();
        assertThat(raised.statusCode()).as(raised.asString()).isEqualTo(201);
        assertThat(frozen.statusCode()).as(frozen.asString()).isEqualTo(409);
        assertThat(frozen.asString()).contains("held for a safeguarding review");
        ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().body("status", equalTo("JUDGING"));
    }

    @Test
    void concernsRacingTheFreezeGoThroughAndTheFreezeIsRefusedOrSealsEveryEntryNeverASealWithoutOne() {
        Random random = new Random(20250612L);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = scoredWorld(random);
            List<Callable<String>> tasks = new ArrayList<>();
            // Each on an entry of its own: a juror no longer sees an entry once it is held (404).
            List<Long> entries = new ArrayList<>(w.entries());
            java.util.Collections.shuffle(entries, random);
            for (long eid : entries.subList(0, 4)) {
                JurorAccount juror = w.juror(random.nextInt(w.jurors().size()));
                tasks.add(() -> "concern " + ConcernAtTheCheck.raise(juror.login(), eid).statusCode());
            }
            for (int i = 0; i < 2; i++) {
                tasks.add(() -> {
                    Response r = freeze(w.cid());
                    return "freeze " + r.statusCode() + (r.asString().contains("held for a safeguarding review")
                            ? " held" : "");
                });
            }
            java.util.Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);

            String at = "round " + round + ": " + outcomes;
            assertThat(outcomes).as(at).filteredOn(o -> o.startsWith("concern")).allMatch(o -> o.equals("concern 201"));
            String status = ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().statusCode(200)
                    .extract().jsonPath().getString("status");
            if (status.equals("FROZEN")) {
                assertThat(outcomes).as(at).filteredOn(o -> o.startsWith("freeze 201")).hasSize(1);
                requireFreezeLeftNoEntryOut(w.cid(), at);
            } else {
                assertThat(status).as(at).isEqualTo("JUDGING");
                assertThat(outcomes).as(at).filteredOn(o -> o.startsWith("freeze"))
                        .containsExactly("freeze 409 held", "freeze 409 held");
            }
        }
    }
}
