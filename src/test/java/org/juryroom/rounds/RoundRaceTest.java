package org.juryroom.rounds;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.safeguarding.ConcernAtTheCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** What a round's close and a reassignment depend on, raced against the jurors' writes. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RoundRaceTest {

    private static final long SEED = 20261205L;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    /** A vote or a close, and its answer. */
    private record Outcome(String what, long jurorId, long entryId, String vote, Response response) {
    }

    @Test
    void votesRacingTheCloseAreCountedExactlyWhenCommittedBeforeIt() {
        Random random = new Random(SEED);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = JudgingFixtures.world(2, 3, 4, 2);
            long[] ids = RoundsTest.screeningThenRubric(w.cid(), 2, 1);
            JudgingFixtures.assign(w.cid(), 2, random.nextLong()).then().statusCode(201);
            List<Callable<Outcome>> tasks = new ArrayList<>();
            for (JurorAccount j : w.jurors()) {
                for (long eid : JudgingFixtures.queue(j, w.cid())) {
                    String vote = List.of("YES", "NO", "ABSTAIN").get(random.nextInt(3));
                    tasks.add(() -> new Outcome("vote", j.id(), eid, vote, RoundsTest.vote(j, eid, vote, null)));
                }
            }
            tasks.add(() -> new Outcome("close", 0, 0, null, RoundsTest.close(w.cid(), ids[0],
                    Map.of("acceptFewer", w.entries(), "reason", "closing on time"))));
            Collections.shuffle(tasks, random);
            List<Outcome> results = Race.all(tasks);

            Outcome closed = results.stream().filter(o -> o.what().equals("close")).findFirst().orElseThrow();
            assertThat(closed.response().statusCode()).isEqualTo(200);
            Map<Long, Integer> yes = new HashMap<>();
            int counted = 0;
            for (Outcome o : results) {
                if (o.what().equals("vote")) {
                    // before the close: counted; after it: the entry has left the juror's queue
                    assertThat(o.response().statusCode()).as(o.response().asString()).isIn(200, 404);
                    if (o.response().statusCode() == 200) {
                        counted++;
                        if (o.vote().equals("YES")) {
                            yes.merge(o.entryId(), 1, Integer::sum);
                        }
                    }
                }
            }
            List<Long> expected = w.entries().stream().filter(e -> yes.getOrDefault(e, 0) >= 1).sorted().toList();
            JsonPath body = closed.response().jsonPath();
            assertThat(body.getList("advancing", Long.class)).isEqualTo(expected);
            long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from screening_vote where round_id = :rid and vote is not null")
                    .setParameter("rid", ids[0]).getSingleResult()).longValue());
            assertThat(stored).isEqualTo(counted);
        }
    }

    /**
     * Organisers closing the same screening round at once (a double click, two tabs, two organisers),
     * with a reassignment and an edit of the list among them: one close decides, each other is a 409,
     * and the outcome, the remedies and the audit are written once.
     */
    @Test
    void closesRacingEachOtherAdvanceOnceAndWriteNothingTwice() {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = JudgingFixtures.world(2, 2, 3, 2);
            long[] ids = RoundsTest.screeningThenRubric(w.cid(), 1, 1);
            JudgingFixtures.assign(w.cid(), 1, random.nextLong()).then().statusCode(201);
            for (JurorAccount j : w.jurors()) {
                for (long eid : JudgingFixtures.queue(j, w.cid())) {
                    RoundsTest.vote(j, eid, random.nextBoolean() ? "YES" : "NO", null).then().statusCode(200);
                }
            }
            long absent = w.juror(random.nextInt(3)).id();
            List<Callable<Outcome>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(() -> new Outcome("close", 0, 0, null, RoundsTest.close(w.cid(), ids[0],
                        Map.of("excuse", List.of(absent), "reason", "closing on time"))));
            }
            tasks.add(() -> new Outcome("reassign", absent, 0, null, RoundsTest.reassign(w.cid(), ids[0], absent)));
            tasks.add(() -> new Outcome("edit", 0, 0, null, RoundsTest.putRounds(w.cid(), List.of(
                    RoundsTest.round("id", ids[0], "kind", "SCREENING", "name", "First look", "jurorsPerEntry", 1,
                            "quorum", 1),
                    RoundsTest.round("id", ids[1], "kind", "RUBRIC", "name", "Renamed")))));
            Collections.shuffle(tasks, random);
            List<Outcome> results = Race.all(tasks);

            List<Outcome> closes = results.stream().filter(o -> o.what().equals("close")).toList();
            assertThat(closes.stream().filter(o -> o.response().statusCode() == 200)).hasSize(1);
            closes.stream().filter(o -> o.response().statusCode() != 200).forEach(o ->
                    assertThat(o.response().statusCode()).as(o.response().asString()).isEqualTo(409));
            results.stream().filter(o -> !o.what().equals("close")).forEach(o ->
                    assertThat(o.response().statusCode()).as(o.what() + " " + o.response().asString())
                            .isIn(200, 409));
            JsonPath won = closes.stream().filter(o -> o.response().statusCode() == 200).findFirst().orElseThrow()
                    .response().jsonPath();
            List<Long> advanced = won.getList("advancing", Long.class);
            long rid = ids[0];
            long cid = w.cid();
            Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select (select count(*) from round_outcome where round_id = :rid),"
                            + " (select count(*) from round_outcome where round_id = :rid and advanced),"
                            + " (select count(*) from round_remedy where round_id = :rid and kind = 'EXCUSE'),"
                            + " (select count(*) from audit_event where competition_id = :cid"
                            + " and action = 'ROUND_CLOSED')")
                    .setParameter("rid", rid).setParameter("cid", cid).getSingleResult());
            assertThat(((Number) stored[0]).longValue()).isEqualTo(w.entries().size());
            assertThat(((Number) stored[1]).longValue()).isEqualTo(advanced.size());
            assertThat(((Number) stored[2]).longValue()).isEqualTo(1);
            assertThat(((Number) stored[3]).longValue()).isEqualTo(1);
            assertThat(RoundsTest.rounds(cid).getList("status")).containsExactly("CLOSED", "PENDING");
        }
    }

    @Test
    void reassigningRacingTheJurorsOwnSubmitsLosesAndDuplicatesNothing() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = JudgingFixtures.world(3, 2, 4, 2);
            JudgingFixtures.assign(w.cid(), 2, random.nextLong()).then().statusCode(201);
            JurorAccount x = w.juror(random.nextInt(4));
            List<Long> mine = JudgingFixtures.queue(x, w.cid());
            assertThat(mine).isNotEmpty();
            long rubric = RoundsTest.rounds(w.cid()).getLong("[0].id");
            List<Callable<Outcome>> tasks = new ArrayList<>();
            for (long eid : mine) {
                tasks.add(() -> new Outcome("submit", x.id(), eid, null,
                        JudgingFixtures.score(x, eid, 1 + random.nextInt(10), random.nextInt(6), "SUBMITTED")));
            }
            tasks.add(() -> new Outcome("reassign", x.id(), 0, null, RoundsTest.reassign(w.cid(), rubric, x.id())));
            Collections.shuffle(tasks, random);
            List<Outcome> results = Race.all(tasks);

            List<Long> submitted = new ArrayList<>();
            List<Long> refused = new ArrayList<>();
            Outcome moved = null;
            for (Outcome o : results) {
                if (o.what().equals("reassign")) {
                    moved = o;
                } else if (o.response().statusCode() == 200) {
                    submitted.add(o.entryId());
                } else {
                    assertThat(o.response().statusCode()).as(o.response().asString()).isEqualTo(404);
                    refused.add(o.entryId());
                }
            }
            if (refused.isEmpty()) {
                // every submit came first: nothing was left to move
                assertThat(moved.response().statusCode()).isIn(200, 409);
            } else {
                assertThat(moved.response().statusCode()).as(moved.response().asString()).isEqualTo(200);
                assertThat(moved.response().jsonPath().getInt("moved")).isEqualTo(refused.size());
            }
            // Every entry still has exactly k = 2 jurors; the juror kept exactly what they submitted.
            long cid = w.cid();
            @SuppressWarnings("unchecked")
            List<Object[]> perEntry = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select e.id, count(a.id), count(a.id) filter (where a.juror_id = :x),"
                            + " count(s.id) filter (where s.juror_id = :x and s.status = 'SUBMITTED')"
                            + " from entry e left join assignment a on a.entry_id = e.id"
                            + " left join scorecard s on s.entry_id = a.entry_id and s.juror_id = a.juror_id"
                            + " where e.competition_id = :cid group by e.id")
                    .setParameter("x", x.id()).setParameter("cid", cid).getResultList());
            for (Object[] r : perEntry) {
                long eid = ((Number) r[0]).longValue();
                assertThat(((Number) r[1]).longValue()).as("jurors of entry " + eid).isEqualTo(2);
                boolean kept = ((Number) r[2]).longValue() == 1;
                assertThat(kept).as("juror kept entry " + eid).isEqualTo(submitted.contains(eid));
                assertThat(((Number) r[3]).longValue() == 1).isEqualTo(submitted.contains(eid));
            }
        }
    }

    /** A final juror's ballot or the organiser's close, and its answer. */
    private record Cast(long jurorId, List<List<Long>> order, Response response) {
    }

    @Test
    void ballotsRacingTheFinalCloseAreCountedExactlyWhenCommittedBeforeIt() {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = JudgingFixtures.world(2, 3, 8, 4);
            FinalRoundTest.OpenFinal f = FinalRoundTest.openFinal(w, 2, 1, random.nextLong());
            long cid = w.cid();
            // One ballot before the race, so that the close always has something to count.
            List<List<Long>> first = FinalRoundTest.rotated(f.shortlist(), random.nextInt(f.shortlist().size()));
            FinalRoundTest.ballot(w.juror(0), cid, f.roundId(), first).then().statusCode(200);
            List<Callable<Cast>> tasks = new ArrayList<>();
            for (JurorAccount j : w.jurors().subList(1, w.jurors().size())) {
                List<Long> shuffled = new ArrayList<>(f.shortlist());
                Collections.shuffle(shuffled, random);
                List<List<Long>> order = shuffled.stream().map(List::of).toList();
                tasks.add(() -> new Cast(j.id(), order, FinalRoundTest.ballot(j, cid, f.roundId(), order)));
            }
            List<Long> everyone = w.jurors().stream().map(JurorAccount::id).toList();
            tasks.add(() -> new Cast(0, null, RoundsTest.close(cid, f.roundId(),
                    Map.of("excuse", everyone, "reason", "the jury meeting ended"))));
            Collections.shuffle(tasks, random);
            List<Cast> results = Race.all(tasks);

            Cast closed = results.stream().filter(c -> c.order() == null).findFirst().orElseThrow();
            assertThat(closed.response().statusCode()).as(closed.response().asString()).isEqualTo(200);
            List<List<List<Long>>> counted = new ArrayList<>(List.of(first));
            for (Cast c : results) {
                if (c.order() != null) {
                    // before the close: counted; after it: 409, the round is closed
                    assertThat(c.response().statusCode()).as(c.response().asString()).isIn(200, 409);
                    if (c.response().statusCode() == 200) {
                        counted.add(c.order());
                    }
                }
            }
            org.juryroom.rounds.math.SchulzeResult expected =
                    org.juryroom.rounds.math.Schulze.compute(f.shortlist(), counted);
            JsonPath result = closed.response().jsonPath();
            assertThat(result.getInt("result.ballots")).isEqualTo(counted.size());
            assertThat(result.getList("result.places.entryIds.flatten()", Long.class)).isEqualTo(
                    expected.awards(2, 1).places().stream().map(p -> p.entryIds().get(0)).toList());
            assertThat(result.getList("result.mentions", Long.class)).isEqualTo(expected.awards(2, 1).mentions());
            long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from final_ballot where round_id = :rid").setParameter("rid", f.roundId())
                    .getSingleResult()).longValue());
            assertThat(stored).isEqualTo(counted.size());
            RoundsTest.close(cid, f.roundId(), Map.of()).then().statusCode(409);
            FinalRoundTest.ballot(w.juror(0), cid, f.roundId(), first).then().statusCode(409);
            JudgingFixtures.ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, f.roundId())
                    .then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
        }
    }

    /**
     * A final juror declares a conflict with a finalist's school while the close, past its check of the jury for
     * conflicts, seals their ballot: the declaration waits for the close and comes after it (it took no lock of the
     * frozen competition, so it landed between the check and the seal: a result sealed over the ballot of a juror
     * whose conflict was already declared). The close is held where it stores the result, by a lock on that table.
     */
    @Test
    void aConflictDeclaredWhileTheFinalCloseSealsWaitsForTheCloseAndComesAfterIt() throws Exception {
        World w = JudgingFixtures.world(2, 3, 8, 4);
        FinalRoundTest.OpenFinal f = finalWithEveryBallot(w, SEED + 5);
        long cid = w.cid();
        JurorAccount juror = w.juror(1);
        long school = JudgingFixtures.ORGANISER.as().get("/api/entries/{eid}", f.shortlist().get(0)).then()
                .statusCode(200).extract().jsonPath().getLong("school.id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.sql.Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            held.createStatement().execute("lock table final_result in share mode");
            java.util.concurrent.Future<Response> closed = pool.submit(() -> RoundsTest.close(cid, f.roundId(), Map.of()));
            awaitLockWaiters(1);
            java.util.concurrent.Future<Response> declared = pool.submit(() -> juror.login().as()
                    .contentType(io.restassured.http.ContentType.JSON).body(Map.of("schoolId", school))
                    .post("/api/me/conflicts"));
            // The declaration either committed (it took no lock of the competition) or waits for the close.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!declared.isDone() && lockWaiters() < 2) {
                assertThat(System.nanoTime()).as("the declaration neither committed nor waited").isLessThan(deadline);
                Thread.sleep(5); // polling an observed state, not timing
            }
            held.rollback();
            assertThat(closed.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(declared.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        Object[] order = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select (select max(id) from audit_event where action = 'ROUND_CLOSED' and competition_id = :cid),"
                        + " (select max(id) from audit_event where action = 'CONFLICT_DECLARED'"
                        + " and after_value ->> 'jurorId' = cast(:jid as text))")
                .setParameter("cid", cid).setParameter("jid", juror.id()).getSingleResult());
        assertThat(((Number) order[1]).longValue()).as("the conflict is declared after the close that counted the"
                + " juror's ballot").isGreaterThan(((Number) order[0]).longValue());
        JudgingFixtures.ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, f.roundId())
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private long lockWaiters() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.ResultSet r = c.createStatement().executeQuery("select count(*) from pg_stat_activity"
                     + " where datname = current_database() and wait_event_type = 'Lock'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void awaitLockWaiters(long n) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (lockWaiters() < n) {
            assertThat(System.nanoTime()).as("%d requests waiting for a lock", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The FINAL round open, every juror's ballot cast (nothing stale, nothing missing): only a hold can refuse the close. */
    private static FinalRoundTest.OpenFinal finalWithEveryBallot(World w, long seed) {
        FinalRoundTest.OpenFinal f = FinalRoundTest.openFinal(w, 2, 1, seed);
        for (int i = 0; i < w.jurors().size(); i++) {
            FinalRoundTest.ballot(w.juror(i), w.cid(), f.roundId(),
                    FinalRoundTest.rotated(f.shortlist(), i % f.shortlist().size())).then().statusCode(200);
        }
        return f;
    }

    /**
     * The invariant of the final close and the holds raised around it: if the round closed, no finalist unheld
     * when the close began was left out. The sealed result's candidates are the whole shortlist, and it verifies.
     */
    private void requireCloseLeftNoFinalistOut(long cid, FinalRoundTest.OpenFinal f, String round) {
        String sealed = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select canonical_json from final_result where round_id = :rid").setParameter("rid", f.roundId())
                .getSingleResult());
        assertThat(new JsonPath(sealed).getList("candidates", Long.class)).as(round).isEqualTo(f.shortlist());
        JudgingFixtures.ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, f.roundId())
                .then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aConcernRaisedRightAfterTheFinalClosesHeldCheckGoesThroughAtOnceAndTheCloseIsRefused() {
        World w = JudgingFixtures.world(2, 3, 8, 4);
        FinalRoundTest.OpenFinal f = finalWithEveryBallot(w, SEED + 3);
        ConcernAtTheCheck hook = new ConcernAtTheCheck(w.cid(), JudgingFixtures.ORGANISER, f.shortlist().get(0),
                dataSource);
        QuarkusMock.installMockForType(hook, CloseHooks.class);

        Response closed = RoundsTest.close(w.cid(), f.roundId(), Map.of());
        Response raised = hook.raised();
        assertThat(raised.statusCode()).as(raised.asString()).isEqualTo(201);
        assertThat(closed.statusCode()).as(closed.asString()).isEqualTo(409);
        assertThat(closed.asString()).contains("held for a safeguarding review");
        assertThat(RoundsTest.rounds(w.cid()).getList("status")).containsExactly("CLOSED", "OPEN");
    }

    @Test
    void concernsRacingTheFinalCloseGoThroughAndTheCloseIsRefusedOrCountsEveryFinalist() {
        Random random = new Random(SEED + 4);
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = JudgingFixtures.world(2, 3, 8, 4);
            FinalRoundTest.OpenFinal f = finalWithEveryBallot(w, random.nextLong());
            long cid = w.cid();
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long eid = f.shortlist().get(random.nextInt(f.shortlist().size()));
                tasks.add(() -> "concern " + ConcernAtTheCheck.raise(JudgingFixtures.ORGANISER, eid).statusCode());
            }
            tasks.add(() -> {
                Response r = RoundsTest.close(cid, f.roundId(), Map.of());
                return "close " + r.statusCode() + (r.asString().contains("held for a safeguarding review")
                        ? " held" : "");
            });
            Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);

            String at = "round " + round + ": " + outcomes;
            assertThat(outcomes).as(at).filteredOn(o -> o.startsWith("concern")).allMatch(o -> o.equals("concern 201"));
            String close = outcomes.stream().filter(o -> o.startsWith("close")).findFirst().orElseThrow();
            if (close.equals("close 200")) {
                requireCloseLeftNoFinalistOut(cid, f, at);
            } else {
                assertThat(close).as(at).isEqualTo("close 409 held");
                assertThat(RoundsTest.rounds(cid).getList("status")).as(at).containsExactly("CLOSED", "OPEN");
            }
        }
    }
}
