package org.juryroom.entry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.Race;
import org.juryroom.storage.EntryFile;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.juryroom.support.Api.ESSAY;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.as;

/**
 * A school changes its mind before the deadline: a submitted entry is reopened (back to DRAFT,
 * files added and replaced, submitted again), a withdrawal deletes nothing and is undone, within
 * the entry limit and byte quota; and none of it gets past the end of submissions.
 */
@QuarkusTest
class EntryChangesTest {

    private static final FilePart JPEG = FilePart.sample("posters/poster-01.jpg");
    private static final FilePart JPEG2 = FilePart.sample("posters/poster-02.jpg");
    private static final FilePart PNG = FilePart.sample("posters/poster-07.png");
    private static final FilePart PDF = FilePart.sample("essays/essay-01.pdf");

    @Test
    void aSubmittedEntryIsReopenedChangedWithItsFilesAndSubmittedAgain() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        JsonPath created = Api.createEntry(school, cid, Api.entryBody(POSTER), JPEG);
        long eid = created.getLong("id");
        long jpeg = created.getLong("files[0].id");
        Api.submit(school, eid);

        // Submitted is locked: a change needs the explicit reopen, so nothing unsubmits an entry silently.
        Api.problem(as(school).contentType(ContentType.JSON).body(Map.of("title", "Changed"))
                .patch("/api/entries/{eid}", eid), 409);
        Api.problem(Api.postFiles(school, eid, PNG), 409);
        Api.problem(as(school).post("/api/entries/{eid}/reinstate", eid), 409);

        as(school).post("/api/entries/{eid}/reopen", eid).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("submittedAt", nullValue());
        Api.problem(as(school).post("/api/entries/{eid}/reopen", eid), 409);
        // Replace the file: the new one in, the old one out; and a new title.
        long png = Api.expect(Api.postFiles(school, eid, PNG), 201).extract().jsonPath().getLong("[0].id");
        as(school).delete("/api/entries/{eid}/files/{fid}", eid, jpeg).then().statusCode(204);
        as(school).contentType(ContentType.JSON).body(Map.of("title", "Second version"))
                .patch("/api/entries/{eid}", eid).then().statusCode(200);
        Api.submit(school, eid);
        as(school).get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("title", equalTo("Second version")).body("files.id", contains((int) png))
                .body("submittedAt", notNullValue());

