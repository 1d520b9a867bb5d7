package org.juryroom.dataaccess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.as;
import static org.juryroom.support.Api.organiser;

/**
 * Access requests (docs/privacy.md): the school's file holds everything about the children of its own
 * entries, in every competition, and nothing of another school's; an organiser's file answers for one
 * child of an entry, with nothing of another child or family; what safeguarding and the trail disclose; who
 * is refused; each file served is audited; its notes are in the language of the guardian who asks.
 */
@QuarkusTest
class AccessRequestTest {

    private static final FilePart PNG = FilePart.sample("posters/poster-07.png");

    @Inject
    EntityManager em;

    record Made(long id, String code, List<String> children) {
    }

    /** An entry of two children with a PNG (an entry needs a file), and their guardians' records. */
    private Made entry(Account school, long cid) {
        List<String> children = List.of(JudgingFixtures.firstName(), JudgingFixtures.firstName());
        Map<String, Object> body = Api.entryBody(POSTER);
        body.put("participants", List.of(Api.participant(children.get(0), 7), Api.participant(children.get(1), 6)));
        JsonPath e = Api.createEntry(school, cid, body, PNG);
        ConsentRecords.ensure(em, e.getLong("id"));
        return new Made(e.getLong("id"), e.getString("code"), children);
    }

    @Test
    void theSchoolsFileHoldsEverythingAboutItsOwnEntriesAndNothingOfAnotherSchools() {
        long cid = Api.createOpenCompetition();
        long otherCid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Account other = Api.createSchool();
        Made first = entry(school, cid);
        Made second = entry(school, otherCid);
        Made theirs = entry(other, cid);
        String statement = "Changed statement " + JudgingFixtures.firstName();
        as(school).contentType(ContentType.JSON).body(Map.of("statement", statement))
                .patch("/api/entries/{eid}", first.id()).then().statusCode(200);

        Response r = as(school).get("/api/schools/me/data");
        r.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"juryroom-data-school-" + school.id() + ".json\"");
        assertThat(r.header("Cache-Control")).contains("no-store");
        String body = r.asString();
        JsonPath file = r.jsonPath();

        assertThat(file.getString("format")).isEqualTo("juryroom-access-request/1");
        assertThat(file.getLong("school.id")).isEqualTo(school.id());
        assertThat(file.getString("school.name")).isEqualTo(school.name());
        assertThat(file.getList("entries.code", String.class)).containsExactly(first.code(), second.code());
        assertThat(file.getList("entries.competition.id", Long.class)).containsExactly(cid, otherCid);

