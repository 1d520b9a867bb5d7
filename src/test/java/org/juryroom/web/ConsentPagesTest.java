package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The school's entry form records each child's guardian consent; the entry pages show it; the organiser's flag. */
@QuarkusTest
class ConsentPagesTest {

    private static RequestSpecification form(WebSession web, long cid) {
        return given().cookies(web.cookies()).redirects().follow(false)
                .multiPart("_csrf", web.token("/school/competitions/" + cid + "/new"))
                .multiPart("title", "Ask Before You Post").multiPart("categoryCode", "poster")
                .multiPart("attestedBy", "Mrs. Das, class teacher")
                .multiPart("files", new File("uploads-sample/posters/poster-01.jpg"), "image/jpeg");
    }

    @Test
    void theSchoolRecordsEachChildsGuardianConsentOnTheFormAndSeesTheWithdrawalLink() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Consent Pages"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Riverside School"));
        WebSession web = WebSession.signIn(school.username(), school.password());

        String blank = web.get("/school/competitions/" + cid + "/new").asString();
        assertThat(blank).contains("name=\"child.0.guardianName\"").contains("name=\"child.0.scopes\"")
                .contains("Consent notice for parents and guardians").contains("name=\"noticeVersion\"");

        // The second child's guardian has no e-mail or phone: the form comes back with the error by that field.
        Response refused = form(web, cid)
                .multiPart("firstName", "Riya").multiPart("grade", "7")
                .multiPart("child.0.guardianName", "Sunita").multiPart("child.0.relationship", "PARENT")
                .multiPart("child.0.guardianPhone", "+91 98300 12345")
                .multiPart("child.0.verification", "PAPER_FORM_HELD_BY_SCHOOL")
                .multiPart("child.0.verificationReference", "7B-14")
                .multiPart("child.0.scopes", "judging").multiPart("child.0.scopes", "publishWork")
                .multiPart("firstName", "Kabir").multiPart("grade", "8")
                .multiPart("child.1.guardianName", "Rakesh").multiPart("child.1.relationship", "LEGAL_GUARDIAN")
                .multiPart("child.1.verification", "OTHER").multiPart("child.1.verificationNote", "Met at school")
                .multiPart("child.1.scopes", "judging")
                .post("/school/competitions/" + cid + "/entries");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("data-field=\"participants[1].consent.guardianPhone\"")
                .contains("give the guardian&#39;s e-mail or phone").contains("value=\"Rakesh\"");

        Response created = form(web, cid)
                .multiPart("firstName", "Riya").multiPart("grade", "7")
                .multiPart("child.0.guardianName", "Sunita").multiPart("child.0.relationship", "PARENT")
                .multiPart("child.0.guardianPhone", "+91 98300 12345")
                .multiPart("child.0.verification", "PAPER_FORM_HELD_BY_SCHOOL")
                .multiPart("child.0.verificationReference", "7B-14")
                .multiPart("child.0.scopes", "judging").multiPart("child.0.scopes", "publishWork")
                .multiPart("firstName", "Kabir").multiPart("grade", "8")
                .multiPart("child.1.guardianName", "Rakesh").multiPart("child.1.relationship", "LEGAL_GUARDIAN")
                .multiPart("child.1.guardianEmail", "rakesh@home.example")
                .multiPart("child.1.verification", "OTHER").multiPart("child.1.verificationNote", "Met at school")
                .multiPart("child.1.scopes", "judging").multiPart("child.1.scopes", "publishName")
                .post("/school/competitions/" + cid + "/entries");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        String location = created.header("Location");
        String entryPath = location.substring(location.indexOf("/school/entries/"), location.indexOf('?'));
        long eid = Long.parseLong(entryPath.substring("/school/entries/".length()));

        var json = Fixtures.organiser().get("/api/entries/" + eid).jsonPath();
        assertThat(json.getString("participants[1].consent.verificationNote")).isEqualTo("Met at school");
        String link = json.getString("participants[0].consent.withdrawUrl");
        String page = web.get(entryPath).asString();
        assertThat(page).contains("Sunita").contains("7B-14").contains("rakesh@home.example").contains(link);

        // The edit form shows the records; saving it unchanged keeps them and their links.
        String edit = web.get(entryPath + "/edit").asString();
        assertThat(edit).contains("value=\"Sunita\"").contains("value=\"7B-14\"");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Ask Before You Post");
        fields.put("categoryCode", "poster");
        fields.put("firstName", "Riya");
        fields.put("grade", "7");
        fields.put("attestedBy", "Mrs. Das");
        fields.put("child.0.guardianName", "Sunita");
        fields.put("child.0.relationship", "PARENT");
        fields.put("child.0.guardianPhone", "+91 98300 12345");
        fields.put("child.0.verification", "PAPER_FORM_HELD_BY_SCHOOL");
        fields.put("child.0.verificationReference", "7B-14");
        fields.put("child.0.scopes", "judging");
        Response saved = web.post(entryPath + "/edit", entryPath, fields);
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        json = Fixtures.organiser().get("/api/entries/" + eid).jsonPath();
        assertThat(json.getString("participants[0].consent.withdrawUrl")).isEqualTo(link);
        assertThat(json.getList("participants")).hasSize(1);
        assertThat(json.getList("participants[0].consent.scopes", String.class)).containsExactly("judging");

        // The organiser sees the records and sets the identifiable-child flag from the entry page.
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String orgPage = organiser.get("/organiser/entries/" + eid).asString();
        assertThat(orgPage).contains("Sunita").contains(link).contains("identifiable-child");
        Response flagged = organiser.post("/organiser/entries/" + eid, "/organiser/entries/" + eid
                + "/identifiable-child", Map.of("identifiableChild", "on"));
        assertThat(flagged.statusCode()).isEqualTo(303);
        assertThat(Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getBoolean("identifiableChild")).isTrue();
    }
}