        // Once judging starts, the entry is as it was last submitted.
        Api.transition(cid, "JUDGING");
        Api.problem(as(school).post("/api/entries/{eid}/reopen", eid), 409);
        Api.problem(as(school).post("/api/entries/{eid}/withdraw", eid), 409);
    }

    @Test
    void withdrawingDeletesNothingAndIsUndoneToWhatTheEntryWas() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Account other = Api.createSchool();
        long submitted = Api.createEntry(school, cid, POSTER, JPEG);
        Api.submit(school, submitted);
        long draft = Api.createEntry(school, cid, ESSAY, PDF);

        for (long eid : List.of(submitted, draft)) {
            long fid = as(school).get("/api/entries/{eid}", eid).then().extract().jsonPath().getLong("files[0].id");
            as(school).post("/api/entries/{eid}/withdraw", eid).then().statusCode(200)
                    .body("status", equalTo("WITHDRAWN")).body("files", hasSize(1));
            as(school).get("/api/entries/{eid}/files/{fid}", eid, fid).then().statusCode(200);
            Api.problem(as(other).post("/api/entries/{eid}/reinstate", eid), 404);
        }
        as(school).post("/api/entries/{eid}/reinstate", submitted).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("files", hasSize(1)).body("submittedAt", notNullValue());
        as(school).post("/api/entries/{eid}/reinstate", draft).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        Api.problem(as(school).post("/api/entries/{eid}/reinstate", draft), 409);

        // After the end of submissions a withdrawal stands.
        as(school).post("/api/entries/{eid}/withdraw", draft).then().statusCode(200);
        Api.transition(cid, "JUDGING");
        Api.problem(as(school).post("/api/entries/{eid}/reinstate", draft), 409);
        as(school).get("/api/entries/{eid}", draft).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void undoingAWithdrawalMustFitTheEntryLimitAndTheByteQuota() {
        long cid = Api.createOpenCompetition(c -> c.put("maxEntriesPerSchool", 1));
        Account school = Api.createSchool();
        long first = Api.createEntry(school, cid, POSTER, JPEG);
        as(school).post("/api/entries/{eid}/withdraw", first).then().statusCode(200);
        long second = Api.createEntry(school, cid, POSTER, JPEG);
        Api.problem(as(school).post("/api/entries/{eid}/reinstate", first), 409).body("limit", equalTo(1));
        as(school).post("/api/entries/{eid}/withdraw", second).then().statusCode(200);
        as(school).post("/api/entries/{eid}/reinstate", first).then().statusCode(200).body("status", equalTo("DRAFT"));

        // Bytes: a withdrawn entry keeps its files (it can come back), so they still count: withdrawing
        // makes no room for more files, and the entry comes back without needing any.
        long room = JPEG.bytes().length + JPEG2.bytes().length / 2;
        long bytes = Api.createOpenCompetition(c -> c.put("maxSchoolBytes", room));
        Account thrifty = Api.createSchool();
        long a = Api.createEntry(thrifty, bytes, POSTER, JPEG);
        as(thrifty).post("/api/entries/{eid}/withdraw", a).then().statusCode(200);
        Api.problem(Api.postEntry(thrifty, bytes, Api.entryBody(POSTER), JPEG2), 409)
                .body("limitBytes", equalTo((int) room));
        as(thrifty).post("/api/entries/{eid}/reinstate", a).then().statusCode(200);
        as(thrifty).post("/api/entries/{eid}/withdraw", a).then().statusCode(200);
        as(thrifty).get("/api/entries/{eid}", a).then().body("status", equalTo("WITHDRAWN"));
    }

    /**
     * Reopen, submit, withdraw, undo, edit and upload race the organiser ending submissions (OPEN to
     * JUDGING), in an order the seed picks: every answer is a success or a 4xx, whatever committed
     * before the end is what stays (the entries read right after the transition are the entries at
     * the end), and the school never has more active entries or bytes than its limits allow.
     */
    @Test
    void changesRacingTheEndOfSubmissionsNeverChangeAnEntryAfterItNorPassTheLimits() {
        Random random = new Random(16);
        int limitEntries = 2;
        long limitBytes = 3L * JPEG.bytes().length;
        for (int round = 0; round < Race.rounds(3); round++) {
            long cid = Api.createOpenCompetition(c -> {
                c.put("maxEntriesPerSchool", limitEntries);
                c.put("maxSchoolBytes", limitBytes);
            });
            Account school = Api.createSchool();
            List<Long> eids = new ArrayList<>();
            eids.add(Api.createEntry(school, cid, POSTER, JPEG));
            as(school).post("/api/entries/{eid}/withdraw", eids.get(0)).then().statusCode(200);
            eids.add(Api.createEntry(school, cid, POSTER, JPEG));
            eids.add(Api.createEntry(school, cid, POSTER, JPEG));
            Api.submit(school, eids.get(1));

            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long eid = eids.get(random.nextInt(eids.size()));
                String op = List.of("reopen", "submit", "withdraw", "reinstate", "edit", "upload")
                        .get(random.nextInt(6));
                tasks.add(() -> op + " " + switch (op) {
                    case "edit" -> as(school).contentType(ContentType.JSON).body(Map.of("title", Api.unique("T")))
                            .patch("/api/entries/{eid}", eid).statusCode();
                    case "upload" -> Api.postFiles(school, eid, PNG).statusCode();
                    default -> as(school).post("/api/entries/{eid}/" + op, eid).statusCode();
                });
            }
            Map<Long, Map<String, Object>> atTheEnd = new HashMap<>();
            tasks.add(random.nextInt(tasks.size() + 1), () -> {
                int status = Api.postTransition(cid, "JUDGING").statusCode();
                eids.forEach(eid -> atTheEnd.put(eid, state(eid)));
                return "end " + status;
            });
            List<String> outcomes = Race.all(tasks);

            String r = "round " + round + " " + outcomes;
            assertThat(outcomes).as(r).contains("end 200")
                    .allMatch(o -> o.matches(".* (200|201|204|409|422)"));
            for (long eid : eids) {
                assertThat(state(eid)).as(r).isEqualTo(atTheEnd.get(eid));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                List<Entry> active = Entry.list("competition.id = ?1 and status <> ?2", cid, EntryStatus.WITHDRAWN);
                assertThat(active).as(r).hasSizeLessThanOrEqualTo(limitEntries);
                long used = active.stream().flatMap(e -> EntryFile.<EntryFile>list("entryId", e.id).stream())
                        .mapToLong(f -> f.size).sum();
                assertThat(used).as(r).isLessThanOrEqualTo(limitBytes);
            });
        }
    }

    /** What a school could change of an entry, as the organiser reads it. */
    private static Map<String, Object> state(long eid) {
        JsonPath e = Api.expect(Api.organiser().get("/api/entries/{eid}", eid), 200).extract().jsonPath();
        Map<String, Object> s = new HashMap<>();
        s.put("status", e.getString("status"));
        s.put("title", e.getString("title"));
        s.put("submittedAt", e.getString("submittedAt"));
        s.put("files", e.getList("files.id"));
        return s;
    }
}
