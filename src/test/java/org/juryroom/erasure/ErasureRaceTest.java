package org.juryroom.erasure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.ObjectStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Erasure racing the school's uploads, edits, file removals and withdrawal of the same entry: no
 * 500, and the end state is one of the two orders: an erased entry has no file row, no object and
 * nothing personal, whatever arrived around it.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ErasureRaceTest {

    @Inject
    ObjectStore store;

    @Inject
    io.agroal.api.AgroalDataSource db;

    @Test
    void erasureRacingUploadsEditsAndWithdrawalsLeavesNothingBehind() throws Exception {
        Random random = new Random(1111);
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        for (int r = 0; r < Race.rounds(4); r++) {
            int round = r;
            String marker = ErasureFixtures.marker();
            long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
            long fid = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath().getLong("files[0].id");
            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> status("erase", ORGANISER.as().post("/api/entries/{eid}/erasure", eid)));
            tasks.add(() -> status("erase again", ORGANISER.as().post("/api/entries/{eid}/erasure", eid)));
            for (int i = 0; i < 2; i++) {
                String name = marker + "_more" + i + ".png";
                tasks.add(() -> status("upload", school.login().as()
                        .multiPart("files", name, JudgingFixtures.png(Map.of("Author", marker)), "image/png")
                        .post("/api/entries/{eid}/files", eid)));
            }
            tasks.add(() -> status("edit", school.login().as().contentType(ContentType.JSON)
                    .body(Map.of("title", "New title " + marker, "statement", "More words of " + marker))
                    .patch("/api/entries/{eid}", eid)));
            tasks.add(() -> status("remove file", school.login().as().delete("/api/entries/{eid}/files/{fid}", eid,
                    fid)));
            if (random.nextBoolean()) {
                tasks.add(() -> status("withdraw", school.login().as().post("/api/entries/{eid}/withdraw", eid)));
            }
            Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);
            assertThat(outcomes).as("round " + round).noneMatch(o -> o.endsWith(" 500") || o.endsWith(" 503"))
                    .allMatch(o -> o.matches(".* (200|201|204|404|409)"));
            assertThat(outcomes).as("round " + round).contains("erase 200");

            // Erased means: no row, no object, nothing personal; also after the last racer finished.
            QuarkusTransaction.requiringNew().run(() -> {
                Entry e = Entry.findById(eid);
                assertThat(e.personalDataErasedAt).as("round " + round + " " + outcomes).isNotNull();
                assertThat(e.title).isEmpty();
                assertThat(e.statement).isNull();
                assertThat(e.participants).extracting((Participant p) -> p.firstName).containsOnlyNulls();
                assertThat(EntryFile.count("entryId", eid)).isZero();
            });
            assertThat(ErasureFixtures.objectsOf(store, eid)).as("round " + round + " " + outcomes).isEmpty();
        }
    }

    /**
     * Jurors' scorecard saves (a change to an existing scorecard and a first one), each naming the child,
     * racing the guardian's withdrawal of judging consent, which erases the entry: whichever commits
     * first, no scorecard comment and no audit value names the child afterwards, and the entry is erased.
     */
    @Test
    void scorecardSavesRacingAWithdrawalNeverWriteTheChildsNameBack() throws Exception {
        Random random = new Random(2222);
        int rounds = Race.rounds(3);
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        List<String> markers = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            String marker = ErasureFixtures.marker();
            long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
            JudgingFixtures.submit(school, eid);
            markers.add(marker);
            entries.add(eid);
        }
        JudgingFixtures.JurorAccount first = JudgingFixtures.juror();
        JudgingFixtures.JurorAccount second = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(first.id(), List.of(), second.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 2, 3).then().statusCode(201);
        for (int r = 0; r < rounds; r++) {
            int round = r;
            String marker = markers.get(r);
            long eid = entries.get(r);
            String token = org.juryroom.consent.ConsentFixtures.tokens(eid).get(0);
            // The first juror's draft names the child already; the second has no scorecard yet.
            comment(first, eid, "DRAFT", "Draft: " + marker + " signed it").then().statusCode(200);
            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> status("withdraw", org.juryroom.consent.ConsentFixtures.withdraw(token, "judging")));
            for (int i = 0; i < 2; i++) {
                String words = "Save " + i + ": the poster " + marker + " drew";
                String secondStatus = i == 0 ? "DRAFT" : "SUBMITTED";
                tasks.add(() -> status("first", comment(first, eid, "DRAFT", words)));
                tasks.add(() -> status("second", comment(second, eid, secondStatus, words)));
            }
            Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);
            assertThat(outcomes).as("round " + round).contains("withdraw 200")
                    .allMatch(o -> o.matches(".* (200|404|409)"));

            QuarkusTransaction.requiringNew().run(() -> {
                Entry e = Entry.findById(eid);
                assertThat(e.personalDataErasedAt).as("round " + round + " " + outcomes).isNotNull();
                assertThat(e.erasureReason).isEqualTo("CONSENT_WITHDRAWN");
            });
            // No scorecard comment, audit value or any other column names the child.
            assertThat(ErasureFixtures.databaseHits(db, marker)).as("round " + round + " " + outcomes).isEmpty();
            // And no later save brings it back.
            comment(first, eid, "DRAFT", "Later: " + marker).then().statusCode(org.hamcrest.Matchers.oneOf(404, 409));
        }
    }

    private static Response comment(JudgingFixtures.JurorAccount juror, long eid, String status, String comment) {
        return juror.login().as().contentType(ContentType.JSON).body(Map.of("scores", Map.of("message", 7,
                "craft", 3), "status", status, "comment", comment)).put("/api/entries/{eid}/scorecard", eid);
    }

    private static String status(String what, Response response) {
        return what + " " + response.statusCode();
    }
}
