package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.web.Fixtures;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * An entry title, a juror's, a school's (its district, contact and safeguarding contact), a guardian's or a
 * safeguarding lead's name that shows nothing (zero-width and other
 * format characters, marks without a letter, blank fillers) is refused like an empty one: 422 naming the field
 * (the CSV import: the line and the field), nothing stored, as competition titles are (common/NfcText.name).
 */
@QuarkusTest
class NamesThatShowNothingTest {

    /** Zero-width space, joiners, word joiner, BOM, soft hyphen, a space and the Hangul filler. */
    private static final String NOTHING = "\u200B\u200C\u200D\u2060\uFEFF\u00AD \u3164";

    @Test
    void anEntryTitleThatShowsNothingIsA422OnTitle() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Unseen titles"), 2);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Unseen School"));
        Api.problem(TextLengthTest.post(school, cid, TextLengthTest.entry(NOTHING, "Lina", null)), 422)
                .body("violations.field", contains("title"));
        assertThat(school.api().get("/api/competitions/" + cid + "/entries").jsonPath().getList("items")).isEmpty();

        String title = Fixtures.unique("Seen title");
        long id = Fixtures.draftEntry(school, cid, "poster", title, List.of("Lina"), "posters/poster-01.jpg", true, true);
        Api.problem(school.api().contentType(ContentType.JSON).body(Map.of("title", "\u200B\u0301"))
                .patch("/api/entries/" + id), 422).body("violations.field", contains("title"));
        school.api().get("/api/entries/" + id).then().statusCode(200).body("title", equalTo(title));
    }

    @Test
    void aJurorOrSchoolNameThatShowsNothingIsA422OnName() {
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", NOTHING,
                "email", "unseen@jury.example", "invite", false)).post("/api/jurors"), 422)
                .body("violations.field", contains("name"));
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Seen Juror"));
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", NOTHING,
                "email", "juror@jury.example")).put("/api/jurors/" + juror.id()), 422)
                .body("violations.field", contains("name"));
        Fixtures.organiser().get("/api/jurors/" + juror.id()).then().body("name", equalTo(juror.name()));

        Map<String, Object> school = Map.of("name", NOTHING, "district", "North", "contactName", "Teacher",
                "contactEmail", "unseen@school.example", "invite", false);
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(school).post("/api/schools"), 422)
                .body("violations.field", contains("name"));
        Fixtures.Account seen = Fixtures.school(Fixtures.unique("Seen School"));
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "\u200B", "district",
                "North", "contactName", "Teacher", "contactEmail", "teacher@school.example"))
                .put("/api/schools/" + seen.id()), 422).body("violations.field", contains("name"));
        Fixtures.organiser().get("/api/schools/" + seen.id()).then().body("name", equalTo(seen.name()));
        // A joiner inside a visible name is part of its spelling, not refused.
        Fixtures.juror(Fixtures.unique("\u09B0\u200D\u09CD\u09AF\u09BE\u200B"));
    }

    @Test
    void aSchoolNameThatShowsNothingInTheCsvImportIsRefusedOnItsLine() {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String csv = "name,district,contactName,contactEmail\n"
                + "Seen " + run + ",North,Ann,seen-" + run + "@import.example\n"
                + "\u200B\u2060,North,Ben,unseen-" + run + "@import.example\n";
        JsonPath preview = Fixtures.organiser().contentType("text/csv; charset=UTF-8").body(csv)
                .queryParam("dryRun", "true").post("/api/schools/import").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("errors.line", Integer.class)).containsExactly(3);
        assertThat(preview.getList("errors.field", String.class)).containsExactly("name");
        assertThat(preview.getList("lines.line", Integer.class)).containsExactly(2);
        Api.problem(Fixtures.organiser().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", "false")
                .post("/api/schools/import"), 422).body("violations.field", contains("line 3.name"));
    }

    @Test
    void aSafeguardingLeadNameThatShowsNothingIsA422OnName() {
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", NOTHING,
                "email", "unseen-dsl@commission.example", "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads"), 422).body("violations.field", contains("name"));
    }

    @Test
    void aSchoolsDistrictContactOrSafeguardingContactThatShowsNothingIsA422OnIt() {
        for (String field : List.of("district", "contactName")) {
            Map<String, Object> school = new java.util.HashMap<>(Map.of("name", Fixtures.unique("Unseen Contact School"),
                    "district", "North", "contactName", "Teacher", "contactEmail", "unseen@school.example",
                    "invite", false));
            school.put(field, NOTHING);
            Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(school).post("/api/schools"), 422)
                    .body("violations.field", contains(field));
        }
        Fixtures.Account seen = Fixtures.school(Fixtures.unique("Seen Contact School"));
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", seen.name(), "district",
                "\u200B", "contactName", "Teacher", "contactEmail", "teacher@school.example"))
                .put("/api/schools/" + seen.id()), 422).body("violations.field", contains("district"));
        Api.problem(seen.api().contentType(ContentType.JSON).body(Map.of("name", NOTHING, "phone", "+91 33 2456 7890",
                "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact"), 422)
                .body("violations.field", contains("name"));
        seen.api().get("/api/schools/me/safeguarding-contact").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aGuardiansNameThatShowsNothingIsA422OnItAndNoEntryIsMade() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Unseen guardians"), 2);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Unseen Guardian School"));
        Api.problem(TextLengthTest.post(school, cid, TextLengthTest.entry("Guarded poster", "Lina",
                TextLengthTest.guardian(NOTHING))), 422)
                .body("violations.field", contains("participants[0].consent.guardianName"));
        assertThat(school.api().get("/api/competitions/" + cid + "/entries").jsonPath().getList("items")).isEmpty();
    }
}