        // The entry as held: text, status, category, dates, and each child with their guardian's record.
        String e = "entries[0].";
        assertThat(file.getString(e + "statement")).isEqualTo(statement);
        assertThat(file.getString(e + "status")).isEqualTo("DRAFT");
        assertThat(file.getString(e + "category.code")).isEqualTo(POSTER);
        assertThat(file.getString(e + "createdAt")).isNotBlank();
        assertThat(file.getList(e + "children.firstName", String.class)).containsExactlyElementsOf(first.children());
        assertThat(file.getList(e + "children.grade", Integer.class)).containsExactly(7, 6);
        List<Map<String, Object>> records = ConsentRecords.read(em, first.id());
        assertThat(records).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String g = e + "children[" + i + "].guardianConsent.";
            Map<String, Object> held = records.get(i);
            assertThat(file.getString(g + "guardianName")).isEqualTo(held.get("guardianName"));
            assertThat(file.getString(g + "guardianEmail")).isEqualTo(held.get("guardianEmail"));
            assertThat(file.getString(g + "verification")).isEqualTo(held.get("verification"));
            assertThat(file.getString(g + "verificationReference")).isEqualTo(held.get("verificationReference"));
            // No family's withdrawal link: the school forwards this file; it hands links on from the entry page.
            assertThat(file.getString(g + "withdrawUrl")).isNull();
            assertThat(body).doesNotContain((String) held.get("token"));
            assertThat(file.getInt(g + "notice.version")).isEqualTo(((Number) held.get("noticeVersion")).intValue());
            Map<String, String> texts = file.getMap(g + "notice.texts", String.class, String.class);
            assertThat(texts).isNotEmpty();
            texts.forEach((lang, text) -> assertThat((String) held.get("noticeTexts")).contains(lang).contains(
                    text.substring(0, Math.min(40, text.length()))));
            assertThat(file.getBoolean(g + "scopes.judging.given")).isTrue();
            boolean withdrawn = (Boolean) held.get("publishNameWithdrawn");
            assertThat(file.getBoolean(g + "scopes.publishName.active")).isEqualTo(!withdrawn);
            assertThat(file.getString(g + "scopes.publishName.withdrawnAt") != null).isEqualTo(withdrawn);
            assertThat(file.getString(g + "givenAt")).isNotBlank();
        }

        // Files: details and where the bytes are, not the bytes.
        assertThat(file.getList(e + "files.name", String.class)).containsExactly(PNG.fileName());
        assertThat(file.getString(e + "files[0].sha256")).isEqualTo(PNG.sha256());
        assertThat(file.getLong(e + "files[0].size")).isEqualTo(PNG.bytes().length);
        assertThat(file.getString(e + "files[0].contentType")).isEqualTo("image/png");
        assertThat(file.getString(e + "files[0].uploadedAt")).isNotBlank();
        assertThat(file.getString(e + "files[0].download"))
                .isEqualTo("/api/entries/" + first.id() + "/files/" + file.getLong(e + "files[0].id"));

        // The trail about the entry: role and values of its content, never who by name.
        assertThat(file.getList(e + "auditEvents.action", String.class)).contains("ENTRY_CREATED", "ENTRY_UPDATED");
        assertThat(file.getList(e + "auditEvents.actorRole", String.class)).containsOnly("school");
        List<Map<String, Object>> updates = file.param("a", "ENTRY_UPDATED")
                .getList(e + "auditEvents.findAll { it.action == a }");
        assertThat(updates).hasSize(1);
        assertThat(String.valueOf(updates.get(0).get("after"))).contains(statement);
        assertThat(body).doesNotContain(school.username());

        // Nothing of the other school's entry.
        assertThat(body).doesNotContain(theirs.code()).doesNotContain(theirs.children().get(0))
                .doesNotContain(theirs.children().get(1)).doesNotContain(other.name());

        // Served and audited, with nothing personal in the event.
        List<Object[]> served = servedEvents("school", school.id());
        assertThat(served).hasSize(1);
        assertThat((String) served.get(0)[0]).contains(first.code()).contains(second.code())
                .doesNotContain(first.children().get(0));
        assertThat(served.get(0)[1]).isEqualTo("school");

        // The other school's file holds its own entry only.
        String theirFile = as(other).get("/api/schools/me/data").then().statusCode(200).extract().asString();
        assertThat(theirFile).contains(theirs.code()).contains(theirs.children().get(0))
                .doesNotContain(first.code()).doesNotContain(first.children().get(0)).doesNotContain(statement);
    }

    @Test
    void anOrganiserServesOneEntrysFileAndSafeguardingIsDisclosedOnlyAsFarAsEachMayKnow() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Made made = entry(school, cid);
        Made sibling = entry(school, cid);
        String note = "Concern note " + JudgingFixtures.firstName();
        as(school).contentType(ContentType.JSON)
                .body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL", "note", note))
                .post("/api/entries/{eid}/concerns", made.id()).then().statusCode(201);

        Response r = organiser().queryParam("position", 0).get("/api/entries/{eid}/data", made.id());
        r.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(r.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"juryroom-data-entry-" + made.code() + "-child-0.json\"");
        assertThat(r.header("Cache-Control")).contains("no-store");
        JsonPath file = r.jsonPath();
        assertThat(file.getString("requestedByRole")).isEqualTo("organiser");
        assertThat(file.getString("school")).isNull();
        assertThat(file.getList("entries.code", String.class)).containsExactly(made.code());
        assertThat(file.getList("entries[0].children.firstName", String.class))
                .containsExactly(made.children().get(0), null);
        assertThat(file.getString("entries[0].children[0].guardianConsent.withdrawUrl"))
                .isEqualTo("/consent/" + ConsentRecords.read(em, made.id()).get(0).get("token"));
        assertThat(file.getString("entries[0].children[1].guardianConsent")).isNull();
        // Organisers know that the entry is held (as on their entry page), never what the concern says or who raised it.
        assertThat(file.getString("entries[0].safeguardingHold")).isEqualTo("HELD");
        List<Map<String, Object>> held = file.param("a", "ENTRY_HELD").getList("entries[0].auditEvents.findAll { it.action == a }");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("actorRole")).isEqualTo("safeguarding");
        assertThat(held.get(0).get("after")).isNull();
        assertThat(r.asString()).doesNotContain(note).doesNotContain(sibling.code()).doesNotContain(school.username());
        List<Object[]> served = servedEvents("entry", made.id());
        assertThat(served).hasSize(1);
        assertThat((String) served.get(0)[0]).contains(made.code()).contains("\"position\": 0");
        assertThat(served.get(0)[1]).isEqualTo("organiser");

        // The school is told nothing of the concern: no hold, no safeguarding event, no note.
        Response mine = as(school).get("/api/schools/me/data");
        JsonPath own = mine.then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("entries.code", String.class)).containsExactly(made.code(), sibling.code());
        assertThat(own.getString("entries[0].safeguardingHold")).isNull();
        assertThat(own.getList("entries[0].auditEvents.actorRole", String.class)).doesNotContain("safeguarding");
        assertThat(own.getList("entries[0].auditEvents.action", String.class)).doesNotContain("ENTRY_HELD");
        assertThat(mine.asString()).doesNotContain(note);
    }

    @Test
    void onlyTheSchoolItselfAndOrganisersGetAFile() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Account other = Api.createSchool();
        Account juror = Api.createJuror();
        Made made = entry(school, cid);

        Api.anonymous().get("/api/entries/{eid}/data", made.id()).then().statusCode(401);
        Api.anonymous().get("/api/schools/me/data").then().statusCode(401);
        as(other).get("/api/entries/{eid}/data", made.id()).then().statusCode(403);
        as(school).get("/api/entries/{eid}/data", made.id()).then().statusCode(403);
        as(juror).get("/api/entries/{eid}/data", made.id()).then().statusCode(403);
        as(juror).get("/api/schools/me/data").then().statusCode(403);
        organiser().get("/api/schools/me/data").then().statusCode(403);
        Api.problem(organiser().get("/api/entries/{eid}/data", Long.MAX_VALUE), 404);
        assertThat(servedEvents("entry", made.id())).isEmpty();
    }

    @Test
    void thePagesLinkToTheFilesAndServeThemToTheSignedInBrowser() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Made made = entry(school, cid);

        WebSession web = WebSession.signIn(school.username(), school.password());
        assertThat(web.get("/school").asString()).contains("href=\"/school/data\"")
                .contains("Download everything we hold about your entries");
        Response download = web.get("/school/data");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Cache-Control")).contains("no-store");
        assertThat(download.jsonPath().getList("entries.code", String.class)).containsExactly(made.code());

        // One file per child, for that child's guardian: the organiser picks the child.
        WebSession org = WebSession.signIn(Api.ORGANISER, RealStack.ORGANISER_PASSWORD);
        assertThat(org.get("/organiser/entries/" + made.id()).asString())
                .contains("href=\"/organiser/entries/" + made.id() + "/data?position=0\"")
                .contains("href=\"/organiser/entries/" + made.id() + "/data?position=1\"")
                .contains("Download " + made.children().get(0) + "&#39;s personal data")
                .contains("Download " + made.children().get(1) + "&#39;s personal data");
        Response entryFile = org.get("/organiser/entries/" + made.id() + "/data?position=1");
        assertThat(entryFile.statusCode()).isEqualTo(200);
        assertThat(entryFile.header("Content-Disposition")).contains(made.code()).doesNotContain(made.children().get(1));
        assertThat(entryFile.jsonPath().getList("entries[0].children.firstName", String.class))
                .containsExactly(null, made.children().get(1));
        assertThat(org.get("/organiser/entries/" + made.id() + "/data").statusCode()).isEqualTo(400);
    }

    /**
     * An entry of two children, each with their own guardian's record (name, e-mail, phone, form reference) in
     * {@code languages}; the statement names both children.
     */
    private Made groupEntry(Account school, long cid, String... languages) {
        List<String> children = List.of(JudgingFixtures.firstName(), JudgingFixtures.firstName());
        Map<String, Object> body = Api.entryBody(POSTER);
        body.put("statement", "Painted by " + children.get(0) + " and " + children.get(1) + " together.");
        List<Map<String, Object>> participants = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = children.get(i);
            Map<String, Object> guardian = new java.util.LinkedHashMap<>();
            guardian.put("guardianName", (i == 0 ? "Anjali " : "Bina ") + JudgingFixtures.firstName());
            guardian.put("relationship", "PARENT");
            guardian.put("guardianEmail", name.toLowerCase() + ".parent@example.org");
            guardian.put("guardianPhone", "+91 98300 1111" + i);
            guardian.put("verification", "PAPER_FORM_HELD_BY_SCHOOL");
            guardian.put("verificationReference", "FORM-" + name);
            // The school's note shares ordinary words with the statement: the asking family's text keeps them.
            guardian.put("verificationNote", "Form signed together by " + name + " in the school office");
            guardian.put("scopes", List.of("judging", "publishWork", "publishName"));
            guardian.put("language", languages[i]);
            participants.add(Map.of("firstName", name, "grade", 7 - i, "consent", guardian));
        }
        body.put("participants", participants);
        JsonPath e = Api.createEntry(school, cid, body, PNG);
        return new Made(e.getLong("id"), e.getString("code"), children);
    }

    /** A child removed from the entry is another family's too: the trail's record of them is hidden. */
    @Test
    void aChildRemovedFromTheEntryIsNotInAnotherChildsFile() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        List<String> children = List.of(JudgingFixtures.firstName(), JudgingFixtures.firstName(),
                JudgingFixtures.firstName());
        Map<String, Object> body = Api.entryBody(POSTER);
        body.put("participants", List.of(Api.participant(children.get(0), 7), Api.participant(children.get(1), 6),
                Api.participant(children.get(2), 5)));
        long eid = Api.createEntry(school, cid, body, PNG).getLong("id");
        Api.as(school).contentType(ContentType.JSON).body(Map.of("participants",
                List.of(Api.participant(children.get(0), 7), Api.participant(children.get(1), 6))))
                .patch("/api/entries/{eid}", eid).then().statusCode(200);
        ConsentRecords.ensure(em, eid);

        String text = organiser().queryParam("position", 0).get("/api/entries/{eid}/data", eid).then()
                .statusCode(200).extract().asString();
        assertThat(text).contains(children.get(0)).doesNotContain(children.get(1)).doesNotContain(children.get(2));
    }

    @Test
    void aGroupEntrysFileAnswersForOneChildWithNothingOfTheOtherChildOrTheirGuardian() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Made made = groupEntry(school, cid, "en", "en");
        long eid = made.id();
        List<String> children = made.children();
        List<Map<String, Object>> records = ConsentRecords.read(em, eid);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.get("guardianEmail")).isNotNull());
        // The second child's guardian withdraws a scope: an event about that child's record only.
        organiser().contentType(ContentType.JSON).body(Map.of("scopes", List.of("publishWork")))
                .post("/api/entries/{eid}/consents/1/withdraw", eid).then().statusCode(200);

        for (int child = 0; child < 2; child++) {
            int other = 1 - child;
            Response r = organiser().queryParam("position", child).queryParam("lang", "en")
                    .get("/api/entries/{eid}/data", eid);
            r.then().statusCode(200);
            String text = r.asString();
            JsonPath file = r.jsonPath();
            Map<String, Object> own = records.get(child);
            Map<String, Object> theirs = records.get(other);
            assertThat(text).as("the file for child " + child).contains(children.get(child))
                    .contains((String) own.get("guardianEmail")).contains("/consent/" + own.get("token"))
                    .doesNotContain(children.get(other)).doesNotContain((String) theirs.get("guardianName"))
                    .doesNotContain((String) theirs.get("guardianEmail")).doesNotContain((String) theirs.get("token"))
                    .doesNotContain((String) theirs.get("verificationReference"));
            String c = "entries[0].children[" + other + "].";
            assertThat(file.getInt(c + "position")).isEqualTo(other);
            assertThat(file.getString(c + "firstName")).isNull();
            assertThat(file.getString(c + "grade")).isNull();
            assertThat(file.getString(c + "guardianConsent")).isNull();
            assertThat(file.getString("entries[0].statement")).isEqualTo(child == 0
                    ? "Painted by " + children.get(0) + " and █████ together."
                    : "Painted by █████ and " + children.get(1) + " together.");
            // The trail keeps the entry's history: the other child's name and grade hidden where it held them.
            List<Map<String, Object>> created = file.param("a", "ENTRY_CREATED")
                    .getList("entries[0].auditEvents.findAll { it.action == a }.after.participants[0]");
            assertThat(created.get(other)).containsEntry("firstName", "█████").containsEntry("grade", null);
            assertThat(created.get(child)).containsEntry("firstName", children.get(child));
            // The withdrawal is the second child's: in that child's file only.
            assertThat(file.getList("entries[0].auditEvents.action", String.class).contains("CONSENT_WITHDRAWN"))
                    .isEqualTo(child == 1);
            String place = "position " + child;
            assertThat(file.getList("notes", String.class)).anyMatch(n -> n.contains(place));
        }

        // Without a position a group entry's file would be every family's: refused, saying how to choose.
        Api.problem(organiser().get("/api/entries/{eid}/data", eid), 400)
                .body("detail", org.hamcrest.Matchers.containsString("'position' (0 to 1)"));
        Api.problem(organiser().queryParam("position", 2).get("/api/entries/{eid}/data", eid), 404);
        Api.problem(organiser().queryParam("position", -1).get("/api/entries/{eid}/data", eid), 404);
        Api.problem(organiser().queryParam("position", "first").get("/api/entries/{eid}/data", eid), 400);
        assertThat(servedEvents("entry", eid)).hasSize(2);

        // An entry of one child: its whole file, as before.
        Map<String, Object> single = Api.entryBody(POSTER);
        single.put("participants", List.of(Api.participant(JudgingFixtures.firstName(), 5)));
        long alone = Api.createEntry(school, cid, single, PNG).getLong("id");
        ConsentRecords.ensure(em, alone);
        JsonPath whole = organiser().get("/api/entries/{eid}/data", alone).then().statusCode(200).extract().jsonPath();
        assertThat(whole.getList("entries[0].children.guardianConsent.guardianEmail", String.class))
                .containsExactly((String) ConsentRecords.read(em, alone).get(0).get("guardianEmail"));
    }

    @Test
    void theNotesAreInTheLanguageTheGuardianChoseElseTheRequests() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Made made = groupEntry(school, cid, "hi", "en");
        // A record older than the choice of language has none.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update guardian_consent set language = null where entry_id = ?1 and position = 1")
                .setParameter(1, made.id()).executeUpdate());

        // The first guardian chose Hindi for their mails: so reads their file, whatever the organiser's language.
        List<String> hindi = organiser().queryParam("position", 0).queryParam("lang", "en")
                .get("/api/entries/{eid}/data", made.id()).then().statusCode(200).extract().jsonPath()
                .getList("notes", String.class);
        assertThat(hindi).hasSize(5).allMatch(n -> n.matches("(?s).*[\\u0900-\\u097F].*"));
        assertThat(String.join(" ", hindi)).contains("JuryRoom के पास");
        // The second guardian's record has no language: the request's.
        List<String> bengali = organiser().queryParam("position", 1).queryParam("lang", "bn")
                .get("/api/entries/{eid}/data", made.id()).then().statusCode(200).extract().jsonPath()
                .getList("notes", String.class);
        assertThat(bengali).hasSize(5).allMatch(n -> n.matches("(?s).*[\\u0980-\\u09FF].*"));
        List<String> english = organiser().queryParam("position", 1).queryParam("lang", "en")
                .get("/api/entries/{eid}/data", made.id()).then().statusCode(200).extract().jsonPath()
                .getList("notes", String.class);
        assertThat(english.get(0)).contains("DPDP Act 2023 s.11");
        // The school's file: the language of the school's request.
        assertThat(as(school).queryParam("lang", "bn").get("/api/schools/me/data").then().statusCode(200).extract()
                .jsonPath().getList("notes", String.class)).hasSize(4)
                .allMatch(n -> n.matches("(?s).*[\\u0980-\\u09FF].*"));
    }

    /** The ACCESS_REQUEST_SERVED events about a subject: their after-value and actor role. */
    @SuppressWarnings("unchecked")
    private List<Object[]> servedEvents(String subjectType, long subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(after_value as text), actor_role from audit_event where action = 'ACCESS_REQUEST_SERVED'"
                                + " and subject_type = ?1 and subject_id = ?2")
                .setParameter(1, subjectType).setParameter(2, subjectId).getResultList());
    }
}
