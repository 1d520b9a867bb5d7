package org.juryroom.safeguarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.Race;
import org.juryroom.web.Fixtures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two leads act on the same concern at once (one releases, the other excludes, each records a step) while a
 * juror raises a second concern about the entry: exactly one decision closes it, every step that got 200 is in
 * its history and the leads' trail once, every other got 409, and the entry's hold follows the decision.
 */
@QuarkusTest
class ConcernRaceTest {

    record Step(String lead, String action, Map<String, Object> body) {
    }

    @Test
    void twoLeadsDecidingOneConcernAtOnceLeaveOneDecisionAndEveryStepRecordedOnce() {
        Random random = new Random(20261207L);
        SafeguardingTest.Lead first = SafeguardingTest.lead();
        SafeguardingTest.Lead second = SafeguardingTest.lead();
        for (int round = 0; round < Race.rounds(3); round++) {
            Fixtures.OnePoster p = Fixtures.onePosterInJudging("Two desks", 3, "Race School", "Race poster", "Bina");
            long id = Fixtures.organiser().contentType(ContentType.JSON).body(SafeguardingTest.concern("DISCLOSURE", "NORMAL"))
                    .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
            Map<String, Object> report = new HashMap<>(Map.of("action", "REPORTED", "reportedTo", "SJPU",
                    "reportedAt", java.time.Instant.now().toString()));
            List<Step> steps = new ArrayList<>(List.of(
                    new Step("first", "RELEASED", Map.of("action", "RELEASED", "note", "Fiction.")),
                    new Step("second", "EXCLUDED", Map.of("action", "EXCLUDED", "note", "Shows a pupil.")),
                    new Step("first", "TRIAGED", Map.of("action", "TRIAGED", "note", "Read.")),
                    new Step("second", "REPORTED", report)));
            Collections.shuffle(steps, random);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (Step s : steps) {
                SafeguardingTest.Lead lead = s.lead().equals("first") ? first : second;
                tasks.add(() -> lead.api().contentType(ContentType.JSON).body(s.body())
                        .post("/api/safeguarding/concerns/" + id + "/actions").statusCode());
            }
            // The juror's own concern about the same entry arrives in the middle of it.
            tasks.add(random.nextInt(tasks.size() + 1), () -> p.juror().api().contentType(ContentType.JSON)
                    .body(SafeguardingTest.concern("OTHER", "NORMAL")).post("/api/entries/" + p.entryId() + "/concerns")
                    .statusCode());
            List<Integer> statuses = Race.all(tasks);
            assertThat(statuses).as("round %d", round).allMatch(s -> s == 200 || s == 201 || s == 409);

            List<String> recorded = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < tasks.size(); i++) {
                if (statuses.get(i) == 201) {
                    continue; // the juror's concern
                }
                Step s = steps.get(k++);
                if (statuses.get(i) == 200) {
                    recorded.add(s.action());
                }
            }
            assertThat(recorded.stream().filter(a -> a.equals("RELEASED") || a.equals("EXCLUDED")))
                    .as("round %d: %s", round, statuses).hasSize(1);
            String decision = recorded.contains("RELEASED") ? "RELEASED" : "EXCLUDED";

            JsonPath concern = first.api().get("/api/safeguarding/concerns/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(concern.getList("history.action", String.class)).as("round %d", round)
                    .containsExactlyInAnyOrderElementsOf(recorded).last().isEqualTo(decision);
            assertThat(concern.getString("outcome")).isEqualTo(decision);
            List<String> trail = first.api().queryParam("concern", id).get("/api/safeguarding/audit").then().statusCode(200)
                    .extract().jsonPath().getList("action", String.class);
            assertThat(trail.stream().filter(a -> a.startsWith("ACTION_")).map(a -> a.substring("ACTION_".length())))
                    .as("round %d", round).containsExactlyInAnyOrderElementsOf(recorded);

            // The juror's concern is open either way: a release leaves the entry held, an exclusion keeps it excluded.
            Fixtures.organiser().get("/api/entries/" + p.entryId()).then().statusCode(200)
                    .body("safeguardingHold", org.hamcrest.Matchers.equalTo(decision.equals("RELEASED") ? "HELD" : "EXCLUDED"));
            p.juror().api().get("/api/entries/" + p.entryId()).then().statusCode(404);
            int held = audit(p.cid(), "ENTRY_HELD");
            int released = audit(p.cid(), "ENTRY_RELEASED");
            int excluded = audit(p.cid(), "ENTRY_EXCLUDED");
            if (decision.equals("RELEASED")) {
                assertThat(excluded).isZero();
                assertThat(held).as("round %d: held again after the release, or never released", round)
                        .isEqualTo(1 + released);
            } else {
                assertThat(excluded).isEqualTo(1);
                assertThat(released).isZero();
                assertThat(held).isEqualTo(1);
            }
        }
    }

    private static int audit(long cid, String action) {
        return Fixtures.organiser().queryParam("action", action).get("/api/competitions/" + cid + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }
}
