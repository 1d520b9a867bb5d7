package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.support.RealStack;
import org.juryroom.web.Fixtures;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text is measured as it is stored. Names and titles are stored in NFC ({@link NfcText}), where a
 * few letters grow: Bengali য় (U+09DF), ড় (U+09DC) and Devanagari क़ (U+0958) are composition
 * exclusions, two characters each. A title or name within its limit as typed but over it as stored is
 * a 422 naming the field, not a database error (500), and nothing is stored; likewise a phone number
 * longer than its column. Should any other text still reach a column too narrow for it, the answer is
 * a 422 problem too ({@link TooLongTexts}).
 */
@QuarkusTest
class TextLengthTest {

    /** য় precomposed: one character typed, two stored. */
    static final String YYA = "\u09DF";

    @Test
    void aTitleOrNameOverItsLimitOnlyOnceNormalisedIs422NamingTheFieldAndNothingIsStored() throws Exception {
        assertThat(Normalizer.normalize(YYA, Normalizer.Form.NFC)).hasSize(2);
        long cid = Fixtures.openCompetition(Fixtures.unique("Lengths"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Length School"));
        assertInvalid(post(school, cid, entry(YYA.repeat(101), "Riya", null)), "title");
        assertInvalid(post(school, cid, entry("\u09DC".repeat(101), "Riya", null)), "title");
        assertInvalid(post(school, cid, entry("Stay safe", YYA.repeat(21), null)), "participants[0].firstName");
        assertInvalid(post(school, cid, entry("Stay safe", "\u0958".repeat(21), null)), "participants[0].firstName");
        assertInvalid(post(school, cid, entry("Stay safe", "Riya", guardian(YYA.repeat(51)))),
                "participants[0].consent.guardianName");
        assertThat(entriesOf(school.id())).isZero();

        // At the limit as stored: accepted, and stored whole.
        long eid = post(school, cid, entry(YYA.repeat(100), YYA.repeat(20), guardian(YYA.repeat(50)))).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath stored = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("title")).hasSize(200);
        assertThat(stored.getString("participants[0].firstName")).hasSize(40);
        assertThat(stored.getString("participants[0].consent.guardianName")).hasSize(100);
        assertInvalid(school.api().contentType(ContentType.JSON).body(Map.of("title", YYA.repeat(101)))
                .patch("/api/entries/" + eid), "title");
        assertThat(school.api().get("/api/entries/" + eid).jsonPath().getString("title")).hasSize(200);
        assertThat(entriesOf(school.id())).isOne();
    }

    @Test
    void aPhoneNumberLongerThanItsColumnIs422() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Phone School"));
        String fortyOne = "+" + "9".repeat(40);
        assertInvalid(school.api().contentType(ContentType.JSON).body(Map.of("name", "Mrs Sen", "phone", fortyOne,
                "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact"), "phone");
        school.api().get("/api/schools/me/safeguarding-contact").then().statusCode(200);
        assertThat(school.api().get("/api/schools/me/safeguarding-contact").jsonPath().getString("phone")).isNull();
        assertInvalid(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "Lead", "email",
                "lead@commission.example", "phone", fortyOne, "invite", false)).post("/api/safeguarding-leads"), "phone");
        // Forty characters, the + included, fit.
        school.api().contentType(ContentType.JSON).body(Map.of("name", "Mrs Sen", "phone", fortyOne.substring(1),
                "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact").then().statusCode(200);
        school.api().contentType(ContentType.JSON).body(Map.of("name", "Mrs Sen", "phone", fortyOne.substring(0, 40),
                "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact").then().statusCode(200);
    }

    @Test
    void aTextTooLongForItsColumnIsA422ProblemWhereverItComesFrom() {
        var tooLong = new java.sql.SQLException("value too long for type character varying(40)", "22001");
        var wrapped = new jakarta.persistence.PersistenceException(new org.hibernate.exception.DataException("insert", tooLong));
        assertThat(TooLongTexts.is(wrapped)).isTrue();
        assertThat(TooLongTexts.is(new jakarta.persistence.PersistenceException(
                new java.sql.SQLException("division by zero", "22012")))).isFalse();
        jakarta.ws.rs.core.Response response = new ProblemMappers(null, null).unexpected(wrapped);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(((Problem) response.getEntity()).detail()).contains("too long");
    }

    private static void assertInvalid(Response response, String field) {
        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("violations.field", String.class)).as(response.asString()).contains(field);
    }

    static Response post(Fixtures.Account school, long cid, Map<String, Object> entry) {
        return school.api().multiPart(new io.restassured.builder.MultiPartSpecBuilder(Api.json(entry))
                        .controlName("entry").mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart("files", new File("uploads-sample/posters/poster-01.jpg"))
                .post("/api/competitions/" + cid + "/entries");
    }

    static Map<String, Object> entry(String title, String firstName, Map<String, Object> guardian) {
        Map<String, Object> child = new LinkedHashMap<>(Map.of("firstName", firstName, "grade", 7));
        if (guardian != null) {
            child.put("consent", guardian);
        }
        return Map.of("title", title, "categoryCode", "poster", "participants", List.of(child),
                "consent", Map.of("attestedBy", "Class teacher"));
    }

    static Map<String, Object> guardian(String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("guardianName", name);
        c.put("relationship", "PARENT");
        c.put("guardianPhone", "+91 98300 11111");
        c.put("verification", "PAPER_FORM_HELD_BY_SCHOOL");
        c.put("verificationReference", "FORM-1");
        c.put("scopes", List.of("judging"));
        return c;
    }

    private static long entriesOf(long schoolId) throws Exception {
        try (var c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             var s = c.prepareStatement("select count(*) from entry where school_id = ?")) {
            s.setLong(1, schoolId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
