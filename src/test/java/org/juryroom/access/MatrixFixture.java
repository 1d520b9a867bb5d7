package org.juryroom.access;

import io.restassured.http.ContentType;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The world both authorisation matrices (the API's and the pages') test every role against:
 * school A's entry in a competition under judging with an assigned, an unassigned and a
 * conflicted juror, and a published competition for the shortlist endpoints.
 */
public final class MatrixFixture {

    private MatrixFixture() {
    }

    public record Ctx(long cid, long eid, long fid, SchoolAccount schoolA, SchoolAccount schoolB,
                      JurorAccount assigned, JurorAccount unassigned, JurorAccount conflicted, long publishedCid,
                      long publishedFid, long spareSchool, long otherSpareSchool, long removableConflict,
                      JudgingFixtures.Login lead) {

        /**
         * The id of this world's own object that a route's path parameter names, for the hostile-input sweeps;
         * anything else (another test's concern, round, token) is "0", an id that names nothing, never theirs.
         */
        public String ownId(String param) {
            return switch (param) {
                case "cid" -> Long.toString(cid);
                case "eid" -> Long.toString(eid);
                case "fid" -> Long.toString(fid);
                case "sid" -> Long.toString(spareSchool);
                case "jid" -> Long.toString(unassigned.id());
                case "conflictId" -> Long.toString(removableConflict);
                default -> "0";
            };
        }
    }

    public static Ctx create() {
        // Judging competition: school A's submitted poster, scored by "assigned" (a draft) and assigned to
        // "conflicted" too, who then declares a conflict with school A. "unassigned" scores essays only.
        long cid = JudgingFixtures.openCompetition(1);
        String district = JudgingFixtures.unique("Matrix district");
        SchoolAccount a = JudgingFixtures.school(district);
        SchoolAccount b = JudgingFixtures.school(district);
        long eid = JudgingFixtures.submittedEntry(cid, a, "Matrix poster", "s", List.of("Mira"));
        JudgingFixtures.submittedEntry(cid, b, "Other poster", "s", List.of("Tara"));
        long fid = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath().getLong("files[0].id");
        JurorAccount assigned = JudgingFixtures.juror();
        JurorAccount unassigned = JudgingFixtures.juror();
        JurorAccount conflicted = JudgingFixtures.juror();
        Map<Long, List<String>> jury = new LinkedHashMap<>();
        jury.put(assigned.id(), List.of());
        jury.put(unassigned.id(), List.of("essay"));
        jury.put(conflicted.id(), List.of());
        JudgingFixtures.panels(cid, jury);
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 2, 1).then().statusCode(201);
        assertThat(JudgingFixtures.queue(assigned, cid)).contains(eid);
        assertThat(JudgingFixtures.queue(conflicted, cid)).contains(eid);
        assertThat(JudgingFixtures.queue(unassigned, cid)).doesNotContain(eid);
        JudgingFixtures.score(assigned, eid, 5, 0, "DRAFT").then().statusCode(200);
        conflicted.login().as().contentType(ContentType.JSON).body(Map.of("schoolId", a.id()))
                .post("/api/me/conflicts").then().statusCode(201);
        long spare = JudgingFixtures.school("Spare district").id();
        long otherSpare = JudgingFixtures.school("Spare district").id();
        long removable = ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("jurorId", assigned.id(), "schoolId", JudgingFixtures.school("Spare district").id()))
                .post("/api/competitions/{cid}/conflicts", cid).then().statusCode(201).extract().jsonPath().getLong("id");

        // Published competition, for the shortlist, verification, exports and public endpoints.
        long pub = JudgingFixtures.openCompetition(1);
        long pubEntry = JudgingFixtures.submittedEntry(pub, a, "Published poster", "s", List.of("Mira"));
        JudgingFixtures.panels(pub, Map.of(assigned.id(), List.of()));
        JudgingFixtures.transition(pub, "JUDGING");
        JudgingFixtures.assign(pub, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(assigned, pubEntry, 8, 4);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", pub).then().statusCode(201);
        JudgingFixtures.transition(pub, "PUBLISHED");
        long pubFile = ORGANISER.as().get("/api/entries/{eid}", pubEntry).jsonPath().getLong("files[0].id");
        // A designated safeguarding lead (an account of its own role).
        var leadJson = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Lead"),
                        "email", "dsl@matrix.example", "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        JudgingFixtures.Login lead = new JudgingFixtures.Login(leadJson.getString("username"),
                leadJson.getString("password"));
        return new Ctx(cid, eid, fid, a, b, assigned, unassigned, conflicted, pub, pubFile, spare, otherSpare,
                removable, lead);
    }

}
