package org.juryroom.judging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** Parallel writes of the same data answer 200, 201, 409 or 412, never 500, and leave it whole. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ConcurrentWritesTest {

    @Inject
    AgroalDataSource dataSource;

    /**
     * The save's lock wait is bounded: its first statement sets the limit and takes the competition's lock at
     * once, so the limit must already hold while it waits. With the competition locked by another transaction
     * for as long as it takes, the save gives up (409, retry) instead of waiting for ever, and writes nothing.
     */
    @Test
    void aSaveThatCannotGetTheCompetitionsLockGivesUpWith409AndWritesNothing() throws Exception {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        long eid = w.entry(0);
        JudgingFixtures.JurorAccount j = w.juror(0);
        Response answer;
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = holder.prepareStatement(
                    "select id from competition where id = ? for update")) {
                lock.setLong(1, w.cid());
                lock.executeQuery().close();
            }
            CompletableFuture<Response> save = CompletableFuture.supplyAsync(
                    () -> JudgingFixtures.score(j, eid, 7, 3, "DRAFT"));
            try {
                // A bound on the test, not a measure: without the limit the save would wait until the holder ends.
                answer = save.get(3, TimeUnit.MINUTES);
            } finally {
                holder.rollback();
            }
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
        assertThat(answer.jsonPath().getBoolean("retry")).isTrue();
        j.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(404);
        JudgingFixtures.score(j, eid, 7, 3, "DRAFT").then().statusCode(200);
    }

    /**
     * A juror's read of the other jurors' marks and their own corrections, at the same moment: every
     * correction lands wholly before the read (200) or is refused after it (409), never after a read
     * that came first. The read and the saves take the same locks (the competition shared, the
     * juror's assignment row), so the database orders them; without that a save that had loaded the
     * card before the read could still write it afterwards.
     */
    @Test
    void aReadOfTheOthersMarksAndCorrectionsRacingNeverLeaveACorrectionAfterTheRead() throws Exception {
        Random random = new Random(23L);
        for (int round = 0; round < Race.rounds(4); round++) {
            JudgingFixtures.World w = JudgingFixtures.world(1, 1, 2, 1);
            JudgingFixtures.assign(w.cid(), 2, 1).then().statusCode(201);
            long eid = w.entry(0);
            JudgingFixtures.JurorAccount j = w.juror(0);
            JudgingFixtures.submitScore(w.juror(1), eid, 6, 3);
            JudgingFixtures.submitScore(j, eid, 1, 0);
            int first = 2 + random.nextInt(9);
            int[] messages = {first, first == 10 ? 2 : first + 1};
            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> {
                Response r = j.login().as().get("/api/entries/{eid}/scorecards", eid);
                return "read " + r.statusCode() + " " + (r.statusCode() == 200 ? r.jsonPath().getList("others").size()
                        : r.asString());
            });
            for (int message : messages) {
                tasks.add(() -> {
                    Response r = JudgingFixtures.score(j, eid, message, 2, "SUBMITTED");
                    return "save " + r.statusCode() + (r.statusCode() == 409 && r.asString().contains("so yours is final")
                            ? " final" : r.statusCode() == 200 ? " " + message : " " + r.asString());
                });
            }
            java.util.Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);
            assertThat(outcomes).as("round %d", round).contains("read 200 1")
                    .allMatch(o -> o.startsWith("read") || o.equals("save 409 final") || o.matches("save 200 \\d+"));

            var card = j.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(200).extract()
                    .jsonPath();
            java.time.Instant readAt = java.time.Instant.parse(card.getString("peersReadAt"));
            java.time.Instant updatedAt = java.time.Instant.parse(card.getString("updatedAt"));
            long saved = outcomes.stream().filter(o -> o.startsWith("save 200")).count();
            assertThat(card.getInt("version")).as("one version per correction that landed").isEqualTo((int) saved);
            if (saved == 0) {
                assertThat(card.getInt("scores.message")).isEqualTo(1);
            } else {
                assertThat(updatedAt).as("round %d: the last correction before the read", round).isBefore(readAt);
            }
            // The row's last write is the read's: no save wrote the card (and its marks) after it.
            try (java.sql.Connection c = dataSource.getConnection();
                 java.sql.PreparedStatement q = c.prepareStatement("select exists (select 1 from score m"
                         + " where m.scorecard_id = s.id and m.xmin = s.xmin) from scorecard s"
                         + " where s.entry_id = ? and s.juror_id = ?")) {
                q.setLong(1, eid);
                q.setLong(2, j.id());
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).as("round %d: a save wrote after the read", round).isFalse();
                }
            }
        }
    }

    private record Answer(int status, long version, int message, int craft) {
    }

    @Test
    void twentyParallelSavesOfOneScorecardEachSeeTheOneBefore() {
        Random random = new Random(9L);
        for (int round = 0; round < Race.rounds(3); round++) {
            JudgingFixtures.World w = JudgingFixtures.world(1, 1, 1, 1);
            JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
            long eid = w.entry(0);
            JudgingFixtures.JurorAccount j = w.juror(0);
            // The first save races too: the scorecard does not exist yet.
            List<Callable<Answer>> saves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int message = 1 + random.nextInt(10);
                int craft = random.nextInt(6);
                boolean conditional = round > 0 && random.nextBoolean();
                saves.add(() -> {
                    var spec = j.login().as().contentType(ContentType.JSON)
                            .body(Map.of("scores", Map.of("message", message, "craft", craft), "status", "SUBMITTED"));
                    Response r = (conditional ? spec.header("If-Match", "\"0\"") : spec)
                            .put("/api/entries/{eid}/scorecard", eid);
                    return new Answer(r.statusCode(), r.statusCode() == 200 ? r.jsonPath().getLong("version") : -1,
                            message, craft);
                });
            }
            List<Answer> answers = Race.all(saves);
            assertThat(answers).extracting(Answer::status).as("round %d", round).allMatch(s -> s == 200 || s == 412);
            Answer last = answers.stream().filter(a -> a.status() == 200)
                    .max(java.util.Comparator.comparingLong(Answer::version)).orElseThrow();
            j.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(200)
                    .body("version", equalTo((int) last.version()))
                    .body("scores.message", equalTo(last.message())).body("scores.craft", equalTo(last.craft()));
        }
    }

    @Test
    void parallelAbstentionsConflictsAssignmentRunsPanelsAndTransitionsNeverFail() {
        Random random = new Random(31L);
        for (int round = 0; round < Race.rounds(2); round++) {
            JudgingFixtures.World w = JudgingFixtures.world(2, 2, 6, 1);
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> "assign " + JudgingFixtures.assign(w.cid(), 2, 5).statusCode());
            }
            assertThat(Race.all(tasks)).containsOnly("assign 201");
            int perEntry = 2;
            for (long eid : w.entries()) {
                assertThat(ORGANISER.as().get("/api/entries/{eid}/scorecards", eid).statusCode()).isEqualTo(200);
            }

            tasks.clear();
            long eid = w.entry(random.nextInt(w.entries().size()));
            List<JudgingFixtures.JurorAccount> assigned = w.jurors().stream()
                    .filter(j -> JudgingFixtures.queue(j, w.cid()).contains(eid)).toList();
            assertThat(assigned).hasSize(perEntry);
            for (JudgingFixtures.JurorAccount j : assigned) {
                for (int k = 0; k < 3; k++) {
                    tasks.add(() -> "abstain " + j.login().as().contentType(ContentType.JSON)
                            .body(Map.of("status", "ABSTAINED", "abstainReason", "I know the family"))
                            .put("/api/entries/{eid}/scorecard", eid).statusCode());
                }
            }
            JudgingFixtures.JurorAccount declaring = w.juror(random.nextInt(w.jurors().size()));
            long school = w.school(random.nextInt(w.schools().size())).id();
            for (int k = 0; k < 4; k++) {
                tasks.add(() -> "conflict " + declaring.login().as().contentType(ContentType.JSON)
                        .body(Map.of("schoolId", school)).post("/api/me/conflicts").statusCode());
            }
            for (int k = 0; k < 4; k++) {
                Map<Long, List<String>> jury = new LinkedHashMap<>();
                w.jurors().forEach(j -> jury.put(j.id(), List.of()));
                tasks.add(() -> "panels " + ORGANISER.as().contentType(ContentType.JSON)
                        .body(Map.of("jurors", jury.entrySet().stream()
                                .map(e -> Map.of("jurorId", e.getKey(), "categories", e.getValue())).toList()))
                        .put("/api/competitions/{cid}/panels", w.cid()).statusCode());
            }
            java.util.Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);
            assertThat(outcomes).filteredOn(o -> o.startsWith("abstain")).as("round %d", round)
                    .containsOnly("abstain 200");
            assertThat(outcomes).filteredOn(o -> o.startsWith("conflict"))
                    .containsExactlyInAnyOrder("conflict 201", "conflict 200", "conflict 200", "conflict 200");
            assertThat(outcomes).filteredOn(o -> o.startsWith("panels")).containsOnly("panels 200");
            // The abstainers were replaced, each by a different juror.
            long counted = w.jurors().stream().filter(j -> !assigned.contains(j))
                    .filter(j -> JudgingFixtures.queue(j, w.cid()).contains(eid)).count();
            assertThat(counted).isLessThanOrEqualTo(perEntry);

            // Publishing twice at once: one moves it, the other finds it moved.
            ORGANISER.as().post("/api/competitions/{cid}/shortlist", w.cid());
            tasks.clear();
            for (int k = 0; k < 4; k++) {
                tasks.add(() -> "publish " + ORGANISER.as().contentType(ContentType.JSON)
                        .body(Map.of("to", "PUBLISHED")).post("/api/competitions/{cid}/transitions", w.cid())
                        .statusCode());
            }
            List<String> published = Race.all(tasks);
            assertThat(published).allMatch(o -> o.equals("publish 200") || o.equals("publish 409"));
        }
    }
}
