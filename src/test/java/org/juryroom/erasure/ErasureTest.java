package org.juryroom.erasure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.JudgingConsentWithdrawn;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.storage.ObjectStore;
import org.juryroom.support.RealStack;
import org.juryroom.storage.TestPdfs;
import org.juryroom.web.PdfPreviews;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Erasure end to end (issue 11's "Done means"): after it, no column of any table and no object of
 * the bucket holds the erased children's names, words or file bytes, while the sealed shortlist
 * still verifies and the erased entry's scores still count.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ErasureTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectStore store;

    @Inject
    PdfPreviews previews;

    @Inject
    EntityManager em;

    @Inject
    Event<JudgingConsentWithdrawn> withdrawn;

    @Inject
    RetentionJob retention;

    @Inject
    org.juryroom.mail.MailSender sender;

    @Test
    void erasureLeavesNoTraceInTheDatabaseOrTheBucketAndTheSealStillVerifies() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String top = ErasureFixtures.marker();
        String kept = ErasureFixtures.marker();
        String essay = ErasureFixtures.marker();
        // Shortlisted and erased; shortlisted and kept (the control: the scans do find what is there);
        // not shortlisted and erased (a PDF essay, previewed).
        long topEntry = ErasureFixtures.entry(cid, school, "poster", top, ErasureFixtures.png(top), true, true);
        long keptEntry = ErasureFixtures.entry(cid, school, "poster", kept, ErasureFixtures.png(kept), true, true);
        long essayEntry = ErasureFixtures.entry(cid, school, "essay", essay, new JudgingFixtures.Upload(
                essay + "_essay.pdf", TestPdfs.withAuthors(essay, "School of " + essay, "Essay " + essay),
                "application/pdf"), true, true);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("terms", List.of("Aunt " + top)))
                .put("/api/entries/{eid}/redactions", topEntry).then().statusCode(200);
        guardian(topEntry, top);
        guardian(essayEntry, essay);
        List.of(topEntry, keptEntry, essayEntry).forEach(e -> JudgingFixtures.submit(school, e));
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        // A juror's comment names the child (a name written on the poster): erasure hides it, the scorecard stays.
        juror.login().as().contentType(ContentType.JSON).body(Map.of("scores", Map.of("message", 10, "craft", 5),
                        "status", "SUBMITTED", "comment", "The poster signed by " + top + " is clear."))
                .put("/api/entries/{eid}/scorecard", topEntry).then().statusCode(200);
        JudgingFixtures.submitScore(juror, keptEntry, 8, 4);
        JudgingFixtures.submitScore(juror, essayEntry, 2, 1);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
        screeningComment(topEntry, juror.id(), top + " wrote this herself, it shows.");
        adjudicationNote(topEntry, "Confirmed: the jurors agree that " + top + " made it.");
        String essayClean = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select clean_key from entry_file where entry_id = ?1").setParameter(1, essayEntry).getSingleResult());
        assertThat(previews.page(essayClean, 0).png()).isNotEmpty();
        assertThat(previews.holds(essayClean)).isTrue();
        // The scans find what is there.
        for (String marker : List.of(top, essay)) {
            assertThat(ErasureFixtures.databaseHits(db, marker)).as(marker).isNotEmpty();
            assertThat(ErasureFixtures.bucketHits(store, marker)).as(marker).isNotEmpty();
        }

        JsonPath first = ORGANISER.as().post("/api/entries/{eid}/erasure", topEntry).then().statusCode(200)
                .body("entryId", equalTo((int) topEntry)).body("reason", equalTo("ORGANISER"))
                .body("erasedAt", notNullValue()).body("alreadyErased", equalTo(false))
                .body("objectsDeleted", greaterThan(0)).body("objectsLeft", equalTo(0))
                .body("filesRemoved", equalTo(1)).body("guardianRecordsErased", equalTo(1))
                .extract().jsonPath();
        assertThat(first.getString("code")).isNotBlank();
        ORGANISER.as().post("/api/entries/{eid}/erasure", topEntry).then().statusCode(200)
                .body("alreadyErased", equalTo(true)).body("objectsDeleted", equalTo(0))
                .body("erasedAt", equalTo(first.getString("erasedAt")));
        ORGANISER.as().post("/api/entries/{eid}/erasure", essayEntry).then().statusCode(200)
                .body("erasedAt", notNullValue());

        for (String marker : List.of(top, essay)) {
            assertThat(ErasureFixtures.databaseHits(db, marker)).as("database rows holding " + marker).isEmpty();
            assertThat(ErasureFixtures.bucketHits(store, marker)).as("objects holding " + marker).isEmpty();
        }
        assertThat(ErasureFixtures.objectsOf(store, topEntry)).isEmpty();
        assertThat(ErasureFixtures.objectsOf(store, essayEntry)).isEmpty();
        assertThat(previews.holds(essayClean)).isFalse();
        assertThat(ErasureFixtures.databaseHits(db, kept)).isNotEmpty();
        assertThat(ErasureFixtures.bucketHits(store, kept)).isNotEmpty();

        // The seal, the code and the scores stay.
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(true)).body("sealFormat", equalTo(3));
        JsonPath ranking = JudgingFixtures.json(ORGANISER.as().get("/api/competitions/{cid}/ranking", cid)
                .then().statusCode(200).extract().response());
        // An entry an organiser erased has left the competition: the frozen ranking (and its exports) no longer
        // list it, and the one kept keeps its sealed rank.
        assertThat(ranking.getList("rows.entryId", Long.class)).containsExactly(keptEntry);
        assertThat(ranking.getInt("rows[0].rank")).isEqualTo(2);
        ORGANISER.as().get("/api/entries/{eid}", topEntry).then().statusCode(200)
                .body("code", equalTo(first.getString("code"))).body("title", equalTo(""))
                .body("participants[0].firstName", equalTo(null)).body("files.size()", equalTo(0));
        ORGANISER.as().get("/api/entries/{eid}/scorecards", topEntry).then().statusCode(200)
                .body("all.size()", equalTo(1));
        ORGANISER.as().queryParam("action", "PERSONAL_DATA_ERASED").get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].after.reason", equalTo("ORGANISER"));
        // An erased entry leaves the public shortlist (its sealed row stays); its pages still open.
        JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .body("entries.rank", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(1)))
                .body("entries.title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("")));
        org.juryroom.web.WebSession organiserWeb = org.juryroom.web.WebSession.signIn(ORGANISER.username(),
                ORGANISER.password());
        assertThat(organiserWeb.get("/organiser/entries/" + topEntry).statusCode()).isEqualTo(200);
        assertThat(organiserWeb.get("/organiser/entries/" + topEntry).asString()).contains("name and grade erased");
    }

    @Test
    void anEntryUnderASafeguardingHoldIsNotErased() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String marker = ErasureFixtures.marker();
        long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
        school.login().as().contentType(ContentType.JSON).body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL",
                "note", "The statement tells of something that happened.")).post("/api/entries/{eid}/concerns", eid)
                .then().statusCode(201);
        ORGANISER.as().post("/api/entries/{eid}/erasure", eid).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(ErasureFixtures.objectsOf(store, eid)).hasSize(3);
        ORGANISER.as().get("/api/entries/{eid}", eid).then().body("participants[0].firstName", equalTo(marker));
        // A withdrawal of judging consent under the hold leaves the entry due, not erased.
        QuarkusTransaction.requiringNew().run(() -> withdrawn.fire(new JudgingConsentWithdrawn(eid, "ORGANISER")));
        ORGANISER.as().get("/api/entries/{eid}", eid).then().body("participants[0].firstName", equalTo(marker));
        ORGANISER.as().post("/api/entries/0/erasure").then().statusCode(404);
    }

    @Test
    void aWithdrawnJudgingConsentErasesInTheWithdrawingTransactionAndTheObjectsAfterIt() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String marker = ErasureFixtures.marker();
        long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
        // A withdrawal that rolls back erases nothing.
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                withdrawn.fire(new JudgingConsentWithdrawn(eid, "GUARDIAN_LINK"));
                throw new IllegalStateException("the withdrawal failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(ErasureFixtures.objectsOf(store, eid)).hasSize(3);
        ORGANISER.as().get("/api/entries/{eid}", eid).then().body("participants[0].firstName", equalTo(marker));

        QuarkusTransaction.requiringNew().run(() -> withdrawn.fire(new JudgingConsentWithdrawn(eid, "GUARDIAN_LINK")));
        assertThat(ErasureFixtures.objectsOf(store, eid)).isEmpty();
        assertThat(ErasureFixtures.databaseHits(db, marker)).isEmpty();
        ORGANISER.as().get("/api/entries/{eid}", eid).then().statusCode(200).body("title", equalTo(""));
        ErasureFixtures.assertErased(eid, "CONSENT_WITHDRAWN");
        // The school can no longer put anything back.
        school.login().as().contentType(ContentType.JSON).body(Map.of("title", "Again " + marker))
                .patch("/api/entries/{eid}", eid).then().statusCode(409);
    }

    @Test
    void aStoreFailureLeavesTheErasureUnderWayAndTheNextRunFinishesIt() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String marker = ErasureFixtures.marker();
        long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
        try {
            RealStack.services().stopS3();
            ORGANISER.as().post("/api/entries/{eid}/erasure", eid).then().statusCode(503)
                    .contentType("application/problem+json");
        } finally {
            RealStack.services().startS3(RealStack.services().s3Port());
        }
        // The records are erased and nothing names the objects; the entry does not claim to be erased yet.
        assertThat(ErasureFixtures.databaseHits(db, marker)).isEmpty();
        assertThat(ErasureFixtures.objectsOf(store, eid)).hasSize(3);
        QuarkusTransaction.requiringNew().run(() -> {
            org.juryroom.entry.Entry e = org.juryroom.entry.Entry.findById(eid);
            assertThat(e.erasureReason).isEqualTo("ORGANISER");
            assertThat(e.personalDataErasedAt).isNull();
        });
        school.login().as().multiPart("files", "again.png", JudgingFixtures.png(), "image/png")
                .post("/api/entries/{eid}/files", eid).then().statusCode(409);

        assertThat(retention.run().erased()).contains(eid);
        assertThat(ErasureFixtures.objectsOf(store, eid)).isEmpty();
        ORGANISER.as().post("/api/entries/{eid}/erasure", eid).then().statusCode(200)
                .body("alreadyErased", equalTo(true)).body("reason", equalTo("ORGANISER"))
                .body("erasedAt", notNullValue());
    }

    /**
     * The legal hold lasts while a concern is open (docs/safeguarding.md): an entry the lead excluded is erased
     * like any other once no concern about it is open, by an organiser or by the retention job; a concern raised
     * about it later holds it again until the lead closes that one too. The safeguarding record keeps its copy.
     */
    @Test
    void anExcludedEntryIsErasedOnceNoConcernAboutItIsOpen() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String byOrganiser = ErasureFixtures.marker();
        String byRetention = ErasureFixtures.marker();
        long organiserEntry = ErasureFixtures.entry(cid, school, "poster", byOrganiser,
                ErasureFixtures.png(byOrganiser), true, true);
        long retentionEntry = ErasureFixtures.entry(cid, school, "poster", byRetention,
                ErasureFixtures.png(byRetention), true, true);
        JudgingFixtures.Login lead = ErasureFixtures.lead();
        long first = ErasureFixtures.concern(school.login().as(), organiserEntry);
        ORGANISER.as().post("/api/entries/{eid}/erasure", organiserEntry).then().statusCode(409);
        ErasureFixtures.close(lead, first, "EXCLUDED");
        // Excluded, then a second concern: held again while it is open.
        long second = ErasureFixtures.concern(ORGANISER.as(), organiserEntry);
        ORGANISER.as().post("/api/entries/{eid}/erasure", organiserEntry).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(ErasureFixtures.objectsOf(store, organiserEntry)).hasSize(3);
        ErasureFixtures.close(lead, second, "EXCLUDED");

        ORGANISER.as().post("/api/entries/{eid}/erasure", organiserEntry).then().statusCode(200)
                .body("erasedAt", notNullValue());
        assertThat(ErasureFixtures.objectsOf(store, organiserEntry)).isEmpty();
        assertThat(ErasureFixtures.hitsOutsideSafeguarding(db, byOrganiser)).isEmpty();
        assertThat(ErasureFixtures.databaseHits(db, byOrganiser)).as("the concern's own record stays").isNotEmpty();
        ORGANISER.as().get("/api/entries/{eid}", organiserEntry).then().statusCode(200)
                .body("safeguardingHold", equalTo("EXCLUDED"));
        lead.as().get("/api/safeguarding/concerns/{id}/evidence", first).then().statusCode(200);

        ErasureFixtures.close(lead, ErasureFixtures.concern(ORGANISER.as(), retentionEntry), "EXCLUDED");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1")
                .setParameter(1, cid).executeUpdate());
        RetentionJob.Report report = retention.run();
        assertThat(report.erased()).contains(retentionEntry);
        assertThat(report.held()).doesNotContain(retentionEntry, organiserEntry);
        assertThat(ErasureFixtures.objectsOf(store, retentionEntry)).isEmpty();
        assertThat(ErasureFixtures.hitsOutsideSafeguarding(db, byRetention)).isEmpty();
    }

    /**
     * A school's mails about an entry are tied to it: erasure leaves none of its titles in the outbox, not the one
     * a receipt sent before the school changed it either. A mail already sent keeps a note that its text was
     * erased; a receipt not yet sent is not sent; a result mail not yet sent is written anew, so it still tells
     * the school of its other entry, whose child's name ("Anita") the erased child's ("An") leaves whole (a
     * substring replacement made it "erasedita").
     */
    @Test
    void erasureLeavesNoTitleOfTheEntryInTheOutboxAndNoOtherWordsChanged() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String before = ErasureFixtures.marker();
        String after = ErasureFixtures.marker();
        String other = ErasureFixtures.marker();
        long erased = ErasureFixtures.entry(cid, school, "poster", "An", "The poster " + before, before,
                ErasureFixtures.png(before), true, true);
        long kept = ErasureFixtures.entry(cid, school, "poster", "Anita", "Anita and " + other, other,
                ErasureFixtures.png(other), true, true);
        JudgingFixtures.submit(school, erased);
        sender.run();
        school.login().as().post("/api/entries/{eid}/reopen", erased).then().statusCode(200);
        school.login().as().contentType(ContentType.JSON).body(Map.of("title", "The poster " + after))
                .patch("/api/entries/{eid}", erased).then().statusCode(200);
        JudgingFixtures.submit(school, erased);
        JudgingFixtures.submit(school, kept);
        ErasureFixtures.judgeAndPublish(cid, erased, kept);
        String code = ORGANISER.as().get("/api/entries/{eid}", erased).then().extract().jsonPath().getString("code");
        List<Object[]> mails = mailsOf(school);
        assertThat(mails).extracting(m -> m[0] + " " + m[1]).containsExactly("RECEIPT SENT", "RECEIPT QUEUED",
                "RECEIPT QUEUED", "RESULT QUEUED");
        assertThat((String) mails.get(0)[2]).contains(before);
        assertThat((String) mails.get(3)[2]).contains(after, "Anita and " + other);
        // A mail naming the entry but not tied to it (V46 ties the older ones it finds by their code): the erased
        // values are hidden as whole words.
        long legacy = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into outbox_message (kind, recipient, subject, text_body, html_body, status, sent_at)
                        values ('RECEIPT', 'legacy@school.example', 'Entry ' || ?1 || ' received', ?2, ?2, 'SENT',
                                now()) returning id""").setParameter(1, code)
                .setParameter(2, "An's entry " + code + ", \"The poster " + after + "\"; Anita's is next.")
                .getSingleResult()).longValue());

        ORGANISER.as().post("/api/entries/{eid}/erasure", erased).then().statusCode(200);

        for (String marker : List.of(before, after)) {
            assertThat(ErasureFixtures.databaseHits(db, marker)).as(marker).isEmpty();
        }
        mails = mailsOf(school);
        // The sent receipt keeps only a note; the queued receipt of the erased entry goes; the other stays whole.
        assertThat(mails).extracting(m -> m[0] + " " + m[1]).containsExactly("RECEIPT SENT", "RECEIPT QUEUED",
                "RESULT QUEUED");
        assertThat((String) mails.get(0)[2]).doesNotContain("The poster").contains("erased");
        assertThat((String) mails.get(1)[2]).contains("Anita and " + other);
        // The result mail written anew as the school's portal reads (publishing/EntryResults): the erased entry
        // is still the school's shortlisted entry, named by its code alone, no title of it left.
        for (int body = 2; body <= 3; body++) {
            assertThat((String) mails.get(2)[body]).contains("Anita and " + other, code)
                    .doesNotContain("The poster", before, after, "erasedita");
        }
        assertThat(ErasureFixtures.databaseHits(db, other)).isNotEmpty();
        String legacyText = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select text_body from outbox_message where id = ?1").setParameter(1, legacy).getSingleResult());
        assertThat(legacyText).isEqualTo(org.juryroom.entry.JuryRedaction.MARK + "'s entry " + code + ", \""
                + org.juryroom.entry.JuryRedaction.MARK + "\"; Anita's is next.");
    }

    /** The school's mails, oldest first: kind, status, text body, HTML body. */
    @SuppressWarnings("unchecked")
    /**
     * Once the result is no longer published, an erasure does not rewrite the school's unsent result mail (the
     * portal's rule places nothing then, and the mail would say none of its entries was shortlisted): it is not
     * sent.
     */
    @Test
    void anUnsentResultMailOfAnUnpublishedResultIsNotRewrittenToNoneShortlisted() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long erased = ErasureFixtures.entry(cid, school, "poster", "Ravi", "Ravi's poster", ErasureFixtures.marker(),
                ErasureFixtures.png(ErasureFixtures.marker()), true, true);
        long kept = ErasureFixtures.entry(cid, school, "poster", "Mina", "Mina's poster", ErasureFixtures.marker(),
                ErasureFixtures.png(ErasureFixtures.marker()), true, true);
        JudgingFixtures.submit(school, erased);
        JudgingFixtures.submit(school, kept);
        ErasureFixtures.judgeAndPublish(cid, erased, kept);
        assertThat(mailsOf(school)).extracting(m -> m[0] + " " + m[1]).contains("RESULT QUEUED");
        JudgingFixtures.transition(cid, "FROZEN"); // publication ends before the mail went out

        ORGANISER.as().post("/api/entries/{eid}/erasure", erased).then().statusCode(200);

        assertThat(mailsOf(school)).extracting(m -> (String) m[0]).doesNotContain("RESULT");
    }

    private List<Object[]> mailsOf(SchoolAccount school) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select m.kind, m.status, m.text_body, m.html_body from outbox_message m
                        where m.recipient = (select contact_email from school where id = ?1) order by m.id""")
                .setParameter(1, school.id()).getResultList());
    }

    /** A screening vote's comment on the entry (a juror's words, V25), in the competition's first round. */
    private void screeningComment(long entryId, long jurorId, String comment) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into screening_vote (round_id, entry_id, juror_id, vote, comment, voted_at)
                        select r.id, e.id, ?2, 'YES', ?3, now() from entry e
                        join judging_round r on r.competition_id = e.competition_id and r.position = 1
                        where e.id = ?1""")
                .setParameter(1, entryId).setParameter(2, jurorId).setParameter(3, comment).executeUpdate());
    }

    /** An organiser's adjudication of the entry, its note naming the child (V3: an organiser's free text). */
    private void adjudicationNote(long entryId, String note) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into adjudication (competition_id, entry_id, decision, note, scorecards, decided_by)
                        select e.competition_id, e.id, 'CONFIRM', ?2, '[]', 'organiser' from entry e where e.id = ?1""")
                .setParameter(1, entryId).setParameter(2, note).executeUpdate());
    }

    /** A guardian's record for the entry's first child, its personal fields carrying {@code marker}. */
    private void guardian(long entryId, String marker) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into guardian_consent (entry_id, participant_id, position, token, guardian_name,
                            relationship, guardian_email, guardian_phone, verification, verification_reference,
                            judging, publish_work, publish_name, given_at, recorded_by, attested_by)
                        select p.entry_id, p.id, p.position, md5(random()::text) || md5(random()::text), ?2, 'PARENT',
                            ?3, '+91 98300 55555', 'PAPER_FORM_HELD_BY_SCHOOL', ?4, true, true, true, now(), 'test', ?5
                        from participant p where p.entry_id = ?1
                        on conflict (participant_id) do update set guardian_name = excluded.guardian_name,
                            guardian_email = excluded.guardian_email,
                            verification_reference = excluded.verification_reference,
                            attested_by = excluded.attested_by""")
                .setParameter(1, entryId).setParameter(2, "Parent of " + marker)
                .setParameter(3, marker.toLowerCase() + "@home.example").setParameter(4, "Form " + marker)
                .setParameter(5, "Teacher " + marker).executeUpdate());
    }
}
