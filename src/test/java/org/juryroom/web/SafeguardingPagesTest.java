package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Safeguarding in the browser's pages: the dialog on entry pages, the thank-you, the desk, contacts, leads. */
@QuarkusTest
class SafeguardingPagesTest {

    private static final Pattern CONCERN_LINK = Pattern.compile("href=\"/safeguarding/concerns/(\\d+)\">(SG-[A-Z0-9]{6})<");

    @Test
    void aJurorRaisesAConcernFromTheEntryPageAndTheLeadReleasesItFromTheDesk() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Desk", 3, "Oak School", "My friend's secret", "Tuli");
        WebSession juror = WebSession.signIn(p.juror().username(), p.juror().password());
        String entryPage = juror.get("/jury/entries/" + p.entryId()).asString();
        assertThat(entryPage).contains("Raise a safeguarding concern").contains("action=\"/concerns/entries/"
                + p.entryId() + "\"");

        // Refused without a note: the full form comes back with the message next to the field.
        Response refused = juror.post("/jury/entries/" + p.entryId(), "/concerns/entries/" + p.entryId(),
                Map.of("kind", "DISCLOSURE", "note", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("The concern was not sent").contains("checked");

        Response sent = juror.post("/jury/entries/" + p.entryId(), "/concerns/entries/" + p.entryId(),
                Map.of("kind", "DISCLOSURE", "urgent", "yes", "note", "The poster's caption describes a grooming chat.",
                        "excerpt", "bottom caption"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/concerns/thanks");
        String thanks = juror.get("/concerns/thanks").asString();
        assertThat(thanks).contains("you do not need to do anything else").containsPattern("SG-[A-Z0-9]{6}")
                .doesNotContain("grooming").doesNotContain("Immediate danger");
        assertThat(juror.get("/jury/entries/" + p.entryId()).statusCode()).isEqualTo(404);

        // The organiser: "held", nothing more; the desk is not theirs.
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String held = organiser.get("/organiser/entries/" + p.entryId()).asString();
        assertThat(held).contains("Held for a safeguarding review").doesNotContain("grooming")
                .doesNotContain(p.juror().username()).doesNotContain("bottom caption").doesNotContain("Immediate danger");
        assertThat(organiser.get("/safeguarding").statusCode()).isEqualTo(403);

        // The lead lands on the desk, finds the concern first (immediate danger), reads it, releases the entry.
        Map<String, String> lead = newLead();
        WebSession desk = WebSession.signIn(lead.get("username"), lead.get("password"));
        assertThat(desk.get("/").header("Location")).endsWith("/safeguarding");
        String queue = desk.get("/safeguarding").asString();
        assertThat(queue).containsPattern("<span class=\"count alert-count\">\\d+ open</span>");
        String code = Fixtures.organiser().get("/api/entries/" + p.entryId()).jsonPath().getString("code");
        String row = java.util.Arrays.stream(queue.split("<tr>")).filter(r -> r.contains(code)).findFirst().orElseThrow();
        assertThat(row).contains("Immediate danger");
        Matcher m = CONCERN_LINK.matcher(row);
        assertThat(m.find()).isTrue();
        long concernId = Long.parseLong(m.group(1));
        String page = desk.get("/safeguarding/concerns/" + concernId).asString();
        assertThat(page).contains("grooming chat").contains("bottom caption").contains(p.school().name())
                .contains("Tuli").contains("Look at the clean copy").contains("Download the evidence package");
        assertThat(desk.get("/safeguarding/concerns/" + concernId + "/evidence").contentType())
                .startsWith("application/zip");

        Response noReport = desk.post("/safeguarding/concerns/" + concernId, "/safeguarding/concerns/" + concernId
                + "/actions", Map.of("action", "REPORTED"));
        assertThat(noReport.statusCode()).isEqualTo(422);
        assertThat(noReport.asString()).contains("Say to whom it was reported");
        Response released = desk.post("/safeguarding/concerns/" + concernId, "/safeguarding/concerns/" + concernId
                + "/actions", Map.of("action", "RELEASED", "note", "Caption is fiction; spoke to the school."));
        assertThat(released.statusCode()).isEqualTo(303);
        assertThat(desk.get("/safeguarding/concerns/" + concernId).asString())
                .contains("the entry was released to judging").contains("Caption is fiction");
        assertThat(juror.get("/jury/entries/" + p.entryId()).statusCode()).isEqualTo(200);
    }

    @Test
    void schoolsKeepTheirSafeguardingContactAndSeeTheNoticeAndTheDialog() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Contact"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Maple School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Safe chats", List.of("Runa"), "posters/poster-01.jpg");
        WebSession web = WebSession.signIn(school.username(), school.password());
        assertThat(web.get("/school").asString()).contains("Please record your school");
        assertThat(web.get("/school/competitions/" + cid + "/new").asString()).contains("safeguarding lead")
                .contains("POCSO");
        assertThat(web.get("/school/entries/" + eid).asString()).contains("Raise a safeguarding concern");

        Response bad = web.post("/school/safeguarding-contact", "/school/safeguarding-contact",
                Map.of("name", "Mr Das", "phone", "ring me", "email", "das@school.example"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("must be a phone number");
        Response saved = web.post("/school/safeguarding-contact", "/school/safeguarding-contact",
                Map.of("name", "Mr Das", "phone", "+91 98300 55555", "email", "das@school.example"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(web.get("/school/safeguarding-contact").asString()).contains("+91 98300 55555");
        assertThat(web.get("/school").asString()).doesNotContain("Please record your school");
        Fixtures.organiser().get("/api/schools/" + school.id()).then().statusCode(200);
    }

    @Test
    void organisersAppointLeadsAndMayRecordASchoolsContactAtRegistration() {
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String name = Fixtures.unique("Dr Lead");
        Response created = organiser.post("/organiser/safeguarding-leads", "/organiser/safeguarding-leads",
                Map.of("name", name, "email", "lead@commission.example", "phone", "033 4000 1234"));
        assertThat(created.statusCode()).isEqualTo(303);
        String page = organiser.get("/organiser/safeguarding-leads").asString();
        assertThat(page).contains(name).contains("id=\"issued-password\"");
        assertThat(organiser.get("/organiser/safeguarding-leads").asString()).doesNotContain("id=\"issued-password\"");

        String school = Fixtures.unique("Registered School");
        Response registered = organiser.post("/organiser/schools", "/organiser/schools", Map.of("name", school,
                "district", "North", "contactName", "Head", "contactEmail", "head@school.example",
                "safeguardingName", "Ms Roy", "safeguardingPhone", "+91 33 1111 2222",
                "safeguardingEmail", "roy@school.example"));
        assertThat(registered.statusCode()).isEqualTo(303);
        JsonPath schools = Fixtures.organiser().queryParam("size", 500).get("/api/schools").jsonPath();
        assertThat(schools.getString("items.find { it.name == '" + school + "' }.safeguardingContact.name"))
                .isEqualTo("Ms Roy");
        Response half = organiser.post("/organiser/schools", "/organiser/schools", Map.of("name",
                Fixtures.unique("Half School"), "district", "North", "contactName", "Head",
                "contactEmail", "head@school.example", "safeguardingName", "Ms Roy"));
        assertThat(half.statusCode()).isEqualTo(422);
    }

    /** While no lead could receive a concern, the organiser's console says so, in the reader's language. */
    @Test
    void theConsoleWarnsWhileNoSafeguardingLeadCouldReceiveAConcern() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Lead Warning"), 3);
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        // Every lead's account deactivated, as a deactivation would (restored after).
        @SuppressWarnings("unchecked")
        List<Number> active = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.juryroom.safeguarding.SafeguardingLead.getEntityManager().createNativeQuery(
                        "update app_user set deactivated_at = now() where safeguarding_lead_id is not null"
                                + " and deactivated_at is null returning id").getResultList());
        try {
            for (String page : List.of("/organiser", "/organiser/competitions/" + cid)) {
                assertThat(organiser.get(page).asString()).as(page).contains("id=\"no-lead\"")
                        .contains("No safeguarding lead is appointed.")
                        .contains("href=\"/organiser/safeguarding-leads\"");
            }
            assertThat(organiser.get("/organiser?lang=bn").asString())
                    .contains("কোনো শিশু সুরক্ষা প্রধান নিযুক্ত নেই।");
            // A lead appointed: the warning goes.
            newLead();
            assertThat(organiser.get("/organiser").asString()).doesNotContain("id=\"no-lead\"");
        } finally {
            if (!active.isEmpty()) {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                        org.juryroom.safeguarding.SafeguardingLead.getEntityManager().createNativeQuery(
                                "update app_user set deactivated_at = null where id in (:ids)")
                                .setParameter("ids", active.stream().map(Number::longValue).toList()).executeUpdate());
            }
        }
    }

    private static Map<String, String> newLead() {
        JsonPath json = Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Lead"), "email", "dsl@commission.example", "phone", "+91 98300 12345",
                        "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        return Map.of("username", json.getString("username"), "password", json.getString("password"));
    }
}
