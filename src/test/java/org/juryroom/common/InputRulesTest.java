package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.as;
import static org.juryroom.support.Api.organiser;
import static org.juryroom.support.Api.problem;

/**
 * Hostile input gets a clear 4xx naming what to fix, never a 500, and nothing is stored: NUL and
 * unpaired surrogates in any text (JSON anywhere, the multipart entry part, query and form
 * parameters), numbers in the wrong type, numbers out of bounds, paging out of range.
 */
@QuarkusTest
class InputRulesTest {

    private static final FilePart JPEG = FilePart.sample("posters/poster-01.jpg");
    /** Where a test body holds the bad character: replaced in the JSON text by its escape. */
    private static final String BAD = "@@BAD@@";
    /** The two escapes JSON can carry that no stored text may hold. */
    private static final List<String> ESCAPES = List.of("\\u0000", "\\ud800");

    private static long cid;
    private static Account school;
    private static Account juror;
    private static long eid;

    /** Once, on first use: a {@code @BeforeAll} would run before the application is up. */
    @BeforeEach
    void judgingCompetition() {
        if (juror != null) {
            return;
        }
        cid = Api.createOpenCompetition();
        school = Api.createSchool();
        eid = Api.createEntry(school, cid, POSTER, JPEG);
        Api.submit(school, eid);
        Api.transition(cid, "JUDGING");
        juror = Api.createJuror();
        Api.assignEveryJuror(cid);
    }

    /** A write request whose body has {@link #BAD} at {@code field}; sends the JSON text given. */
    private record Case(String field, Function<String, Response> send, String json) {
    }

