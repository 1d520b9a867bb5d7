package org.juryroom.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.web.Fixtures;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Guardian consent per child through the API on the real stack: recorded and shown to the school
 * and the organiser, never to the jury or the audit trail; the legacy entry-level form; the submit
 * rule; the field-named 422s; the public page's names; the versioned notice.
 */
@QuarkusTest
class GuardianConsentTest {

    @Inject
    ConsentNotices notices;

    static Map<String, Object> guardian(String name, String phone, String... scopes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("guardianName", name);
        c.put("relationship", "PARENT");
        c.put("guardianPhone", phone);
        c.put("verification", "PAPER_FORM_HELD_BY_SCHOOL");
        c.put("verificationReference", "FORM-" + name);
        c.put("scopes", List.of(scopes));
        return c;
    }

    static Map<String, Object> child(String firstName, Map<String, Object> consent) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("firstName", firstName);
        p.put("grade", 7);
        if (consent != null) {
            p.put("consent", consent);
        }
        return p;
    }

    static Map<String, Object> entry(String title, List<Map<String, Object>> children, Map<String, Object> consent) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", title);
        e.put("categoryCode", "poster");
        e.put("statement", "Our work.");
        e.put("participants", children);
        e.put("consent", consent);
        return e;
    }

    static Response post(Fixtures.Account school, long cid, Map<String, Object> entry) {
        return post(school.api(), cid, entry);
    }

    /** As a school's request (e.g. with its page's Accept-Language). */
    static Response post(io.restassured.specification.RequestSpecification school, long cid, Map<String, Object> entry) {
        return school.multiPart(new io.restassured.builder.MultiPartSpecBuilder(Api.json(entry)).controlName("entry")
                        .mimeType("application/json").charset(java.nio.charset.StandardCharsets.UTF_8).build()) // not Latin-1
                .multiPart("files", new File("uploads-sample/posters/poster-01.jpg"))
                .post("/api/competitions/" + cid + "/entries");
    }

    static long create(Fixtures.Account school, long cid, Map<String, Object> entry) {
        return post(school, cid, entry).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static final Map<String, Object> ATTESTED = Map.of("attestedBy", "Mrs. Das, class teacher");

    @Test
    void perChildConsentIsRecordedAndShownToSchoolAndOrganiserButNeverToTheJuryOrTheAudit() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Consent Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Consent School"));
        long eid = create(school, cid, entry("Two Children", List.of(
                child("Riya", guardian("Sunita", "+91 98300 11111", "judging", "publishWork", "publishName")),
                child("Kabir", guardian("Rakesh", "+91 98300 22222", "judging", "publishWork"))), ATTESTED));

        JsonPath mine = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getString("participants[0].consent.guardianName")).isEqualTo("Sunita");
        assertThat(mine.getString("participants[0].consent.guardianPhone")).isEqualTo("+91 98300 11111");
        assertThat(mine.getString("participants[0].consent.verification")).isEqualTo("PAPER_FORM_HELD_BY_SCHOOL");
        assertThat(mine.getInt("participants[0].consent.noticeVersion")).isEqualTo(notices.currentVersion());
        assertThat(mine.getList("participants[1].consent.activeScopes", String.class))
                .containsExactlyInAnyOrder("judging", "publishWork");
        assertThat(mine.getString("participants[1].consent.attestedBy")).isEqualTo("Mrs. Das, class teacher");
        String token0 = mine.getString("participants[0].consent.withdrawUrl");
        String token1 = mine.getString("participants[1].consent.withdrawUrl");
        assertThat(token0).matches("/consent/[A-Za-z0-9_-]{43}");
        assertThat(token1).matches("/consent/[A-Za-z0-9_-]{43}").isNotEqualTo(token0);
        // The summary: a scope holds only while every child's guardian gives it.
        assertThat(mine.getBoolean("consent.judging")).isTrue();
        assertThat(mine.getBoolean("consent.publishWork")).isTrue();
        assertThat(mine.getBoolean("consent.publishNames")).isFalse();

        JsonPath org = Fixtures.organiser().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(org.getString("participants[1].consent.guardianName")).isEqualTo("Rakesh");
        assertThat(org.getString("participants[1].consent.withdrawUrl")).isEqualTo(token1);

        // A record belongs to its child, not to a place: listing the children the other way round keeps
        // each child's record and link; changing the second's scopes is CONSENT_RECORDED.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(
                        child("Kabir", guardian("Rakesh", "+91 98300 22222", "judging", "publishWork", "publishName")),
                        child("Riya", null))))
                .patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants[0].firstName", equalTo("Kabir"))
                .body("participants[0].consent.withdrawUrl", equalTo(token1))
                .body("participants[1].consent.withdrawUrl", equalTo(token0))
                .body("participants[1].consent.guardianName", equalTo("Sunita"))
                .body("consent.publishNames", equalTo(true));
        given().get("/api/consents/" + token1.substring("/consent/".length())).then().statusCode(200)
                .body("firstName", equalTo("Kabir"));
        // Removing Kabir takes his record along: Riya, now first, keeps hers; his link no longer opens.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Riya", null))))
                .patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants.size()", equalTo(1))
                .body("participants[0].consent.withdrawUrl", equalTo(token0));
        given().get("/api/consents/" + token1.substring("/consent/".length())).then().statusCode(404);
        // A renamed child is another child: no record carries over to it.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Riya", null),
                        child("Kabir", null)))).patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants[1].consent", equalTo(null))
                .body("consent.judging", equalTo(false));
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(422)
                .body("violations.field", hasItem("participants[1].consent.judging"))
                .body("violations.field", not(hasItem("participants[0].consent.judging")));
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Riya", null),
                        child("Kabir", guardian("Farida", "+91 98300 33333", "judging")))))
                .patch("/api/entries/" + eid).then().statusCode(200);
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200);

        // The jury's blind view has no participants and no consent.
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        String blind = juror.api().get("/api/entries/" + eid).then().statusCode(200).extract().asString();
        assertThat(blind).doesNotContain("Sunita").doesNotContain("Farida").doesNotContain("98300")
                .doesNotContain("consent").doesNotContain(token0.substring("/consent/".length()));

        // The audit trail keeps scopes, never a guardian's name, contact or link.
        String audit = Fixtures.organiser().queryParam("size", 500).get("/api/competitions/" + cid + "/audit")
                .then().statusCode(200).extract().asString();
        assertThat(audit).contains("CONSENT_RECORDED").doesNotContain("Sunita").doesNotContain("Rakesh")
                .doesNotContain("Farida").doesNotContain("98300").doesNotContain("FORM-")
                .doesNotContain(token0.substring("/consent/".length()));
        JsonPath recorded = Fixtures.organiser().queryParam("size", 500).queryParam("action", "CONSENT_RECORDED")
                .get("/api/competitions/" + cid + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(recorded.getList("items.after.scopes")).contains(List.of("judging", "publishWork", "publishName"));
    }

    @Test
    void aGuardiansWithdrawalStandsWhateverTheSchoolSendsAfterwards() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Standing Competition"), 2);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Standing School"));
        Map<String, Object> ticks = Map.of("judging", true, "publishWork", true, "publishNames", true,
                "attestedBy", "Mrs. Das");
        long eid = create(school, cid, entry("Standing Withdrawal", List.of(child("Ishani", null)), ticks));
        String url = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath()
                .getString("participants[0].consent.withdrawUrl");
        given().contentType(ContentType.JSON).body(Map.of("scopes", List.of("publishName")))
                .post("/api/consents/" + url.substring("/consent/".length()) + "/withdraw").then().statusCode(200);
        // The teacher's entry-wide ticks sent again do not give it back...
        school.api().contentType(ContentType.JSON).body(Map.of("consent", ticks)).patch("/api/entries/" + eid)
                .then().statusCode(200).body("consent.publishNames", equalTo(false))
                .body("participants[0].consent.activeScopes", not(hasItem("publishName")));
        // ...nor does a form that still ticks it (opened before the withdrawal), with the guardian's details.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Ishani",
                        guardian("Meera", "+91 98300 55555", "judging", "publishWork", "publishName")))))
                .patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants[0].consent.guardianName", equalTo("Meera"))
                .body("participants[0].consent.activeScopes", not(hasItem("publishName")))
                .body("participants[0].consent.withdrawUrl", equalTo(url))
                .body("consent.publishNames", equalTo(false));
        // A child added later is given nothing by the earlier ticks: its guardian's consent is its own.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Ishani", null),
                        child("Tanvir", null)))).patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants[1].consent", equalTo(null)).body("consent.judging", equalTo(false));
    }

    @Test
    void theLegacyEntryLevelConsentStillRecordsOneRecordPerChildAndTheEntryCanBeSubmitted() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Legacy Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Legacy School"));
        Map<String, Object> legacy = Map.of("judging", true, "publishWork", true, "publishNames", false,
                "attestedBy", "Ms. Rao");
        long eid = create(school, cid, entry("Legacy", List.of(child("Asha", null), child("Dev", null)), legacy));
        JsonPath json = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("consent.judging")).isTrue();
        assertThat(json.getBoolean("consent.publishNames")).isFalse();
        assertThat(json.getString("consent.attestedBy")).isEqualTo("Ms. Rao");
        for (int i = 0; i < 2; i++) {
            assertThat(json.getString("participants[" + i + "].consent.verification"))
                    .isEqualTo("PAPER_FORM_HELD_BY_SCHOOL");
            assertThat(json.getString("participants[" + i + "].consent.attestedBy")).isEqualTo("Ms. Rao");
            assertThat(json.getList("participants[" + i + "].consent.scopes", String.class))
                    .containsExactlyInAnyOrder("judging", "publishWork");
        }
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void submitIsRefusedWhileOneChildLacksJudgingConsentNamingThatChildByPosition() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Submit Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Submit School"));
        long eid = create(school, cid, entry("Half Consent", List.of(
                child("Mira", guardian("Lakshmi", "+91 98300 44444", "judging")),
                child("Zoya", guardian("Joseph", "+91 98300 55555", "publishWork"))), ATTESTED));
        Response refused = school.api().post("/api/entries/" + eid + "/submit");
        Api.problem(refused, 422).body("violations.field", hasItems("consent.judging",
                "participants[1].consent.judging")).body("violations.field", not(hasItem(
                "participants[0].consent.judging")));
        assertThat(refused.asString()).doesNotContain("Zoya");
        school.api().get("/api/entries/" + eid).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void badConsentGetsA422NamingTheFieldAndKeepsNothing() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Invalid Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Invalid School"));
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        Map<String, Object> noContact = guardian("Parveen", null, "judging");
        cases.put("participants[1].consent.guardianPhone", noContact);
        Map<String, Object> noReference = guardian("Gopal", "+91 98300 66666", "judging");
        noReference.remove("verificationReference");
        cases.put("participants[1].consent.verificationReference", noReference);
        Map<String, Object> other = guardian("Gopal", "+91 98300 66666", "judging");
        other.put("verification", "OTHER");
        cases.put("participants[1].consent.verificationNote", other);
        Map<String, Object> email = guardian("Gopal", "+91 98300 66666", "judging");
        email.put("verification", "GUARDIAN_EMAIL_CONFIRMED");
        cases.put("participants[1].consent.guardianEmail#emailConfirmedNeedsAnAddress", email);
        Map<String, Object> notice = guardian("Gopal", "+91 98300 66666", "judging");
        notice.put("noticeVersion", 999_999);
        cases.put("participants[1].consent.noticeVersion", notice);
        Map<String, Object> relationship = guardian("Gopal", "+91 98300 66666", "judging");
        relationship.put("relationship", "UNCLE");
        cases.put("participants[1].consent.relationship", relationship);
        Map<String, Object> scope = guardian("Gopal", "+91 98300 66666", "judging");
        scope.put("scopes", List.of("judging", "sell"));
        cases.put("participants[1].consent.scopes[1]", scope);
        Map<String, Object> nameless = guardian("Gopal", "+91 98300 66666", "judging");
        nameless.put("guardianName", " ");
        cases.put("participants[1].consent.guardianName", nameless);
        Map<String, Object> phone = guardian("Gopal", "not a phone", "judging");
        cases.put("participants[1].consent.guardianPhone#pattern", phone);
        Map<String, Object> mail = guardian("Gopal", null, "judging");
        mail.put("guardianEmail", "not-an-address");
        cases.put("participants[1].consent.guardianEmail", mail);

        long before = Api.entryCount(school.api(), cid);
        long draft = create(school, cid, entry("Valid", List.of(child("Tara", guardian("Sunita", "+91 98300 1",
                "judging"))), ATTESTED));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            String field = c.getKey().replaceAll("#.*", "");
            List<Map<String, Object>> children = List.of(child("Tara", guardian("Sunita", "+91 98300 77777",
                    "judging")), child("Dev", c.getValue()));
            Response created = post(school, cid, entry("Invalid", children, ATTESTED));
            Api.problem(created, 422).body("violations.field", hasItem(field));
            assertThat(created.statusCode()).as(c.getKey()).isEqualTo(422);
            Response patched = school.api().contentType(ContentType.JSON).body(Map.of("participants", children))
                    .patch("/api/entries/" + draft);
            Api.problem(patched, 422).body("violations.field", hasItem(field));
        }
        assertThat(Api.entryCount(school.api(), cid)).isEqualTo(before + 1);
        JsonPath kept = school.api().get("/api/entries/" + draft).then().statusCode(200).extract().jsonPath();
        assertThat(kept.getList("participants")).hasSize(1);
        assertThat(kept.getString("participants[0].consent.guardianName")).isEqualTo("Sunita");

        // The legacy form needs its three choices together.
        Api.problem(post(school, cid, entry("Half legacy", List.of(child("Tara", null)),
                Map.of("judging", true))), 422).body("violations.field", hasItems("consent.publishWork",
                "consent.publishNames"));
        // The organiser's flag needs its value.
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of())
                .put("/api/entries/" + draft + "/identifiable-child"), 422);
    }

    @Test
    void thePublicPageAndApiShowEachChildsNameOnlyWithItsGuardiansConsentAndNeverWithAnIdentifiableChild() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Names Competition"), 2);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Names School"));
        long mixed = create(school, cid, entry("Mixed Names Poster", List.of(
                child("Anwesha", guardian("Sunita", "+91 98300 10101", "judging", "publishWork", "publishName")),
                child("Bidisha", guardian("Rakesh", "+91 98300 20202", "judging", "publishWork"))), ATTESTED));
        long flagged = create(school, cid, entry("Flagged Poster by Chandrima and Farida", List.of(
                child("Chandrima", guardian("Farida", "+91 98300 30303", "judging", "publishWork", "publishName"))),
                ATTESTED));
        school.api().post("/api/entries/" + mixed + "/submit").then().statusCode(200);
        school.api().post("/api/entries/" + flagged + "/submit").then().statusCode(200);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("identifiableChild", true))
                .put("/api/entries/" + flagged + "/identifiable-child").then().statusCode(200)
                .body("identifiableChild", equalTo(true));
        school.api().contentType(ContentType.JSON).body(Map.of("identifiableChild", false))
                .put("/api/entries/" + flagged + "/identifiable-child").then().statusCode(403);

        Fixtures.transition(cid, "JUDGING");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.assignEveryone(cid);
        Fixtures.score(juror, mixed, 9, 9, 9);
        Fixtures.score(juror, flagged, 8, 8, 8);
        Fixtures.freeze(cid);
        Fixtures.transition(cid, "PUBLISHED");

        JsonPath api = given().get("/api/public/competitions/" + cid + "/shortlist").then().statusCode(200)
                .extract().jsonPath();
        Map<String, List<String>> names = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            // A title is a child's words: names the public may not read are hidden in it too.
            names.put(api.getString("entries[" + i + "].title").replaceAll(" by .*", ""),
                    api.getList("entries[" + i + "].participants", String.class));
            assertThat(api.getString("entries[" + i + "].title")).doesNotContain("Chandrima").doesNotContain("Farida");
            assertThat(api.getBoolean("entries[" + i + "].workPublished")).isTrue();
        }
        assertThat(names.get("Mixed Names Poster")).containsExactly("Anwesha");
        assertThat(names.get("Flagged Poster")).isEmpty();
        String page = given().get("/shortlist/" + cid).then().statusCode(200).extract().asString();
        assertThat(page).contains("Anwesha").doesNotContain("Bidisha").doesNotContain("Chandrima")
                .contains("Flagged Poster");
        String csv = Fixtures.organiser().get("/api/competitions/" + cid + "/exports/shortlist.csv").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains("Mixed Names Poster").doesNotContain("Bidisha").doesNotContain("Chandrima");
        JsonPath flag = Fixtures.organiser().queryParam("action", "ENTRY_IDENTIFIABLE_CHILD")
                .get("/api/competitions/" + cid + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(flag.getInt("total")).isEqualTo(1);
        assertThat(flag.getBoolean("items[0].after.identifiableChild")).isTrue();
    }

    @Test
    void aChangedNoticeTextIsANewVersionAndRecordsKeepTheirs() {
        int current = notices.currentVersion();
        given().get("/api/consent-notice").then().statusCode(200).body("version", equalTo(current))
                .body("text", org.hamcrest.Matchers.containsString("withdraw"))
                .header("Cache-Control", org.juryroom.publishing.PublicCaching.REVALIDATE);
        long cid = Fixtures.openCompetition(Fixtures.unique("Notice Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Notice School"));
        long eid = create(school, cid, entry("Notice", List.of(child("Puja", guardian("Amit", "+91 98300 1",
                "judging"))), ATTESTED));

        String changed = "Consent notice\n\nA changed text " + java.util.UUID.randomUUID();
        int next = notices.register(Map.of("en", changed));
        assertThat(next).isGreaterThan(current);
        assertThat(notices.register(Map.of("en", changed))).as("the same text is the same version").isEqualTo(next);
        given().queryParam("version", next).get("/api/consent-notice").then().statusCode(200)
                .body("version", equalTo(next)).body("text", equalTo(changed.substring("Consent notice\n\n".length())));
        given().queryParam("version", current).get("/api/consent-notice").then().statusCode(200)
                .body("version", equalTo(current));
        given().queryParam("version", 999_999).get("/api/consent-notice").then().statusCode(404);
        // The app's notice stays the current one; the record keeps the version it was given on.
        given().get("/api/consent-notice").then().body("version", equalTo(current));
        school.api().get("/api/entries/" + eid).then().body("participants[0].consent.noticeVersion", equalTo(current));
        Map<String, Object> onNext = guardian("Amit", "+91 98300 1", "judging");
        onNext.put("noticeVersion", next);
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Puja", onNext))))
                .patch("/api/entries/" + eid).then().statusCode(200)
                .body("participants[0].consent.noticeVersion", equalTo(next));
    }

    /**
     * Instances starting together, some with one new text, some with another: each text gets one
     * version, the two get different ones, and no start fails (without the lock both would take
     * max+1 and one would die on the unique version).
     */
    @Test
    void concurrentRegistrationsOfNewTextsMakeOneVersionEach() throws Exception {
        java.util.Random random = new java.util.Random(1111);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Map<String, String>> texts = List.of(Map.of("en", "Race " + round + " a " + random.nextLong()),
                        Map.of("en", "Race " + round + " b " + random.nextLong()));
                List<Integer> picks = new ArrayList<>();
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    int pick = random.nextInt(2);
                    picks.add(pick);
                    calls.add(() -> notices.register(texts.get(pick)));
                }
                List<Future<Integer>> results = pool.invokeAll(calls);
                Map<Integer, Set<Integer>> versions = new HashMap<>();
                for (int i = 0; i < calls.size(); i++) {
                    versions.computeIfAbsent(picks.get(i), k -> new java.util.HashSet<>()).add(results.get(i).get());
                }
                for (Set<Integer> v : versions.values()) {
                    assertThat(v).hasSize(1);
                }
                int a = notices.register(texts.get(0));
                int b = notices.register(texts.get(1));
                assertThat(a).isNotEqualTo(b);
                assertThat(Math.abs(a - b)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
