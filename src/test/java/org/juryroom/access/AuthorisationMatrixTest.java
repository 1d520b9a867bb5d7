package org.juryroom.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.juryroom.judging.JudgingFixtures;
import org.junit.jupiter.api.Test;
import org.juryroom.access.MatrixFixture.Ctx;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Every endpoint of the application × every role, with the status each must get. The endpoints
 * come from the OpenAPI document, so an endpoint added without a row here fails this test (and so
 * does a row for an endpoint that no longer exists). One line per endpoint: add yours.
 *
 * <p>Roles: anonymous, school A (owns the entry), school B, a juror assigned to the entry, a juror
 * on the jury but not assigned to it, a juror assigned to it who then declared a conflict with
 * school A, and the organiser. Writes that would change the shared fixture are aimed so that the
 * permitted role hits a deterministic domain answer (e.g. 409 for a locked entry): the status
 * proves the request passed the access check.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class AuthorisationMatrixTest {

    enum Role { ANONYMOUS, SCHOOL_A, SCHOOL_B, JUROR_ASSIGNED, JUROR_UNASSIGNED, JUROR_CONFLICTED, ORGANISER, SAFEGUARDING }

    record Row(String endpoint, Function<Ctx, Function<RequestSpecification, Response>> call, int... expected) {
    }

    private static long rubricRound(Ctx c) {
        return ORGANISER.as().get("/api/competitions/{cid}/rounds", c.cid()).then().statusCode(200).extract()
                .jsonPath().getLong("find { it.kind == 'RUBRIC' }.id");
    }

    // anonymous, school A, school B, juror assigned, juror unassigned, juror conflicted, organiser, safeguarding lead
    private static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        // Competitions
        r.add(new Row("GET /api/competitions", c -> s -> s.get("/api/competitions"), 401, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("POST /api/competitions", c -> s -> s.contentType(ContentType.JSON).body(newCompetition())
                .post("/api/competitions"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("GET /api/competitions/{cid}", c -> s -> s.get("/api/competitions/" + c.cid()),
                401, 200, 200, 200, 200, 200, 200, 200));
        // The judging competition's categories and rubric are fixed: the organiser's edit is refused by state.
        r.add(new Row("PUT /api/competitions/{cid}", c -> s -> s.contentType(ContentType.JSON).body(newCompetition())
                .put("/api/competitions/" + c.cid()), 401, 403, 403, 403, 403, 403, 409, 403));
        r.add(new Row("POST /api/competitions/{cid}/transitions", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("to", "OPEN")).post("/api/competitions/" + c.cid() + "/transitions"),
                401, 403, 403, 403, 403, 403, 409, 403));
        // Entries and files
        r.add(new Row("POST /api/competitions/{cid}/entries", c -> s -> s.multiPart("entry", entryJson(), "application/json")
                .multiPart("files", "p.png", JudgingFixtures.png(), "image/png")
                .post("/api/competitions/" + c.cid() + "/entries"), 401, 409, 409, 403, 403, 403, 403, 403));
        r.add(new Row("GET /api/competitions/{cid}/entries", c -> s -> s.get("/api/competitions/" + c.cid() + "/entries"),
                401, 200, 200, 200, 200, 200, 200, 404));
        r.add(new Row("GET /api/entries/{eid}", c -> s -> s.get("/api/entries/" + c.eid()),
                401, 200, 404, 200, 404, 404, 200, 404));
        r.add(new Row("PATCH /api/entries/{eid}", c -> s -> s.contentType(ContentType.JSON).body(Map.of("title", "New"))
                .patch("/api/entries/" + c.eid()), 401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /api/entries/{eid}/submit", c -> s -> s.post("/api/entries/" + c.eid() + "/submit"),
                401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /api/entries/{eid}/withdraw", c -> s -> s.post("/api/entries/" + c.eid() + "/withdraw"),
                401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /api/entries/{eid}/reopen", c -> s -> s.post("/api/entries/" + c.eid() + "/reopen"),
                401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /api/entries/{eid}/reinstate", c -> s -> s.post("/api/entries/" + c.eid() + "/reinstate"),
                401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("POST /api/entries/{eid}/files", c -> s -> s.multiPart("files", "x.png", JudgingFixtures.png(),
                "image/png").post("/api/entries/" + c.eid() + "/files"), 401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/files/{fid}", c -> s -> s.get("/api/entries/" + c.eid() + "/files/" + c.fid()),
                401, 200, 404, 200, 404, 404, 200, 404));
        r.add(new Row("GET /api/entries/{eid}/files/{fid}/thumbnail", c -> s -> s.get("/api/entries/" + c.eid()
                + "/files/" + c.fid() + "/thumbnail"), 401, 200, 404, 200, 404, 404, 200, 404));
        r.add(new Row("GET /api/entries/{eid}/files/{fid}/original", c -> s -> s.get("/api/entries/" + c.eid()
                + "/files/" + c.fid() + "/original"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/entries/{eid}/files/{fid}/review", c -> s -> s.post("/api/entries/" + c.eid()
                + "/files/" + c.fid() + "/review"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("DELETE /api/entries/{eid}/files/{fid}", c -> s -> s.delete("/api/entries/" + c.eid() + "/files/"
                + c.fid()), 401, 409, 404, 403, 403, 403, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/redactions", c -> s -> s.get("/api/entries/" + c.eid() + "/redactions"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/entries/{eid}/redactions", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("terms", List.of())).put("/api/entries/" + c.eid() + "/redactions"),
                401, 403, 403, 403, 403, 403, 200, 403));
        // Schools and jurors
        r.add(new Row("GET /api/schools", c -> s -> s.get("/api/schools"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/schools", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name",
                JudgingFixtures.unique("Matrix school"), "district", "M", "contactName", "T", "contactEmail", "t@x.example"))
                .post("/api/schools"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("GET /api/schools/{sid}", c -> s -> s.get("/api/schools/" + c.schoolB().id()),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("GET /api/jurors", c -> s -> s.get("/api/jurors"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/jurors", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name",
                JudgingFixtures.unique("Matrix juror"), "email", "j@x.example")).post("/api/jurors"),
                401, 403, 403, 403, 403, 403, 201, 403));
        // Judging
        r.add(new Row("GET /api/competitions/{cid}/panels", c -> s -> s.get("/api/competitions/" + c.cid() + "/panels"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/competitions/{cid}/panels", c -> s -> s.contentType(ContentType.JSON).body(panels(c))
                .put("/api/competitions/" + c.cid() + "/panels"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/competitions/{cid}/assignments", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("jurorsPerEntry", 2)).post("/api/competitions/" + c.cid() + "/assignments"),
                401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("GET /api/me/assignments", c -> s -> s.queryParam("competition", c.cid()).get("/api/me/assignments"),
                401, 403, 403, 200, 200, 200, 403, 403));
        r.add(new Row("PUT /api/entries/{eid}/scorecard", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("message", 5), "status", "DRAFT")).put("/api/entries/" + c.eid() + "/scorecard"),
                401, 403, 403, 200, 404, 404, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/scorecard", c -> s -> s.get("/api/entries/" + c.eid() + "/scorecard"),
                401, 403, 403, 200, 404, 404, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/scorecards", c -> s -> s.get("/api/entries/" + c.eid() + "/scorecards"),
                401, 403, 403, 409, 404, 404, 200, 403));
        // No screening round in the judging competition: every juror's vote is 404, as for an unassigned entry.
        r.add(new Row("PUT /api/entries/{eid}/screening", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("vote", "YES")).put("/api/entries/" + c.eid() + "/screening"),
                401, 403, 403, 404, 404, 404, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/screening", c -> s -> s.get("/api/entries/" + c.eid() + "/screening"),
                401, 403, 403, 404, 404, 404, 403, 403));
        // Conflicts
        r.add(new Row("POST /api/me/conflicts", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("schoolId", c.spareSchool())).post("/api/me/conflicts"), 401, 403, 403, 201, 201, 201, 403, 403));
        r.add(new Row("GET /api/me/conflicts", c -> s -> s.get("/api/me/conflicts"), 401, 403, 403, 200, 200, 200, 403, 403));
        // One's own language: every signed-in user (English, the default, so the fixture reads as before).
        r.add(new Row("GET /api/me/language", c -> s -> s.get("/api/me/language"), 401, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("PUT /api/me/language", c -> s -> s.contentType(ContentType.JSON).body(Map.of("language", "en"))
                .put("/api/me/language"), 401, 204, 204, 204, 204, 204, 204, 204));
        r.add(new Row("GET /api/me/conflicts/schools", c -> s -> s.get("/api/me/conflicts/schools"),
                401, 403, 403, 200, 200, 200, 403, 403));
        r.add(new Row("GET /api/competitions/{cid}/conflicts", c -> s -> s.get("/api/competitions/" + c.cid() + "/conflicts"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/competitions/{cid}/conflicts", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("jurorId", c.unassigned().id(), "schoolId", c.otherSpareSchool()))
                .post("/api/competitions/" + c.cid() + "/conflicts"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("DELETE /api/competitions/{cid}/conflicts/{conflictId}", c -> s -> s.delete("/api/competitions/"
                + c.cid() + "/conflicts/" + c.removableConflict()), 401, 403, 403, 403, 403, 403, 204, 403));
        // Ranking, adjudication, freeze
        r.add(new Row("GET /api/competitions/{cid}/ranking", c -> s -> s.get("/api/competitions/" + c.cid() + "/ranking"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/competitions/{cid}/ranking-settings", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", 30))
                .put("/api/competitions/" + c.cid() + "/ranking-settings"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/competitions/{cid}/adjudications", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("entryId", c.eid(), "decision", "CONFIRM"))
                .post("/api/competitions/" + c.cid() + "/adjudications"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("GET /api/competitions/{cid}/adjudications", c -> s -> s.get("/api/competitions/" + c.cid()
                + "/adjudications"), 401, 403, 403, 403, 403, 403, 200, 403));
        // Rounds: the judging competition's one RUBRIC round is open with a draft missing, so its close and a
        // reassignment of the unassigned juror (no work) are refused by state, and an empty list by the rules.
        r.add(new Row("GET /api/competitions/{cid}/rounds", c -> s -> s.get("/api/competitions/" + c.cid() + "/rounds"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/competitions/{cid}/rounds", c -> s -> s.contentType(ContentType.JSON).body(List.of())
                .put("/api/competitions/" + c.cid() + "/rounds"), 401, 403, 403, 403, 403, 403, 422, 403));
        r.add(new Row("GET /api/competitions/{cid}/rounds/{rid}/close-preview", c -> s -> s.get("/api/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/close-preview"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/competitions/{cid}/rounds/{rid}/close", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of()).post("/api/competitions/" + c.cid() + "/rounds/" + rubricRound(c) + "/close"),
                401, 403, 403, 403, 403, 403, 409, 403));
        r.add(new Row("POST /api/competitions/{cid}/rounds/{rid}/reassign", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("fromJurorId", c.unassigned().id()))
                .post("/api/competitions/" + c.cid() + "/rounds/" + rubricRound(c) + "/reassign"),
                401, 403, 403, 403, 403, 403, 409, 403));
        // A round's jury, the final ballot and result, aimed at the RUBRIC round: no FINAL round there, so a
        // juror's ballot is 404 (not a final juror) and the result is 404 to everyone (none, and not published).
        r.add(new Row("GET /api/competitions/{cid}/rounds/{rid}/jury", c -> s -> s.get("/api/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/jury"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/competitions/{cid}/rounds/{rid}/jury", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of()).put("/api/competitions/" + c.cid() + "/rounds/" + rubricRound(c) + "/jury"),
                401, 403, 403, 403, 403, 403, 422, 403));
        r.add(new Row("GET /api/competitions/{cid}/rounds/{rid}/ballot", c -> s -> s.get("/api/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/ballot"), 401, 403, 403, 404, 404, 404, 403, 403));
        r.add(new Row("PUT /api/competitions/{cid}/rounds/{rid}/ballot", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("order", List.of())).put("/api/competitions/" + c.cid() + "/rounds/" + rubricRound(c)
                        + "/ballot"), 401, 403, 403, 404, 404, 404, 403, 403));
        r.add(new Row("GET /api/competitions/{cid}/rounds/{rid}/result", c -> s -> s.get("/api/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/result"), 404, 404, 404, 404, 404, 404, 404, 404));
        r.add(new Row("GET /api/competitions/{cid}/rounds/{rid}/result/verify", c -> s -> s.get("/api/competitions/"
                + c.cid() + "/rounds/" + rubricRound(c) + "/result/verify"), 401, 403, 403, 403, 403, 403, 404, 403));
        // Nothing is scored in the judging competition: the organiser's freeze is refused by state, not by role.
        r.add(new Row("POST /api/competitions/{cid}/shortlist", c -> s -> s.post("/api/competitions/" + c.cid() + "/shortlist"),
                401, 403, 403, 403, 403, 403, 409, 403));
        r.add(new Row("GET /api/competitions/{cid}/shortlist", c -> s -> s.get("/api/competitions/" + c.publishedCid()
                + "/shortlist"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("GET /api/competitions/{cid}/shortlist/snapshot.json", c -> s -> s.get("/api/competitions/"
                + c.publishedCid() + "/shortlist/snapshot.json"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("GET /api/competitions/{cid}/shortlist/verify", c -> s -> s.get("/api/competitions/"
                + c.publishedCid() + "/shortlist/verify"), 401, 403, 403, 403, 403, 403, 200, 403));
        for (String export : List.of("shortlist.csv", "shortlist.pdf", "ranking.csv", "ranking.pdf")) {
            r.add(new Row("GET /api/competitions/{cid}/exports/" + export, c -> s -> s.get("/api/competitions/"
                    + c.publishedCid() + "/exports/" + export), 401, 403, 403, 403, 403, 403, 200, 403));
        }
        r.add(new Row("GET /api/competitions/{cid}/exports/screening-votes.csv", c -> s -> s.get("/api/competitions/"
                + c.publishedCid() + "/exports/screening-votes.csv"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("GET /api/competitions/{cid}/audit", c -> s -> s.get("/api/competitions/" + c.cid() + "/audit"),
                401, 403, 403, 403, 403, 403, 200, 403));
        // Public
        r.add(new Row("GET /api/public/competitions/{cid}/shortlist", c -> s -> s.get("/api/public/competitions/"
                + c.publishedCid() + "/shortlist"), 200, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("GET /api/public/competitions/{cid}/shortlist/{rank}/files/{fid}", c -> s -> s.get(
                "/api/public/competitions/" + c.publishedCid() + "/shortlist/1/files/" + c.publishedFid()),
                200, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("GET /api/public/competitions/{cid}/shortlist/{rank}/files/{fid}/thumbnail", c -> s -> s.get(
                "/api/public/competitions/" + c.publishedCid() + "/shortlist/1/files/" + c.publishedFid() + "/thumbnail"),
                200, 200, 200, 200, 200, 200, 200, 200));
        // Safeguarding. Raising a concern would hold the shared entry: an empty concern shows who passes the
        // access check (422) and who never learns the entry exists (404).
        r.add(new Row("POST /api/entries/{eid}/concerns", c -> s -> s.contentType(ContentType.JSON).body(Map.of())
                .post("/api/entries/" + c.eid() + "/concerns"), 401, 422, 404, 422, 404, 404, 422, 403));
        r.add(new Row("GET /api/safeguarding/concerns", c -> s -> s.get("/api/safeguarding/concerns"),
                401, 403, 403, 403, 403, 403, 403, 200));
        // No such concern: the lead passes the role check and gets 404; everyone else is refused by role.
        r.add(new Row("GET /api/safeguarding/concerns/{id}", c -> s -> s.get("/api/safeguarding/concerns/0"),
                401, 403, 403, 403, 403, 403, 403, 404));
        r.add(new Row("POST /api/safeguarding/concerns/{id}/actions", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("action", "TRIAGED")).post("/api/safeguarding/concerns/0/actions"),
                401, 403, 403, 403, 403, 403, 403, 404));
        r.add(new Row("GET /api/safeguarding/concerns/{id}/files/{fid}", c -> s -> s.get(
                "/api/safeguarding/concerns/0/files/" + c.fid()), 401, 403, 403, 403, 403, 403, 403, 404));
        r.add(new Row("GET /api/safeguarding/concerns/{id}/evidence", c -> s -> s.get(
                "/api/safeguarding/concerns/0/evidence"), 401, 403, 403, 403, 403, 403, 403, 404));
        r.add(new Row("GET /api/safeguarding/audit", c -> s -> s.get("/api/safeguarding/audit"),
                401, 403, 403, 403, 403, 403, 403, 200));
        r.add(new Row("GET /api/safeguarding-leads", c -> s -> s.get("/api/safeguarding-leads"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/safeguarding-leads", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name",
                JudgingFixtures.unique("Matrix lead"), "email", "l@x.example", "phone", "+91 98300 00000"))
                .post("/api/safeguarding-leads"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("GET /api/schools/me/safeguarding-contact", c -> s -> s.get("/api/schools/me/safeguarding-contact"),
                401, 200, 200, 403, 403, 403, 403, 403));
        r.add(new Row("PUT /api/schools/me/safeguarding-contact", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("name", "Ms Matrix", "phone", "+91 33 0000 0000", "email", "m@x.example"))
                .put("/api/schools/me/safeguarding-contact"), 401, 200, 200, 403, 403, 403, 403, 403));
        // Storage administration
        r.add(new Row("GET /api/admin/storage/reconciler", c -> s -> s.get("/api/admin/storage/reconciler"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/admin/storage/reconcile", c -> s -> s.post("/api/admin/storage/reconcile"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/admin/storage/verify", c -> s -> s.post("/api/admin/storage/verify"),
                401, 403, 403, 403, 403, 403, 200, 403));
        // Guardian consent withdrawal: the link needs no sign-in (an unknown token is 404 for everyone); the
        // school (own entry) and the organiser record one (an empty list is refused after the access check).
        r.add(new Row("GET /api/consents/{token}", c -> s -> s.get("/api/consents/" + "A".repeat(43)),
                404, 404, 404, 404, 404, 404, 404, 404));
        r.add(new Row("POST /api/consents/{token}/withdraw", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("publishName"))).post("/api/consents/" + "A".repeat(43) + "/withdraw"),
                404, 404, 404, 404, 404, 404, 404, 404));
        r.add(new Row("POST /api/entries/{eid}/consents/{position}/withdraw", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of())).post("/api/entries/" + c.eid() + "/consents/0/withdraw"),
                401, 422, 404, 403, 403, 403, 422, 403));
        // Access requests and retention (docs/privacy.md): a school gets its own file only (school B's holds
        // none of school A's entries: AccessRequestTest), a child's file of an entry is an organiser's.
        r.add(new Row("GET /api/schools/me/data", c -> s -> s.get("/api/schools/me/data"),
                401, 200, 200, 403, 403, 403, 403, 403));
        r.add(new Row("GET /api/entries/{eid}/data", c -> s -> s.get("/api/entries/" + c.eid() + "/data?position=0"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/competitions/{cid}/retention", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("retainPersonalDataUntil", OffsetDateTime.now().plusYears(2).toString()))
                .put("/api/competitions/" + c.cid() + "/retention"), 401, 403, 403, 403, 403, 403, 200, 403));
        // Guardian consent: the notice is public; the identifiable-child flag is the organiser's (false: no change).
        r.add(new Row("GET /api/consent-notice", c -> s -> s.get("/api/consent-notice"),
                200, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("PUT /api/entries/{eid}/identifiable-child", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("identifiableChild", false)).put("/api/entries/" + c.eid() + "/identifiable-child"),
                401, 403, 403, 403, 403, 403, 200, 403));
        // Erasure would empty the shared entry: no such entry shows who passes the role check (404).
        r.add(new Row("POST /api/entries/{eid}/erasure", c -> s -> s.post("/api/entries/0/erasure"),
                401, 403, 403, 403, 403, 403, 404, 403));
        // Mail: the outbox is the organiser's; the token in a link is the only credential its endpoint needs.
        r.add(new Row("GET /api/outbox", c -> s -> s.get("/api/outbox"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/outbox/{id}/retry", c -> s -> s.post("/api/outbox/" + Long.MAX_VALUE + "/retry"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("POST /api/invitations/{token}", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("password", "matrix password")).post("/api/invitations/" + "x".repeat(43)),
                410, 410, 410, 410, 410, 410, 410, 410));
        r.add(new Row("POST /api/password-resets", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("email", "matrix-nobody@x.example")).post("/api/password-resets"),
                202, 202, 202, 202, 202, 202, 202, 202));
        r.add(new Row("POST /api/password-resets/{token}", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("password", "matrix password")).post("/api/password-resets/" + "x".repeat(43)),
                410, 410, 410, 410, 410, 410, 410, 410));
        r.add(new Row("POST /api/schools/{sid}/invitation", c -> s -> s.post("/api/schools/" + c.schoolB().id()
                + "/invitation"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("POST /api/schools/{sid}/password-reset", c -> s -> s.post("/api/schools/" + c.schoolB().id()
                + "/password-reset"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("POST /api/jurors/{jid}/invitation", c -> s -> s.post("/api/jurors/" + c.unassigned().id()
                + "/invitation"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("POST /api/competitions/{cid}/reminders", c -> s -> s.post("/api/competitions/" + c.cid()
                + "/reminders"), 401, 403, 403, 403, 403, 403, 201, 403));
        r.add(new Row("POST /api/jurors/{jid}/password-reset", c -> s -> s.post("/api/jurors/" + c.unassigned().id()
                + "/password-reset"), 401, 403, 403, 403, 403, 403, 201, 403));
        // Deactivation: a spare school (deactivated, then active again); no juror here can be spared (404).
        r.add(new Row("POST /api/schools/{sid}/deactivate", c -> s -> s.post("/api/schools/" + c.spareSchool()
                + "/deactivate"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/schools/{sid}/reactivate", c -> s -> s.post("/api/schools/" + c.spareSchool()
                + "/reactivate"), 401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/jurors/{jid}/deactivate", c -> s -> s.post("/api/jurors/0/deactivate"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("POST /api/jurors/{jid}/reactivate", c -> s -> s.post("/api/jurors/0/reactivate"),
                401, 403, 403, 403, 403, 403, 404, 403));
        // A juror without work in the competition does not see its jury's figures (404).
        r.add(new Row("GET /api/jurors/me/stats", c -> s -> s.queryParam("competitionId", c.cid())
                .get("/api/jurors/me/stats"), 401, 403, 403, 200, 404, 200, 403, 403));
        r.add(new Row("POST /api/schools/import", c -> s -> s.contentType("text/csv")
                .body("name,district,contactName,contactEmail\n").queryParam("dryRun", "true").post("/api/schools/import"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/jurors/import", c -> s -> s.contentType("text/csv")
                .body("name,email\n").queryParam("dryRun", "true").post("/api/jurors/import"),
                401, 403, 403, 403, 403, 403, 200, 403));
        // Editing people: a valid body for an unknown id (the fixture's people stay as they are).
        r.add(new Row("PUT /api/schools/{sid}", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name", "N",
                "district", "D", "contactName", "C", "contactEmail", "c@matrix.example")).put("/api/schools/0"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("GET /api/jurors/{jid}", c -> s -> s.get("/api/jurors/" + c.unassigned().id()),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/jurors/{jid}", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name", "N",
                "email", "j@matrix.example")).put("/api/jurors/0"), 401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("PUT /api/competitions/{cid}/judging-deadline", c -> s -> s.contentType(ContentType.JSON)
                .body("{\"judgingClosesAt\": null}").put("/api/competitions/" + c.cid() + "/judging-deadline"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("POST /api/safeguarding-leads/{lid}/invitation", c -> s -> s.post("/api/safeguarding-leads/0/invitation"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("POST /api/safeguarding-leads/{lid}/password-reset", c -> s -> s.post(
                "/api/safeguarding-leads/0/password-reset"), 401, 403, 403, 403, 403, 403, 404, 403));
        // Correcting and deactivating a lead: an unknown lead (the fixture's lead stays as it is).
        r.add(new Row("GET /api/safeguarding-leads/{lid}", c -> s -> s.get("/api/safeguarding-leads/0"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("PUT /api/safeguarding-leads/{lid}", c -> s -> s.contentType(ContentType.JSON).body(Map.of(
                "name", "N", "email", "l@matrix.example", "phone", "+91 98300 00000")).put("/api/safeguarding-leads/0"),
                401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("POST /api/safeguarding-leads/{lid}/deactivate", c -> s -> s.post(
                "/api/safeguarding-leads/0/deactivate"), 401, 403, 403, 403, 403, 403, 404, 403));
        r.add(new Row("POST /api/safeguarding-leads/{lid}/reactivate", c -> s -> s.post(
                "/api/safeguarding-leads/0/reactivate"), 401, 403, 403, 403, 403, 403, 404, 403));
        // A guardian confirms a consent through their link: no sign-in, the token is the credential (unknown: 404).
        r.add(new Row("POST /api/consents/{token}/confirm", c -> s -> s.contentType(ContentType.JSON)
                .post("/api/consents/" + "A".repeat(43) + "/confirm"), 404, 404, 404, 404, 404, 404, 404, 404));
        // One's own API tokens: every signed-in role (someone else's or no token: 404).
        r.add(new Row("GET /api/me/tokens", c -> s -> s.get("/api/me/tokens"), 401, 200, 200, 200, 200, 200, 200, 200));
        r.add(new Row("POST /api/me/tokens", c -> s -> s.contentType(ContentType.JSON).body(Map.of("name", "matrix"))
                .post("/api/me/tokens"), 401, 201, 201, 201, 201, 201, 201, 201));
        r.add(new Row("DELETE /api/me/tokens/{id}", c -> s -> s.delete("/api/me/tokens/" + Long.MAX_VALUE),
                401, 404, 404, 404, 404, 404, 404, 404));
        // The commission's name and logo: organisers only (a refused name and an empty logo change nothing).
        r.add(new Row("GET /api/settings/commission", c -> s -> s.get("/api/settings/commission"),
                401, 403, 403, 403, 403, 403, 200, 403));
        r.add(new Row("PUT /api/settings/commission", c -> s -> s.contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(121))).put("/api/settings/commission"), 401, 403, 403, 403, 403, 403, 422, 403));
        r.add(new Row("PUT /api/settings/commission/logo", c -> s -> s.contentType("image/png").body(new byte[0])
                .put("/api/settings/commission/logo"), 401, 403, 403, 403, 403, 403, 422, 403));
        r.add(new Row("DELETE /api/settings/commission/logo", c -> s -> s.delete("/api/settings/commission/logo"),
                401, 403, 403, 403, 403, 403, 200, 403));
        return r;
    }

    @Test
    void everyEndpointAnswersEveryRoleAsExpected() {
        List<Row> rows = rows();
        Map<String, Row> byEndpoint = new LinkedHashMap<>();
        rows.forEach(row -> assertThat(byEndpoint.put(row.endpoint(), row)).as("duplicate row " + row.endpoint())
                .isNull());

        TreeSet<String> documented = documentedEndpoints();
        assertThat(new TreeSet<>(byEndpoint.keySet()))
                .as("every endpoint in the OpenAPI document needs a row here, and every row an endpoint")
                .containsExactlyElementsOf(documented);

        Ctx ctx = MatrixFixture.create();
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            assertThat(row.expected()).as(row.endpoint()).hasSize(Role.values().length);
            for (Role role : Role.values()) {
                Response response = row.call().apply(ctx).apply(as(ctx, role));
                int expected = row.expected()[role.ordinal()];
                if (response.statusCode() != expected) {
                    mismatches.add(row.endpoint() + " as " + role + ": expected " + expected + ", got "
                            + response.statusCode() + " " + abbreviate(response.asString()));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static TreeSet<String> documentedEndpoints() {
        Map<String, Map<String, Object>> paths = JudgingFixtures.anonymous().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        TreeSet<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        return endpoints;
    }

    private static RequestSpecification as(Ctx c, Role role) {
        return switch (role) {
            case ANONYMOUS -> JudgingFixtures.anonymous();
            case SCHOOL_A -> c.schoolA().login().as();
            case SCHOOL_B -> c.schoolB().login().as();
            case JUROR_ASSIGNED -> c.assigned().login().as();
            case JUROR_UNASSIGNED -> c.unassigned().login().as();
            case JUROR_CONFLICTED -> c.conflicted().login().as();
            case ORGANISER -> ORGANISER.as();
            case SAFEGUARDING -> c.lead().as();
        };
    }

    private static Map<String, Object> panels(Ctx c) {
        return Map.of("jurors", List.of(Map.of("jurorId", c.assigned().id(), "categories", List.of()),
                Map.of("jurorId", c.unassigned().id(), "categories", List.of("essay")),
                Map.of("jurorId", c.conflicted().id(), "categories", List.of())));
    }

    private static Map<String, Object> newCompetition() {
        return Map.of("title", JudgingFixtures.unique("Matrix competition"),
                "submissionOpensAt", OffsetDateTime.now().toString(),
                "submissionClosesAt", OffsetDateTime.now().plusDays(1).toString(),
                "maxEntriesPerSchool", 1,
                "categories", List.of(Map.of("code", "poster", "name", "Poster", "allowedTypes", List.of("image/png"),
                        "maxFileBytes", 1000)),
                "criteria", List.of(Map.of("code", "c", "name", "C", "weight", 1, "minScore", 0, "maxScore", 1)));
    }

    private static String entryJson() {
        return "{\"title\":\"T\",\"categoryCode\":\"poster\",\"participants\":[{\"firstName\":\"Ana\",\"grade\":5}],"
                + "\"consent\":{\"judging\":true,\"publishWork\":true,\"publishNames\":true,\"attestedBy\":\"T\"}}";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