    private static Case json(String field, Map<String, Object> body, Function<String, Response> send) {
        return new Case(field, send, Api.json(body));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Marks what the text-field cases would have created, to check that nothing was. */
    private static final String MARKER = Api.unique("Refused");

    private static List<Case> textFieldsOfEveryWriteRequest() {
        List<Case> cases = new ArrayList<>();
        Function<String, Response> competition = text -> organiser().contentType(ContentType.JSON).body(text)
                .post("/api/competitions");
        Map<String, Object> c = Api.competitionBody();
        cases.add(json("title", with(c, "title", MARKER + BAD), competition));
        cases.add(json("theme", with(c, "theme", BAD), competition));
        cases.add(json("categories[0].name", with(c, "categories", List.of(
                Api.category(POSTER, "Post" + BAD, List.of("image/jpeg"), 1000))), competition));
        cases.add(json("categories[0].allowedTypes[0]", with(c, "categories", List.of(
                Api.category(POSTER, "Posters", List.of("image/jpeg" + BAD), 1000))), competition));
        Map<String, Object> criterion = new LinkedHashMap<>(Api.criterion("message", "Message", 1));
        criterion.put("description", "Scored " + BAD);
        cases.add(json("criteria[0].description", with(c, "criteria", List.of(criterion)), competition));

        Function<String, Response> schools = text -> organiser().contentType(ContentType.JSON).body(text)
                .post("/api/schools");
        Map<String, Object> s = Map.of("name", "Hill " + BAD, "district", "North", "contactName", "Ms Rao",
                "contactEmail", "rao@example.org");
        cases.add(json("name", s, schools));
        cases.add(json("district", with(with(s, "name", "Hill"), "district", BAD), schools));
        cases.add(json("contactName", with(with(s, "name", "Hill"), "contactName", "Ms " + BAD), schools));
        cases.add(json("name", Map.of("name", BAD, "email", "j@example.org"),
                text -> organiser().contentType(ContentType.JSON).body(text).post("/api/jurors")));
        cases.add(json("expertise", Map.of("name", "J", "email", "j@example.org", "expertise", BAD),
                text -> organiser().contentType(ContentType.JSON).body(text).post("/api/jurors")));

        Function<String, Response> entry = text -> as(school).multiPart(new MultiPartSpecBuilder(text)
                        .controlName("entry").mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart("files", JPEG.fileName(), JPEG.bytes()).post("/api/competitions/{cid}/entries", cid);
        Map<String, Object> e = Api.entryBody(POSTER);
        cases.add(json("title", with(e, "title", BAD), entry));
        cases.add(json("statement", with(e, "statement", "We " + BAD), entry));
        cases.add(json("participants[0].firstName", with(e, "participants", List.of(Api.participant("As" + BAD, 7))),
                entry));
        cases.add(json("consent.attestedBy", with(e, "consent", Map.of("judging", true, "publishWork", true,
                "publishNames", true, "attestedBy", "Ms " + BAD)), entry));

        Function<String, Response> patch = text -> as(school).contentType(ContentType.JSON).body(text)
                .patch("/api/entries/{eid}", eid);
        cases.add(json("statement", Map.of("statement", BAD), patch));
        cases.add(json("terms[0]", Map.of("terms", List.of("Hill" + BAD)), text -> organiser()
                .contentType(ContentType.JSON).body(text).put("/api/entries/{eid}/redactions", eid)));
        Function<String, Response> scorecard = text -> as(juror).contentType(ContentType.JSON).body(text)
                .put("/api/entries/{eid}/scorecard", eid);
        cases.add(json("comment", Map.of("scores", Api.scores(5, 5, 5, 5), "comment", "Good " + BAD,
                "status", "DRAFT"), scorecard));
        cases.add(json("scores", Map.of("scores", Map.of("message" + BAD, 5), "status", "DRAFT"), scorecard));
        cases.add(json("reason", Map.of("schoolId", school.id(), "reason", BAD), text -> as(juror)
                .contentType(ContentType.JSON).body(text).post("/api/me/conflicts")));
        return cases;
    }

    @Test
    void nulOrAnUnpairedSurrogateInAnyTextFieldIs422NamingTheField() {
        List<Case> cases = textFieldsOfEveryWriteRequest();
        for (String escape : ESCAPES) {
            for (Case k : cases) {
                Response r = k.send().apply(k.json().replace(BAD, escape));
                if (k.field().equals("scores") && escape.equals("\\ud800")) {
                    // Jackson's parser cannot read a half surrogate in an object key at all: unreadable JSON.
                    problem(r, 400).body("detail", containsString("scores"));
                    continue;
                }
                assertThat(r.statusCode()).as("%s with %s: %s", k.field(), escape, r.asString()).isEqualTo(422);
                problem(r, 422).body("violations[0].field", k.field().equals("scores")
                                ? containsString("scores") : equalTo(k.field()))
                        .body("violations[0].message", containsString(escape.equals("\\u0000") ? "U+0000"
                                : "surrogate"));
            }
        }
        // Nothing was stored: no competition, school, entry, redaction or scorecard.
        organiser().get("/api/competitions").then().body("title", not(hasItem(containsString(MARKER))));
        assertThat(Api.entryCount(as(school), cid)).isEqualTo(1);
        as(school).get("/api/entries/{eid}", eid).then().body("statement", not(containsString("We")))
                .body("juryRedactions", equalTo(List.of()));
        problem(as(juror).get("/api/entries/{eid}/scorecard", eid), 404);
    }

    @Test
    void nulInAQueryOrFormParameterIs422NamingIt() {
        problem(organiser().queryParam("actor", "organiser\u0000").get("/api/competitions/{cid}/audit", cid), 422)
                .body("violations[0].field", equalTo("actor"))
                .body("violations[0].message", containsString("U+0000"));
        problem(as(juror).queryParam("district", "North\u0000").get("/api/me/conflicts/schools"), 422)
                .body("violations[0].field", equalTo("district"));
        // A multipart text field (the file's checksum) and a page form alike.
        problem(as(school).multiPart("files", JPEG.fileName(), JPEG.bytes()).multiPart("sha256", "ab\u0000cd")
                .post("/api/entries/{eid}/files", eid), 422).body("violations[0].field", equalTo("sha256"));
        org.juryroom.web.WebSession web = org.juryroom.web.WebSession.signIn(Api.ORGANISER,
                org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String name = Api.unique("Nul School");
        Response page = web.post("/organiser/schools", "/organiser/schools", Map.of("name", name + "\u0000",
                "district", "North", "contactName", "Ms Rao", "contactEmail", "rao@example.org"));
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(422);
        organiser().queryParam("size", 500).get("/api/schools").then().statusCode(200)
                .body("items.name", not(hasItem(containsString(name))));
    }

    @Test
    void aScoreThatIsAFractionOrTextIs422AndNothingIsStored() {
        String base = "{\"scores\": {\"message\": %s, \"creativity\": 5, \"clarity\": 5, \"safety\": 5},"
                + " \"status\": \"SUBMITTED\"}";
        for (String score : List.of("7.5", "\"8\"", "7.0", "true", "\"\"", "3000000000", "1e1")) {
            Response r = as(juror).contentType(ContentType.JSON).body(String.format(base, score))
                    .put("/api/entries/{eid}/scorecard", eid);
            assertThat(r.statusCode()).as("score %s: %s", score, r.asString()).isEqualTo(422);
            problem(r, 422).body("violations.field", contains("scores.message"));
        }
        problem(as(juror).get("/api/entries/{eid}/scorecard", eid), 404);
        // The same everywhere: a count given as text, a boolean given as text or a number.
        Map<String, Object> c = Api.competitionBody();
        problem(Api.postCompetition(with(c, "maxEntriesPerSchool", "5")), 422)
                .body("violations.field", contains("maxEntriesPerSchool"));
        problem(Api.postCompetition(with(c, "shortlistSize", 2.5)), 422)
                .body("violations.field", contains("shortlistSize"));
        Map<String, Object> e = with(Api.entryBody(POSTER), "consent", Map.of("judging", "true",
                "publishWork", 1, "publishNames", true));
        problem(Api.postEntry(school, cid, e, JPEG), 422)
                .body("violations[0].field", org.hamcrest.Matchers.oneOf("consent.judging", "consent.publishWork"));
    }

    @Test
    void unboundedNumbersInACompetitionAre422() {
        Map<String, Object> wide = new LinkedHashMap<>(Api.criterion("message", "Message", 1));
        wide.put("minScore", -2_000_000_000);
        wide.put("maxScore", 2_000_000_000);
        Map<String, Object> heavy = new LinkedHashMap<>(Api.criterion("creativity", "Creativity", 1));
        heavy.put("weight", 1e308);
        Map<String, Object> fine = new LinkedHashMap<>(Api.criterion("clarity", "Clarity", 1));
        fine.put("weight", 0.00001);
        String title = Api.unique("Unbounded");
        Map<String, Object> body = with(with(Api.competitionBody(), "criteria", List.of(wide, heavy, fine)),
                "title", title);
        problem(Api.postCompetition(body), 422).body("violations.field", hasItems("criteria[0].minScore",
                "criteria[0].maxScore", "criteria[1].weight", "criteria[2].weight"));
        problem(Api.postCompetition(with(body, "criteria", List.of(with(Api.criterion("m", "M", 1), "weight", 0)))),
                422).body("violations.field", contains("criteria[0].weight"));
        problem(Api.postCompetition(with(body, "categories", List.of(Api.category(POSTER, "Posters",
                List.of("image/jpeg"), Long.MAX_VALUE)))), 422)
                .body("violations.field", hasItem("categories[0].maxFileBytes"));
        problem(Api.postCompetition(with(body, "maxSchoolBytes", Long.MAX_VALUE)), 422)
                .body("violations.field", hasItem("maxSchoolBytes"));
        problem(organiser().contentType(ContentType.JSON).body(Map.of("jurorsPerEntry", 2_000_000_000))
                .post("/api/competitions/{cid}/assignments", cid), 422)
                .body("violations.field", contains("jurorsPerEntry"));
        organiser().get("/api/competitions").then().body("title", not(hasItem(title)));
        // The largest allowed bounds are accepted.
        Map<String, Object> widest = new LinkedHashMap<>(Api.criterion("message", "Message", 1000));
        widest.put("minScore", 0);
        widest.put("maxScore", 1000);
        Api.createCompetition(b -> b.put("criteria", List.of(widest)));
    }

    /** Every paged list of the API, as one who may read it. */
    private static Map<String, Response> everyList(Map<String, Object> query) {
        Map<String, Response> lists = new LinkedHashMap<>();
        lists.put("entries", organiser().queryParams(query).get("/api/competitions/{cid}/entries", cid));
        lists.put("schools", organiser().queryParams(query).get("/api/schools"));
        lists.put("jurors", organiser().queryParams(query).get("/api/jurors"));
        lists.put("audit", organiser().queryParams(query).get("/api/competitions/{cid}/audit", cid));
        lists.put("conflicts", organiser().queryParams(query).get("/api/competitions/{cid}/conflicts", cid));
        lists.put("ranking", organiser().queryParams(query).get("/api/competitions/{cid}/ranking", cid));
        lists.put("assignments", as(juror).queryParams(query).queryParam("competition", cid)
                .get("/api/me/assignments"));
        lists.put("own conflicts", as(juror).queryParams(query).get("/api/me/conflicts"));
        lists.put("conflict schools", as(juror).queryParams(query).get("/api/me/conflicts/schools"));
        return lists;
    }

    @Test
    void pagingOutOfRangeOrNotANumberIs400OnEveryList() {
        List<Map<String, Object>> bad = List.of(Map.of("page", Integer.MAX_VALUE, "size", 500),
                Map.of("page", 20_001, "size", 500), Map.of("page", "abc"), Map.of("size", "ten"),
                Map.of("page", "1.5"), Map.of("page", "99999999999"), Map.of("page", -1), Map.of("size", 0));
        for (Map<String, Object> query : bad) {
            everyList(query).forEach((list, r) -> {
                assertThat(r.statusCode()).as("%s with %s: %s", list, query, r.asString()).isEqualTo(400);
                problem(r, 400).body("violations[0].field", org.hamcrest.Matchers.oneOf("page", "size"));
            });
        }
        everyList(Map.of("page", 0, "size", 1)).forEach((list, r) ->
                assertThat(r.statusCode()).as("%s: %s", list, r.asString()).isEqualTo(200));
        // Other whole-number query parameters: 400 naming them.
        problem(as(juror).queryParam("competition", "first").get("/api/me/assignments"), 400)
                .body("violations[0].field", equalTo("competition"));
        problem(organiser().queryParam("juror", "x").get("/api/competitions/{cid}/conflicts", cid), 400)
                .body("violations[0].field", equalTo("juror"));
        problem(organiser().queryParam("subjectId", "1e3").get("/api/competitions/{cid}/audit", cid), 400)
                .body("violations[0].field", equalTo("subjectId"));
        // A path id that is not a number names no resource: 404, like one that does not exist.
        problem(organiser().get("/api/entries/abc"), 404);
        problem(organiser().get("/api/competitions/99999999999999999999"), 404);
    }

    @Test
    void pagesRefuseBadPagingAndUnboundedNumbersToo() {
        org.juryroom.web.WebSession web = org.juryroom.web.WebSession.signIn(Api.ORGANISER,
                org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String dashboard = "/organiser/competitions/" + cid;
        for (String k : List.of("0", "-3", "2000000000", "x")) {
            Response r = web.post(dashboard, dashboard + "/assignments", Map.of("jurorsPerEntry", k));
            assertThat(r.statusCode()).as("jurorsPerEntry=%s: %s", k, r.asString()).isBetween(400, 422);
        }
        for (String query : List.of("page=abc", "page=2147483647", "page=99999999999")) {
            for (String list : List.of("/organiser/schools", "/organiser/jurors",
                    "/organiser/competitions/" + cid + "/entries")) {
                Response r = web.get(list + "?" + query);
                assertThat(r.statusCode()).as(list + "?" + query).isEqualTo(400);
            }
        }
    }
}
