package org.juryroom.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.ObjectStore;
import org.juryroom.web.Fixtures;
import org.juryroom.web.Fixtures.Account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Safeguarding through the API on the real stack (docs/safeguarding.md): a concern holds the entry
 * at once, everywhere; only a safeguarding lead reads it; suspected abuse material is served to no
 * one; a held entry's rows and objects survive withdrawal and reconciliation.
 */
@QuarkusTest
class SafeguardingTest {

    @Inject
    ObjectStore store;

    @Inject
    org.juryroom.mail.MailSender sender;

    @Inject
    javax.sql.DataSource dataSource;

    record Lead(String username, String password) {
        RequestSpecification api() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    /** A published competition: two posters, both scored by both jurors, shortlist of two. */
    record Published(long cid, Account school, long entryA, long entryB, Account juror1, Account juror2) {
    }

    static Lead lead() {
        JsonPath json = Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Lead"), "email", "dsl@commission.example",
                        "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201)
                .body("password", notNullValue()).extract().jsonPath();
        return new Lead(json.getString("username"), json.getString("password"));
    }

    static Published published() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Safeguarding"), 2);
        Account school = Fixtures.school(Fixtures.unique("Hill View"));
        Account other = Fixtures.school(Fixtures.unique("River Side"));
        long a = Fixtures.submittedEntry(school, cid, "poster", "Tell a grown-up", List.of("Asha"),
                "posters/poster-01.jpg");
        long b = Fixtures.submittedEntry(other, cid, "poster", "Block and report", List.of("Ravi"),
                "posters/poster-02.jpg");
        Account j1 = Fixtures.juror(Fixtures.unique("Juror"));
        Account j2 = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(j1, j2));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("jurorsPerEntry", 2))
                .post("/api/competitions/" + cid + "/assignments").then().statusCode(201);
        for (Account j : List.of(j1, j2)) {
            score(j, a, 9);
            score(j, b, 6);
        }
        Fixtures.organiser().post("/api/competitions/" + cid + "/shortlist").then().statusCode(201);
        Fixtures.transition(cid, "PUBLISHED");
        return new Published(cid, school, a, b, j1, j2);
    }

    static void score(Account juror, long eid, int value) {
        juror.api().contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("message", value, "originality", value, "craft", value),
                        "status", "SUBMITTED"))
                .put("/api/entries/" + eid + "/scorecard").then().statusCode(200);
    }

    static Map<String, Object> concern(String kind, String urgency) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("urgency", urgency);
        body.put("note", "The statement says this happened to the author's friend last month.");
        body.put("excerpt", "second paragraph: 'he asked her for photos'");
        return body;
    }

    static long fileOf(long eid) {
        return Fixtures.organiser().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath()
                .getLong("files[0].id");
    }

    static String code(long eid) {
        return Fixtures.organiser().get("/api/entries/" + eid).then().extract().jsonPath().getString("code");
    }

    @Test
    void aDisclosureAfterPublicationHoldsTheEntryEverywhereUntilTheLeadReleasesIt() {
        Published p = published();
        Lead lead = lead();
        long fid = fileOf(p.entryA());
        String codeA = code(p.entryA());
        p.juror1().api().get("/api/entries/" + p.entryA()).then().statusCode(200);
        int rankA = given().get("/api/public/competitions/" + p.cid() + "/shortlist").then().statusCode(200)
                .extract().jsonPath().getInt("entries.find { it.title == 'Tell a grown-up' }.rank");
        String publicFile = "/api/public/competitions/" + p.cid() + "/shortlist/" + rankA + "/files/" + fid;
        String galleryPicture = "/shortlist/" + p.cid() + "/works/" + rankA + "/" + fid + ".jpg";
        given().get(publicFile).then().statusCode(200);
        given().get(galleryPicture).then().statusCode(200);

        JsonPath receipt = p.juror1().api().contentType(ContentType.JSON)
                .body(concern("DISCLOSURE", "NORMAL")).post("/api/entries/" + p.entryA() + "/concerns")
                .then().statusCode(201).body("status", equalTo("OPEN"))
                .body("reference", org.hamcrest.Matchers.matchesPattern("SG-[A-Z0-9]{6}"))
                .body("message", containsString("do not need to do anything else"))
                .extract().jsonPath();
        assertThat(receipt.getMap("").keySet()).containsExactlyInAnyOrder("id", "reference", "status", "message");
        long concernId = receipt.getLong("id");

        // Gone for every juror, with its files and from their queues.
        for (Account j : List.of(p.juror1(), p.juror2())) {
            j.api().get("/api/entries/" + p.entryA()).then().statusCode(404);
            j.api().get("/api/entries/" + p.entryA() + "/files/" + fid).then().statusCode(404);
            j.api().get("/api/entries/" + p.entryA() + "/files/" + fid + "/thumbnail").then().statusCode(404);
            j.api().get("/api/me/assignments?competition=" + p.cid()).then().statusCode(200)
                    .body("items.entryId", not(hasItem((int) p.entryA())));
        }
        // The organiser sees "held" and no file, no kind, no reporter.
        Fixtures.organiser().get("/api/entries/" + p.entryA()).then().statusCode(200)
                .body("safeguardingHold", equalTo("HELD"));
        Fixtures.organiser().get("/api/entries/" + p.entryA() + "/files/" + fid).then().statusCode(404);
        Fixtures.organiser().get("/api/entries/" + p.entryA() + "/files/" + fid + "/original").then().statusCode(404);
        Fixtures.organiser().get("/api/safeguarding/concerns").then().statusCode(403);
        Fixtures.organiser().get("/api/safeguarding/concerns/" + concernId).then().statusCode(403);
        // The school sees nothing different.
        p.school().api().get("/api/entries/" + p.entryA()).then().statusCode(200)
                .body("safeguardingHold", nullValue()).body("status", equalTo("SUBMITTED"));
        // Out of the ranking, the public shortlist (API and page) and both exports; the seal still verifies.
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/ranking").then().statusCode(200)
                .body("rows.entryId", not(hasItem((int) p.entryA())));
        given().get("/api/public/competitions/" + p.cid() + "/shortlist").then().statusCode(200)
                .body("entries.title", not(hasItem("Tell a grown-up"))).body("entries.title", hasItem("Block and report"));
        given().get("/shortlist/" + p.cid()).then().statusCode(200)
                .body(not(containsString("Tell a grown-up"))).body(containsString("Block and report"));
        given().get(publicFile).then().statusCode(404);
        given().get(publicFile + "/thumbnail").then().statusCode(404);
        given().get(galleryPicture).then().statusCode(404);
        for (String export : List.of("shortlist.csv", "ranking.csv")) {
            Fixtures.organiser().get("/api/competitions/" + p.cid() + "/exports/" + export).then().statusCode(200)
                    .body(not(containsString(codeA))).body(not(containsString("Tell a grown-up")));
        }
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/shortlist/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/shortlist").then().statusCode(200)
                .body("entries.find { it.entryId == " + p.entryA() + " }.held", equalTo(true));
        // The main audit trail says "held", by "safeguarding", and nothing else.
        JsonPath audit = Fixtures.organiser().queryParam("action", "ENTRY_HELD")
                .get("/api/competitions/" + p.cid() + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].actor")).isEqualTo("safeguarding");
        assertThat(audit.prettify()).doesNotContain("DISCLOSURE", "photos", p.juror1().username());

        // The lead sees the queue and the whole record, and may look at the clean copy.
        lead.api().get("/api/safeguarding/concerns").then().statusCode(200)
                .body("find { it.id == " + concernId + " }.entryCode", equalTo(codeA))
                .body("find { it.id == " + concernId + " }.overdue", equalTo(false));
        lead.api().get("/api/safeguarding/concerns/" + concernId).then().statusCode(200)
                .body("kind", equalTo("DISCLOSURE")).body("raisedBy", equalTo(p.juror1().username()))
                .body("entry.school.name", equalTo(p.school().name()))
                .body("entry.participants[0].firstName", equalTo("Asha"))
                .body("entry.files[0].viewable", equalTo(true));
        lead.api().get("/api/safeguarding/concerns/" + concernId + "/files/" + fid).then().statusCode(200);

        lead.api().contentType(ContentType.JSON).body(Map.of("action", "TRIAGED", "note", "Read it; not immediate."))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200)
                .body("triagedAt", notNullValue());
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "REPORTED"))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(422);
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "REPORTED", "reportedTo", "SJPU Kolkata",
                        "reportReference", "SJPU/2026/118", "reportedAt", Instant.now().toString()))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200)
                .body("history.action", org.hamcrest.Matchers.contains("TRIAGED", "REPORTED"));
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED", "note", "The work may be judged."))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("RELEASED"));

        // Back in judging with its scorecards, back on the public page; the seal still verifies.
        p.juror1().api().get("/api/entries/" + p.entryA()).then().statusCode(200);
        p.juror1().api().get("/api/entries/" + p.entryA() + "/scorecard").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/ranking").then().statusCode(200)
                .body("rows.entryId", hasItem((int) p.entryA()));
        given().get("/api/public/competitions/" + p.cid() + "/shortlist").then().statusCode(200)
                .body("entries.title", hasItem("Tell a grown-up"));
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/shortlist/verify").then().body("valid", equalTo(true));
        Fixtures.organiser().queryParam("action", "ENTRY_RELEASED").get("/api/competitions/" + p.cid() + "/audit")
                .then().body("items[0].actor", equalTo("safeguarding"));
        // A closed concern takes no more actions; it stays readable to the lead, with its own audit trail.
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "TRIAGED"))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(409);
        lead.api().get("/api/safeguarding/concerns?status=CLOSED").then().statusCode(200)
                .body("id", hasItem((int) concernId));
        lead.api().get("/api/safeguarding/audit?concern=" + concernId).then().statusCode(200)
                .body("action", hasItem("CONCERN_RAISED")).body("action", hasItem("CONCERN_READ"))
                .body("action", hasItem("ACTION_RELEASED"));
        Fixtures.organiser().get("/api/safeguarding/audit").then().statusCode(403);
    }

    @Test
    void suspectedAbuseMaterialIsServedToNoOneAndTheEvidencePackageCarriesTheOriginalBytes() throws Exception {
        long cid = Fixtures.openCompetition(Fixtures.unique("Evidence"), 5);
        Account school = Fixtures.school(Fixtures.unique("Lake School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "A poster", List.of("Mitu"), "posters/poster-01.jpg");
        long fid = fileOf(eid);
        Lead lead = lead();
        long concernId = Fixtures.organiser().contentType(ContentType.JSON)
                .body(concern("SUSPECTED_ABUSE_MATERIAL", "IMMEDIATE_DANGER"))
                .post("/api/entries/" + eid + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");

        for (RequestSpecification who : List.of(Fixtures.organiser(), school.api(), lead.api())) {
            for (String variant : List.of("", "/thumbnail", "/original")) {
                who.get("/api/entries/" + eid + "/files/" + fid + variant).then()
                        .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
            }
        }
        lead.api().get("/api/safeguarding/concerns/" + concernId + "/files/" + fid).then().statusCode(404);
        lead.api().get("/api/safeguarding/concerns/" + concernId).then().statusCode(200)
                .body("entry.filesSealed", equalTo(true)).body("entry.files[0].viewable", equalTo(false))
                .body("entry.files[0].url", nullValue()).body("entry.files[0].sha256", notNullValue());
        // Immediate danger comes first in the queue.
        lead.api().get("/api/safeguarding/concerns").then().statusCode(200)
                .body("[0].urgency", equalTo("IMMEDIATE_DANGER"));

        byte[] zip = lead.api().get("/api/safeguarding/concerns/" + concernId + "/evidence").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> parts = unzip(zip);
        byte[] sample = Files.readAllBytes(Path.of("uploads-sample/posters/poster-01.jpg"));
        String sampleSha = sha256(sample);
        JsonPath manifest = JsonPath.from(new String(parts.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(manifest.getString("files[0].sha256")).isEqualTo(sampleSha);
        assertThat(manifest.getString("files[0].sha256AtIntake")).isEqualTo(sampleSha);
        assertThat(manifest.getBoolean("files[0].matches")).isTrue();
        assertThat(parts.get(manifest.getString("files[0].path"))).isEqualTo(sample);
        assertThat(manifest.getString("concernJsonSha256")).isEqualTo(sha256(parts.get("concern.json")));
        lead.api().get("/api/safeguarding/audit?concern=" + concernId).then()
                .body("action", hasItem("EVIDENCE_EXPORTED"));
    }

    @Test
    void aHeldEntrysRowsAndObjectsSurviveWithdrawalFileRemovalAndReconciliation() throws IOException {
        long cid = Fixtures.openCompetition(Fixtures.unique("Legal hold"), 5);
        Account school = Fixtures.school(Fixtures.unique("Hold School"));
        long eid = school.api().multiPart("entry", "{\"title\":\"Draft poster\",\"categoryCode\":\"poster\","
                        + "\"participants\":[{\"firstName\":\"Nila\",\"grade\":6}],\"consent\":{\"judging\":true,"
                        + "\"publishWork\":true,\"publishNames\":false,\"attestedBy\":\"Class teacher\"}}", "application/json")
                .multiPart("files", new java.io.File("uploads-sample/posters/poster-01.jpg"))
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        long fid = fileOf(eid);
        long concernId = school.api().contentType(ContentType.JSON).body(concern("IDENTIFIABLE_CHILD", "NORMAL"))
                .post("/api/entries/" + eid + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> keys = QuarkusTransaction.requiringNew().call(() ->
                EntryFile.<EntryFile>findById(fid).keys());

        // An upload a crash left PENDING on the held entry: the reconciler would remove it, but not under a hold.
        String pendingKey = "legal-hold-test/" + eid + "/" + java.util.UUID.randomUUID();
        Path bytes = Files.createTempFile("legal-hold", ".bin");
        Files.write(bytes, new byte[] {1, 2, 3});
        store.put(pendingKey, bytes, "application/octet-stream", null);
        Files.delete(bytes);
        long pendingId = QuarkusTransaction.requiringNew().call(() -> {
            EntryFile f = new EntryFile();
            f.entryId = eid;
            f.objectKey = pendingKey;
            f.displayName = "cut-off.jpg";
            f.contentType = "image/jpeg";
            f.size = 3L;
            f.persist();
            return f.id;
        });

        school.api().delete("/api/entries/" + eid + "/files/" + fid).then().statusCode(409);
        school.api().post("/api/entries/" + eid + "/withdraw").then().statusCode(200);
        Fixtures.organiser().post("/api/admin/storage/reconcile").then().statusCode(200);
        EntryFile pending = QuarkusTransaction.requiringNew().call(() -> EntryFile.findById(pendingId));
        assertThat(pending).isNotNull();
        assertThat(store.stat(pendingKey).isPresent()).isTrue();

        EntryFile kept = QuarkusTransaction.requiringNew().call(() -> EntryFile.findById(fid));
        assertThat(kept).isNotNull();
        for (String key : keys) {
            assertThat(store.stat(key).isPresent()).as("object %s", key).isTrue();
        }

        // Released: the withdrawal stays as the school left it (its file kept); the cut-off upload, no longer
        // under the hold, is the reconciler's to remove like any other.
        lead().api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED"))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200);
        assertThat(storedFile(fid)).isNotNull();
        Fixtures.organiser().post("/api/admin/storage/reconcile").then().statusCode(200);
        EntryFile cutOff = QuarkusTransaction.requiringNew().call(() -> EntryFile.findById(pendingId));
        assertThat(cutOff).isNull();
        assertThat(store.stat(pendingKey).isPresent()).isFalse();
        assertThat(storedFile(fid)).isNotNull();
        for (String key : keys) {
            assertThat(store.stat(key).isPresent()).as("object %s", key).isTrue();
        }
    }

    @Test
    void everyActiveLeadIsMailedAtOnceWithTheReferenceAndNothingAboutTheChildOrTheSchool() throws Exception {
        Published p = published();
        String email = Fixtures.unique("lead").toLowerCase().replaceAll("[^a-z0-9]", "") + "@commission.example";
        String away = Fixtures.unique("away").toLowerCase().replaceAll("[^a-z0-9]", "") + "@commission.example";
        for (String address : List.of(email, away)) {
            Fixtures.organiser().contentType(ContentType.JSON)
                    .body(Map.of("name", Fixtures.unique("Lead"), "email", address, "phone", "+91 98300 12345",
                            "invite", false))
                    .post("/api/safeguarding-leads").then().statusCode(201);
        }
        // An account deactivated by other means than LeadChangesTest's (here in the database) gets nothing either.
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "update app_user set deactivated_at = now()"
                        + " where safeguarding_lead_id = (select id from safeguarding_lead where email = ?)")) {
            st.setString(1, away);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        String reference = p.juror1().api().contentType(ContentType.JSON).body(concern("DISCLOSURE", "IMMEDIATE_DANGER"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(201)
                .extract().jsonPath().getString("reference");
        sender.run();

        List<org.juryroom.support.Mailbox.Delivered> mails = org.juryroom.support.Mailbox.to(email);
        assertThat(mails).hasSize(1);
        var alert = mails.get(0);
        assertThat(alert.subject()).contains(reference).containsIgnoringCase("urgent");
        assertThat(alert.text()).contains(reference).contains("/safeguarding/concerns/");
        String entryCode = code(p.entryA());
        for (String secret : List.of("Asha", "Hill View", "Tell a grown-up", entryCode, "photos", "friend")) {
            assertThat(alert.text() + alert.html() + alert.subject()).as(secret).doesNotContain(secret);
        }
        assertThat(org.juryroom.support.Mailbox.to(away)).as("a deactivated lead gets nothing").isEmpty();
    }

    @Test
    void raisingNeedsAKindAnUrgencyAndANoteAndAnEntryYouCanSee() {
        Published p = published();
        Account stranger = Fixtures.juror(Fixtures.unique("Stranger"));
        Map<String, Object> noNote = concern("OTHER", "NORMAL");
        noNote.put("note", " ");
        p.juror1().api().contentType(ContentType.JSON).body(noNote).post("/api/entries/" + p.entryB() + "/concerns")
                .then().statusCode(422).body("violations.field", hasItem(containsString("note")));
        Map<String, Object> noKind = concern("OTHER", "NORMAL");
        noKind.remove("kind");
        p.juror1().api().contentType(ContentType.JSON).body(noKind).post("/api/entries/" + p.entryB() + "/concerns")
                .then().statusCode(422);
        p.juror1().api().contentType(ContentType.JSON).body(concern("NOT_A_KIND", "NORMAL"))
                .post("/api/entries/" + p.entryB() + "/concerns").then().statusCode(422);
        stranger.api().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                .post("/api/entries/" + p.entryB() + "/concerns").then().statusCode(404);
        Fixtures.school(Fixtures.unique("Nosy")).api().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                .post("/api/entries/" + p.entryB() + "/concerns").then().statusCode(404);
        given().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                .post("/api/entries/" + p.entryB() + "/concerns").then().statusCode(401);
        // Nothing was held by the refused attempts.
        p.juror1().api().get("/api/entries/" + p.entryB()).then().statusCode(200);
    }

    /**
     * A concern takes the entry out of every juror's work at once; a second juror who had it open
     * still gets their own concern to the lead, from the API and from the page they had loaded.
     * Whoever never had the entry still meets 404.
     */
    @Test
    void aSecondJurorsConcernAboutAnEntryAlreadyHeldStillReachesTheLead() {
        Published p = published();
        Lead lead = lead();
        org.juryroom.web.WebSession page = org.juryroom.web.WebSession.signIn(p.juror2().username(), p.juror2().password());
        String opened = "/jury/entries/" + p.entryA();
        assertThat(page.get(opened).statusCode()).isEqualTo(200);
        long first = p.juror1().api().contentType(ContentType.JSON).body(concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        p.juror2().api().get("/api/entries/" + p.entryA()).then().statusCode(404);

        long second = p.juror2().api().contentType(ContentType.JSON).body(concern("OTHER", "IMMEDIATE_DANGER"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().jsonPath().getLong("id");
        var fromPage = page.post(opened, "/concerns/entries/" + p.entryA(),
                Map.of("kind", "DISCLOSURE", "note", "The caption names a real chat group."));
        assertThat(fromPage.statusCode()).isEqualTo(303);
        assertThat(page.get("/concerns/thanks").asString()).containsPattern("SG-[A-Z0-9]{6}");

        JsonPath queue = lead.api().get("/api/safeguarding/concerns").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("findAll { it.entryId == " + p.entryA() + " }.id", Long.class))
                .hasSize(3).contains(first, second);
        lead.api().get("/api/safeguarding/concerns/" + second).then().statusCode(200)
                .body("raisedBy", equalTo(p.juror2().username())).body("urgency", equalTo("IMMEDIATE_DANGER"));

        Account stranger = Fixtures.juror(Fixtures.unique("Stranger"));
        stranger.api().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(404);
        Fixtures.school(Fixtures.unique("Nosy")).api().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(404);
        // Still nothing else of the held entry for the juror who raised the second concern.
        p.juror2().api().get("/api/entries/" + p.entryA() + "/files/" + fileOf(p.entryA())).then().statusCode(404);

        // An entry its guardian withdrew since answers alike, so the juror cannot tell a hold from a withdrawal.
        String token = org.juryroom.consent.ConsentFixtures.tokens(p.entryB()).get(0);
        org.juryroom.consent.ConsentFixtures.withdraw(token, "judging").then().statusCode(200);
        p.juror2().api().get("/api/entries/" + p.entryB()).then().statusCode(404);
        assertThat(page.get("/concerns/entries/" + p.entryA()).statusCode()).isEqualTo(200);
        assertThat(page.get("/concerns/entries/" + p.entryB()).statusCode()).isEqualTo(200);
        p.juror2().api().contentType(ContentType.JSON).body(concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + p.entryB() + "/concerns").then().statusCode(201);
        stranger.api().get("/api/entries/" + p.entryB()).then().statusCode(404);
        assertThat(org.juryroom.web.WebSession.signIn(stranger.username(), stranger.password())
                .get("/concerns/entries/" + p.entryB()).statusCode()).isEqualTo(404);
    }

    @Test
    void anOrganiserIsALeadOnlyOnceGivenTheRoleAndSchoolsKeepTheirOwnContact() {
        String username = Fixtures.unique("org").replace(' ', '-').toLowerCase();
        QuarkusTransaction.requiringNew().run(() ->
                Credentials.create(username, "second-organiser-pw", Roles.ORGANISER, null, null));
        RequestSpecification second = given().auth().preemptive().basic(username, "second-organiser-pw");
        second.get("/api/safeguarding/concerns").then().statusCode(403);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "Second organiser", "email",
                        "o2@commission.example", "phone", "033 2222 1111", "account", username))
                .post("/api/safeguarding-leads").then().statusCode(201).body("username", equalTo(username))
                .body("password", nullValue());
        given().auth().preemptive().basic(username, "second-organiser-pw").get("/api/safeguarding/concerns")
                .then().statusCode(200);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "X", "email", "x@x.example",
                "phone", "not a phone")).post("/api/safeguarding-leads").then().statusCode(422);
        Fixtures.organiser().get("/api/safeguarding-leads").then().statusCode(200).body("username", hasItem(username));

        Account school = Fixtures.school(Fixtures.unique("Contact School"));
        school.api().get("/api/schools/me/safeguarding-contact").then().statusCode(200).body("name", nullValue());
        school.api().contentType(ContentType.JSON).body(Map.of("name", "Mrs Sen", "phone", "+91 33 2456 7890",
                        "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact").then().statusCode(200)
                .body("name", equalTo("Mrs Sen"));
        school.api().contentType(ContentType.JSON).body(Map.of("name", "Mrs Sen", "phone", "call me",
                "email", "dsl@school.example")).put("/api/schools/me/safeguarding-contact").then().statusCode(422);
        Fixtures.organiser().get("/api/schools/" + school.id()).then().statusCode(200)
                .body("safeguardingContact.phone", equalTo("+91 33 2456 7890"));
    }

    /**
     * Holds and releases race: the lead releases every open concern while new ones arrive. In every
     * round the entry ends held exactly when a concern is still open, its files sealed exactly when a
     * concern of suspected abuse material was not released, and every request got 200 or 201.
     */
    @Test
    void concernsRaisedWhileOthersAreReleasedNeverLoseAHold() {
        java.util.Random random = new java.util.Random(20261205L);
        Lead lead = lead();
        for (int round = 0; round < org.juryroom.judging.Race.rounds(3); round++) {
            Fixtures.OnePoster p = Fixtures.onePosterInJudging("Race", 3, "Race School", "Race poster", "Dola");
            List<Long> open = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(Fixtures.organiser().contentType(ContentType.JSON).body(concern("OTHER", "NORMAL"))
                        .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201)
                        .extract().jsonPath().getLong("id"));
            }
            int raised = random.nextInt(3);
            List<String> kinds = new java.util.ArrayList<>();
            List<java.util.concurrent.Callable<Integer>> tasks = new java.util.ArrayList<>();
            for (long id : open) {
                tasks.add(() -> lead.api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED"))
                        .post("/api/safeguarding/concerns/" + id + "/actions").statusCode());
            }
            for (int i = 0; i < raised; i++) {
                String kind = random.nextBoolean() ? "SUSPECTED_ABUSE_MATERIAL" : "DISCLOSURE";
                kinds.add(kind);
                tasks.add(() -> Fixtures.organiser().contentType(ContentType.JSON).body(concern(kind, "NORMAL"))
                        .post("/api/entries/" + p.entryId() + "/concerns").statusCode());
            }
            java.util.Collections.shuffle(tasks, random);
            assertThat(org.juryroom.judging.Race.all(tasks)).allMatch(status -> status == 200 || status == 201);

            boolean held = raised > 0;
            p.juror().api().get("/api/entries/" + p.entryId()).then().statusCode(held ? 404 : 200);
            Fixtures.organiser().get("/api/entries/" + p.entryId()).then()
                    .body("safeguardingHold", held ? equalTo("HELD") : nullValue());
            long fid = fileOf(p.entryId());
            boolean sealed = kinds.contains("SUSPECTED_ABUSE_MATERIAL");
            JsonPath mine = lead.api().get("/api/safeguarding/concerns/" + open.get(0)).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(mine.getBoolean("entry.filesSealed")).as("round %d, raised %s", round, kinds).isEqualTo(sealed);
            p.juror().api().get("/api/entries/" + p.entryId() + "/files/" + fid).then().statusCode(held ? 404 : 200);
        }
    }

    @Test
    void anExclusionAfterPublicationKeepsTheSealAndTheSchoolSeesItWithdrawn() {
        Published p = published();
        Lead lead = lead();
        long concernId = p.juror2().api().contentType(ContentType.JSON).body(concern("IDENTIFIABLE_CHILD", "NORMAL"))
                .post("/api/entries/" + p.entryA() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "EXCLUDED", "note", "The poster shows a pupil."))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200)
                .body("outcome", equalTo("EXCLUDED")).body("entry.hold", equalTo("EXCLUDED"));

        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/shortlist/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("differences", org.hamcrest.Matchers.empty());
        Fixtures.organiser().get("/api/entries/" + p.entryA()).then().body("safeguardingHold", equalTo("EXCLUDED"));
        p.school().api().get("/api/entries/" + p.entryA()).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("safeguardingHold", nullValue());
        p.school().api().post("/api/entries/" + p.entryA() + "/withdraw").then().statusCode(409);
        given().get("/api/public/competitions/" + p.cid() + "/shortlist").then()
                .body("entries.title", not(hasItem("Tell a grown-up"))).body("entries.title", hasItem("Block and report"));
        // The frozen ranking keeps its sealed ranks: B stays second, A is simply not shown.
        Fixtures.organiser().get("/api/competitions/" + p.cid() + "/ranking").then().statusCode(200)
                .body("rows.entryId", not(hasItem((int) p.entryA())))
                .body("rows.find { it.entryId == " + p.entryB() + " }.rank", equalTo(2));
        Fixtures.organiser().queryParam("action", "ENTRY_EXCLUDED").get("/api/competitions/" + p.cid() + "/audit")
                .then().body("items[0].actor", equalTo("safeguarding"));
    }

    @Test
    void theFreezeWaitsForHeldEntriesAndAConflictWithAHeldEntrysSchoolStillLands() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Freeze waits", 3, "Pine School", "Pine poster", "Jhumpa");
        score(p.juror(), p.entryId(), 7);
        Lead lead = lead();
        long concernId = p.juror().api().contentType(ContentType.JSON).body(concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.organiser().post("/api/competitions/" + p.cid() + "/shortlist").then().statusCode(409)
                .body("held", equalTo(1)).body("detail", equalTo("1 entry is held for a safeguarding review: the shortlist"
                        + " can be frozen once the safeguarding lead has released or excluded it"));
        // The juror then declares a conflict with the school: it lands although the entry is held.
        p.juror().api().contentType(ContentType.JSON).body(Map.of("schoolId", p.school().id(), "reason", "My niece"))
                .post("/api/me/conflicts").then().statusCode(201);
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED"))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200);
        Fixtures.organiser().get("/api/entries/" + p.entryId()).then().body("safeguardingHold", nullValue());
    }

    @Test
    void theLeadKeepsWhatTheEntrySaidWhenRaisedAndAReleaseKeepsASchoolsWithdrawalUndoable() {
        long cid = Fixtures.openCompetition(Fixtures.unique("As raised"), 5);
        Account school = Fixtures.school(Fixtures.unique("Elm School"));
        long eid = school.api().multiPart("entry", "{\"title\":\"What Rumi told me\",\"categoryCode\":\"poster\","
                        + "\"statement\":\"Rumi said a man online asked for her address.\","
                        + "\"participants\":[{\"firstName\":\"Rumi\",\"grade\":6}],\"consent\":{\"judging\":true,"
                        + "\"publishWork\":true,\"publishNames\":false,\"attestedBy\":\"Class teacher\"}}", "application/json")
                .multiPart("files", new java.io.File("uploads-sample/posters/poster-01.jpg"))
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        long fid = fileOf(eid);
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> EntryFile.<EntryFile>findById(fid).keys());
        Lead lead = lead();
        long concernId = Fixtures.organiser().contentType(ContentType.JSON).body(concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + eid + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        school.api().contentType(ContentType.JSON).body(Map.of("title", "A safe poster", "statement", "Nothing."))
                .patch("/api/entries/" + eid).then().statusCode(200);
        lead.api().get("/api/safeguarding/concerns/" + concernId).then().statusCode(200)
                .body("entry.title", equalTo("A safe poster"))
                .body("entryAsRaised.title", equalTo("What Rumi told me"))
                .body("entryAsRaised.statement", containsString("asked for her address"))
                .body("entryAsRaised.participants[0].firstName", equalTo("Rumi"))
                .body("entryAsRaised.files[0].sha256", notNullValue());

        // Withdrawn while held, then released: withdrawal is not destructive, so the release keeps the files too
        // and the school can still bring the entry back before the deadline, its file intact.
        school.api().post("/api/entries/" + eid + "/withdraw").then().statusCode(200);
        assertThat(store.stat(keys.get(0)).isPresent()).isTrue();
        // Held, it cannot come back yet; the refusal says so without blaming guardians or organisers for a
        // removal nobody made, and without telling the school about the concern.
        school.api().post("/api/entries/" + eid + "/reinstate").then().statusCode(409)
                .body("detail", equalTo("This entry cannot be brought back at the moment; please contact the organisers"));
        school.api().header("Accept-Language", "hi").post("/api/entries/" + eid + "/reinstate").then().statusCode(409)
                .body("detail", equalTo("यह प्रविष्टि अभी लौटाई नहीं जा सकती; कृपया आयोजकों से संपर्क करें"));
        school.api().header("Accept-Language", "bn").post("/api/entries/" + eid + "/reinstate").then().statusCode(409)
                .body("detail", equalTo("এই জমাটি এখন ফিরিয়ে আনা যাচ্ছে না; অনুগ্রহ করে আয়োজকদের সঙ্গে যোগাযোগ করুন"));
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED"))
                .post("/api/safeguarding/concerns/" + concernId + "/actions").then().statusCode(200);
        assertThat(storedFile(fid)).isNotNull();
        for (String key : keys) {
            assertThat(store.stat(key).isPresent()).as("object %s", key).isTrue();
        }
        Fixtures.organiser().get("/api/entries/" + eid).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("safeguardingHold", nullValue()).body("files.id", hasItem((int) fid));
        school.api().post("/api/entries/" + eid + "/reinstate").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        school.api().get("/api/entries/" + eid + "/files/" + fid).then().statusCode(200);
    }

    @Test
    void anOrganiserCannotAppointThemselves() {
        String username = Fixtures.unique("self").replace(' ', '-').toLowerCase();
        QuarkusTransaction.requiringNew().run(() ->
                Credentials.create(username, "self-organiser-pw", Roles.ORGANISER, null, null));
        RequestSpecification self = given().auth().preemptive().basic(username, "self-organiser-pw");
        self.contentType(ContentType.JSON).body(Map.of("name", "Me", "email", "me@commission.example",
                "phone", "033 2222 1111", "account", username)).post("/api/safeguarding-leads").then().statusCode(403);
        given().auth().preemptive().basic(username, "self-organiser-pw").get("/api/safeguarding/concerns")
                .then().statusCode(403);
    }

    static EntryFile storedFile(long id) {
        return QuarkusTransaction.requiringNew().call(() -> EntryFile.findById(id));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
