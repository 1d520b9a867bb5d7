package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.TestPdfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Jurors judge blind: every response a juror can get, and every file, is searched for the school's
 * name, its district, the children's names, the consent attestation and the upload name. The files
 * carry those names in their metadata when uploaded, so the search has something to miss.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class BlindJudgingTest {

    @Test
    void nothingAJurorReceivesNamesTheSchoolOrTheChildren() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        String district = JudgingFixtures.unique("Riverbend district");
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(district);
        String child1 = JudgingFixtures.firstName();
        String child2 = JudgingFixtures.firstName();
        String teacher = "Mrs " + JudgingFixtures.firstName();
        // Children write their names, their school's name and their teacher's into the work itself.
        String statement = "We are " + child1 + " and " + child2.toLowerCase() + " from " + school.name()
                + ". " + teacher + " helped us write this essay about " + school.name().toUpperCase() + "'s rules.";
        // The files name them too, where the software that made them put them: the essay's PDF in its
        // document information and XMP, the poster's PNG in its text chunks.
        byte[] essay = TestPdfs.withAuthors(child1, school.name(), "Essay by " + child1 + ", " + school.name());
        byte[] poster = JudgingFixtures.png(Map.of("Author", child2, "Copyright", school.name(),
                "Description", "Poster by " + child2 + " of " + school.name()));
        long eid = JudgingFixtures.draftEntry(cid, school, "essay", "Essay by " + child1, statement,
                List.of(child1, child2), true, true, new JudgingFixtures.Upload(child1 + "_essay.pdf", essay,
                        "application/pdf"));
        JudgingFixtures.submit(school, eid);
        long other = JudgingFixtures.draftEntry(cid, school, "poster", "Second poster", "Stay safe", List.of(child2),
                true, true, JudgingFixtures.Upload.png(child2 + "_poster.png", poster));
        JudgingFixtures.submit(school, other);
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        long fileId = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath().getLong("files[0].id");
        long posterId = ORGANISER.as().get("/api/entries/{eid}", other).jsonPath().getLong("files[0].id");
        // The organiser hides the teacher's name; the school's and children's names are always hidden.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("terms", List.of(teacher)))
                .put("/api/entries/{eid}/redactions", eid).then().statusCode(200)
                .body("juryView.statement", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(teacher)));

        List<Response> seen = new ArrayList<>();
        var as = juror.login();
        seen.add(as.as().get("/api/competitions"));
        seen.add(as.as().get("/api/competitions/{cid}", cid));
        Response listed = as.as().get("/api/competitions/{cid}/entries", cid);
        seen.add(listed);
        seen.add(as.as().queryParam("competition", cid).get("/api/me/assignments"));
        Response entry = as.as().get("/api/entries/{eid}", eid);
        seen.add(entry);
        Response file = as.as().get("/api/entries/{eid}/files/{fid}", eid, fileId);
        seen.add(file);
        seen.add(as.as().get("/api/entries/{eid}/files/{fid}/thumbnail", eid, fileId));
        Response posterFile = as.as().get("/api/entries/{eid}/files/{fid}", other, posterId);
        seen.add(posterFile);
        seen.add(as.as().get("/api/entries/{eid}/files/{fid}/thumbnail", other, posterId));
        seen.add(JudgingFixtures.score(juror, eid, 8, 4, "DRAFT"));
        seen.add(as.as().get("/api/entries/{eid}/scorecard", eid));
        JudgingFixtures.submitScore(juror, eid, 8, 4);
        JudgingFixtures.submitScore(juror, other, 5, 2);
        seen.add(as.as().get("/api/entries/{eid}/scorecards", eid));
        seen.add(as.as().get("/api/entries/{eid}", other));

        entry.then().statusCode(200).body("code", org.hamcrest.Matchers.matchesPattern("E-[2-9A-HJ-NP-Z]{5}"))
                .body("title", equalTo("Essay by █████"))
                .body("files[0].name", org.hamcrest.Matchers.startsWith(entry.jsonPath().getString("code")));
        assertThat(entry.jsonPath().getString("statement"))
                .isEqualTo("We are █████ and █████ from █████. █████ helped us write this essay about █████'s rules.");
        assertThat(entry.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("id", "code", "competitionId",
                "title", "categoryCode", "statement", "files");
        file.then().statusCode(200).contentType("application/pdf");
        // The list says nothing of when the school handed its entries in: no time (the order: theJurysListGoesByCode).
        assertThat(listed.jsonPath().getList("items.submittedAt")).hasSize(2).containsOnlyNulls();
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/entries", cid).jsonPath().getList("items.submittedAt"))
                .doesNotContainNull();
        posterFile.then().statusCode(200).contentType("image/png");

        List<String> secrets = List.of(school.name(), district, child1, child2, teacher, "Class teacher",
                child1 + "_essay", child2 + "_poster", school.login().username());
        for (Response r : seen) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 299);
            String everything = r.getHeaders().toString() + "\n" + new String(r.asByteArray(), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(everything.toLowerCase()).as("a juror response mentions " + secret)
                        .doesNotContain(secret.toLowerCase());
            }
        }

        // A byte search misses what a file keeps compressed: read the metadata as a PDF reader and an
        // image viewer do, object streams and compressed text chunks included.
        List<String> names = List.of(school.name(), child1, child2);
        byte[] jurorEssay = file.asByteArray();
        assertThat(TestPdfs.xmp(jurorEssay)).isEmpty();
        for (String parsed : List.of(TestPdfs.information(jurorEssay), TestPdfs.decoded(jurorEssay),
                JudgingFixtures.pngText(posterFile.asByteArray()))) {
            for (String name : names) {
                assertThat(parsed.toLowerCase()).as("a juror's file names " + name).doesNotContain(name.toLowerCase());
            }
        }
        // The organiser's sealed originals still carry every name, where the checks above look.
        byte[] essayOriginal = ORGANISER.as().get("/api/entries/{eid}/files/{fid}/original", eid, fileId).then()
                .statusCode(200).extract().asByteArray();
        byte[] posterOriginal = ORGANISER.as().get("/api/entries/{eid}/files/{fid}/original", other, posterId)
                .then().statusCode(200).extract().asByteArray();
        assertThat(essayOriginal).isEqualTo(essay);
        assertThat(posterOriginal).isEqualTo(poster);
        assertThat(new String(essayOriginal, StandardCharsets.ISO_8859_1)).contains(school.name(), child1);
        assertThat(TestPdfs.information(essayOriginal)).contains(school.name(), child1);
        assertThat(TestPdfs.xmp(essayOriginal)).contains(school.name(), child1);
        assertThat(TestPdfs.decoded(essayOriginal)).contains(school.name(), child1);
        assertThat(new String(posterOriginal, StandardCharsets.ISO_8859_1)).contains(school.name(), child2);
        assertThat(JudgingFixtures.pngText(posterOriginal)).contains(school.name(), child2);

        // The school and the organisers still see the work as it was written.
        school.login().as().get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("statement", equalTo(statement)).body("juryRedactions", equalTo(List.of(teacher)));
        ORGANISER.as().get("/api/entries/{eid}/redactions", eid).then().statusCode(200)
                .body("terms", equalTo(List.of(teacher)));
        ORGANISER.as().queryParam("action", "REDACTIONS_CHANGED").get("/api/competitions/{cid}/audit", cid).then()
                .body("items[0].after.terms", equalTo(List.of(teacher)));
        school.login().as().contentType(ContentType.JSON).body(Map.of("terms", List.of("x")))
                .put("/api/entries/{eid}/redactions", eid).then().statusCode(403);
    }

    /**
     * The jury's list goes by the random code, not in the order the entries were made (which would group a
     * school's entries and tell when each came): over ten entries the two orders differ but once in 3.6 million.
     */
    @Test
    void theJurysListGoesByCode() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 10, 1, 2);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        io.restassured.path.json.JsonPath all = ORGANISER.as().get("/api/competitions/{cid}/entries", w.cid()).then()
                .statusCode(200).extract().jsonPath();
        Map<Long, String> codeOf = new java.util.HashMap<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            codeOf.put(all.getLong("items[" + i + "].id"), all.getString("items[" + i + "].code"));
        }
        List<String> created = w.entries().stream().map(codeOf::get).toList();
        List<String> byCode = created.stream().sorted().toList();
        assertThat(created).as("the codes came in creation order: this run cannot tell the two orders apart")
                .doesNotContainNull().isNotEqualTo(byCode);
        List<String> listed = w.juror(0).login().as().get("/api/competitions/{cid}/entries", w.cid()).then()
                .statusCode(200).extract().jsonPath().getList("items.code", String.class);
        assertThat(listed).isEqualTo(byCode);
    }

    /**
     * Names written in any normal form, case or script are hidden from the juror's JSON and page:
     * a child named in decomposed Unicode, Bengali and Devanagari names with their suffixes, the
     * teacher who attested the consent, the school's contact, its name and its district.
     */
    @Test
    void namesInAnyFormCaseOrScriptNeverReachAJuror() {
        long cid = JudgingFixtures.openCompetition(2);
        String schoolName = JudgingFixtures.unique("Sunrise Academy");
        String district = JudgingFixtures.unique("Lakeside");
        String contactSurname = JudgingFixtures.firstName();
        String teacherSurname = JudgingFixtures.firstName();
        String contact = "Anita " + contactSurname;
        String attestedBy = "Mrs. " + teacherSurname + ", class teacher";
        var created = ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("name", schoolName, "district", district, "contactName", contact,
                        "contactEmail", "c" + contactSurname + "@school.example", "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        var login = new JudgingFixtures.Login(created.getString("username"), created.getString("password"));
        String zoeNfd = "Zoe\u0308";
        String ananya = "অনন্যা";
        String priya = "प्रिया";
        String nfd = java.text.Normalizer.normalize(schoolName.toUpperCase(), java.text.Normalizer.Form.NFD);
        String title = "ZO\u00CB and অনন্যার poster";
        String statement = "We are zo\u00EB, ZOE\u0308 and " + priya + ". " + priya + " को धन्यवाद। অনন্যার ছবি। "
                + "Mrs " + teacherSurname.toUpperCase() + " and " + contact + " of " + nfd + " in "
                + district.toLowerCase() + " helped.";
        Map<String, Object> entry = Map.of("title", title, "categoryCode", "poster", "statement", statement,
                "participants", List.of(Map.of("firstName", zoeNfd, "grade", 5), Map.of("firstName", ananya,
                        "grade", 5), Map.of("firstName", priya, "grade", 5)),
                "consent", Map.of("judging", true, "publishWork", true, "publishNames", false,
                        "attestedBy", attestedBy));
        long eid = login.as().multiPart(new io.restassured.builder.MultiPartSpecBuilder(org.juryroom.support.Api.json(entry))
                        .controlName("entry").mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart("files", "poster.png", JudgingFixtures.png(Map.of()), "image/png")
                .post("/api/competitions/{cid}/entries", cid).then().statusCode(201).extract().jsonPath().getLong("id");
        login.as().post("/api/entries/{eid}/submit", eid).then().statusCode(200);
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);

        String M = org.juryroom.entry.JuryRedaction.MARK;
        String blindTitle = M + " and " + M + " poster";
        String blindStatement = "We are " + M + ", " + M + " and " + M + ". " + M + " को धन्यवाद। " + M + " ছবি। "
                + "Mrs " + M + " and " + M + " of " + M + " in " + M + " helped.";
        Response json = juror.login().as().get("/api/entries/{eid}", eid);
        json.then().statusCode(200).body("title", equalTo(blindTitle)).body("statement", equalTo(blindStatement))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("consent")));
        Response queue = juror.login().as().queryParam("competition", cid).get("/api/me/assignments");
        queue.then().statusCode(200).body("items[0].title", equalTo(blindTitle));
        Response page = org.juryroom.web.WebSession.signIn(juror.login().username(), juror.login().password())
                .get("/jury/entries/" + eid);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(blindStatement).contains(blindTitle);

        List<String> secrets = List.of("Zo\u00EB", zoeNfd, ananya, priya, teacherSurname, contactSurname, contact,
                attestedBy, schoolName, district);
        for (Response r : List.of(json, queue, page)) {
            String seen = fold(r.asString());
            for (String secret : secrets) {
                assertThat(seen).as("a juror sees " + secret).doesNotContain(fold(secret));
            }
        }
        // The school and the organiser read the text as written.
        login.as().get("/api/entries/{eid}", eid).then().statusCode(200).body("statement", equalTo(statement))
                .body("title", equalTo(title));
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    }
}
