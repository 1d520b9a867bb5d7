package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school side in the reader's words. The organiser's school import with files as spreadsheets write them (Latin-1
 * bytes, semicolons, a column named twice): each is refused on its line in the preview, never imported garbled; the
 * preview page reads in the reader's words and language (no column names of the API, no English on a Hindi or Bengali
 * page, "1 error"). Validation messages in plain English; a school's pages name file types in words, in its language.
 */
@QuarkusTest
class SchoolSideWordsTest {

    private static final String HEADER = "name,district,contactName,contactEmail\n";
    private static final Pattern ERRORS = Pattern.compile("<table class=\"data\" id=\"import-errors\">(.*?)</table>",
            Pattern.DOTALL);

    @Test
    void aFileThatIsNotUtf8IsRefusedOnItsLineNotImportedGarbled() {
        String run = run();
        byte[] latin1 = (HEADER + "Sch\u00f6n " + run + ",Nord,J\u00fcrgen,l1-" + run + "@import.example\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonPath preview = post(latin1, "true").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getList("lines")).isEmpty();
        assertThat(preview.getList("errors.line", Integer.class)).containsExactly(2);
        assertThat(preview.getString("errors[0].message")).contains("not UTF-8");
        assertThat(post(latin1, "false").statusCode()).isEqualTo(422);
        assertThat(Fixtures.organiser().queryParam("size", 100).get("/api/schools").asString()).doesNotContain(run);

        JsonPath semicolons = post(("name;district;contactName;contactEmail\nA " + run + ";B;C;s-" + run
                + "@import.example\n").getBytes(StandardCharsets.UTF_8), "true").then().statusCode(200).extract().jsonPath();
        assertThat(semicolons.getList("errors.message", String.class)).singleElement().asString()
                .contains("separated by commas");

        JsonPath twice = post(("name,Name,district,contactName,contactEmail\nA " + run + ",B " + run + ",D,C,t-" + run
                + "@import.example\n").getBytes(StandardCharsets.UTF_8), "true").then().statusCode(200).extract().jsonPath();
        assertThat(twice.getList("lines")).isEmpty();
        assertThat(twice.getList("errors.message", String.class)).containsExactly("the column name is named twice");
    }

    @Test
    void thePreviewSpeaksThePagesWordsInTheReadersLanguage() {
        String run = run();
        byte[] csv = (HEADER + "Dune " + run + ",West,Di,not-an-address\n"
                + ",West,Ed,e-" + run + "@import.example\n"
                + "Fir " + run + ",West\n"
                + "Oak " + run + ",W,X,o-" + run + "@import.example\n"
                + "Oak again " + run + ",W,X,o-" + run + "@import.example\n"
                + "Sch\u00f6n " + run + ",W,X,l-" + run + "@import.example\n").getBytes(StandardCharsets.ISO_8859_1);
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        for (String language : List.of("en", "hi", "bn")) {
            String page = "/organiser/schools/import?lang=" + language;
            Response preview = web.postMultipart(page, page, "file", "schools.csv", "text/csv", csv);
            assertThat(preview.statusCode()).as(language).isEqualTo(200);
            Matcher m = ERRORS.matcher(preview.asString());
            assertThat(m.find()).as(language + ": " + preview.asString()).isTrue();
            String errors = m.group(1);
            assertThat(errors.split("<tr>")).as(language + ": " + errors).hasSize(1 + 1 + 5);
            assertThat(errors).as(language).doesNotContain("contactEmail", "must not", "well-formed");
            if (!language.equals("en")) {
                assertThat(errors.replaceAll("<[^>]*>", " ").replace("UTF-8", "").replace("CSV", "")
                        .replace("Comma delimited", "")).as(language + ": English left").doesNotContainPattern("[A-Za-z]{3,}");
            }
        }
        String en = web.postMultipart("/organiser/schools/import", "/organiser/schools/import", "file", "schools.csv",
                "text/csv", (HEADER + "Dune " + run + ",West,Di,not-an-address\n").getBytes(StandardCharsets.UTF_8))
                .asString();
        assertThat(en).contains("0 to create, 0 already there, 1 error.").contains("E-mail: must be an e-mail address");

        String jurors = web.get("/organiser/jurors/import?lang=hi").asString();
        assertThat(jurors).contains("वैकल्पिक: expertise").doesNotContain("(optional)");
    }

    /**
     * Bean Validation's own English ("must not be null") is not what an English page says, and a Hindi page says a
     * number's lower bound in Hindi, not the message's key ("{jakarta.validation.constraints.DecimalMin.message}").
     */
    @Test
    void validationMessagesReadAsPlainWords() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        Response juror = web.post("/organiser/jurors", "/organiser/jurors", Map.of("name", "", "email", "x"));
        assertThat(juror.statusCode()).isEqualTo(422);
        long cid = Fixtures.openCompetition(Fixtures.unique("Plain Words"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Plain Words School"));
        String conflicts = "/organiser/competitions/" + cid + "/conflicts";
        Response conflict = web.post(conflicts, conflicts, Map.of("schoolId", String.valueOf(school.id())));
        assertThat(conflict.statusCode()).isEqualTo(422);
        for (Response r : List.of(juror, conflict)) {
            assertThat(r.asString()).contains("<html lang=\"en\"").contains("must be filled in")
                    .doesNotContain("must not be null", "must not be blank", "well-formed");
        }

        Map<String, Object> competition = new java.util.HashMap<>(Map.of("title", Fixtures.unique("Weightless"),
                "opensAt", "2030-01-01T09:00", "closesAt", "2030-02-01T09:00", "shortlistSize", "10",
                "maxEntries", "3", "rankingMethod", "Z_SCORE", "cat.0.code", "poster", "cat.0.name", "Poster",
                "cat.0.types", List.of("image/jpeg"), "cat.0.maxMb", "5"));
        competition.putAll(Map.of("crit.0.code", "message", "crit.0.name", "Message", "crit.0.weight", "0",
                "crit.0.min", "1", "crit.0.max", "10"));
        Response weightless = web.post("/organiser/competitions/new?lang=hi", "/organiser/competitions?lang=hi",
                competition);
        assertThat(weightless.statusCode()).as(weightless.asString()).isEqualTo(422);
        assertThat(weightless.asString()).contains("<html lang=\"hi\"").contains("0 से अधिक होना चाहिए")
                .doesNotContain("jakarta.validation", ".message}");
    }

    /** A teacher sees each stored file's type in words ("JPEG"), not its media type, and each category's in theirs. */
    @Test
    void theSchoolsPagesNameFileTypesInWords() {
        long cid = Fixtures.openCompetition(Fixtures.unique("File Words"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("File Words School"));
        long eid = Fixtures.draftEntry(school, cid, "poster", "File words", List.of("Asha"), "posters/poster-01.jpg",
                true, true);
        WebSession web = WebSession.signIn(school.username(), school.password());
        String page = web.get("/school/entries/" + eid).asString();
        assertThat(page).contains("<span class=\"muted small\">JPEG · ").doesNotContain("image/jpeg · ");

        // What each category accepts, on a Hindi page: in Hindi ("JPEG या PNG छवियाँ"), not "JPEG or PNG images".
        String form = web.get("/school/competitions/" + cid + "/new?lang=hi").asString();
        assertThat(form).contains("<html lang=\"hi\"").contains("JPEG या PNG छवियाँ (")
                .doesNotContain(" images", "PDF documents");
    }

    /** A school at a limit of one entry reads "its limit of 1 entry", not "its 1 entries". */
    @Test
    void aLimitOfOneEntryIsSaidInTheSingular() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        long cid = Fixtures.openCompetition(Fixtures.unique("One Entry"), 5, now.minusDays(1), now.plusDays(10), 1);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("One Entry School"));
        Fixtures.draftEntry(school, cid, "poster", "The one", List.of("Asha"), "posters/poster-01.jpg", true, true);
        String portal = WebSession.signIn(school.username(), school.password()).get("/school").asString();
        assertThat(portal).contains("This school has reached its limit of 1 entry.").doesNotContain("1 entries");
    }

    private static String run() {
        return Fixtures.unique("imp").replaceAll("[^A-Za-z0-9]", "");
    }

    private static Response post(byte[] csv, String dryRun) {
        return Fixtures.organiser().contentType("text/csv").body(csv).queryParam("dryRun", dryRun)
                .post("/api/schools/import");
    }
}
