package org.juryroom.erasure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.entry.Entry;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.ObjectStore;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The retention job (run directly, not waited for): after the competition's retention date it
 * erases every entry, except one under a safeguarding hold and, by default, the published work whose
 * publishWork consent stands, of which it keeps exactly what the public page shows.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Test
    void afterTheRetentionDateEverythingIsErasedButHeldEntriesAndThePublishedWork() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String shown = ErasureFixtures.marker();
        String titleOnly = ErasureFixtures.marker();
        String unranked = ErasureFixtures.marker();
        String held = ErasureFixtures.marker();
        long shownEntry = ErasureFixtures.entry(cid, school, "poster", shown, ErasureFixtures.png(shown), true, true);
        long titleEntry = ErasureFixtures.entry(cid, school, "poster", titleOnly, ErasureFixtures.png(titleOnly),
                false, true);
        long unrankedEntry = ErasureFixtures.entry(cid, school, "poster", unranked, ErasureFixtures.png(unranked),
                true, true);
        long heldEntry = ErasureFixtures.entry(cid, school, "poster", held, ErasureFixtures.png(held), true, true);
        List<Long> entries = List.of(shownEntry, titleEntry, unrankedEntry, heldEntry);
        entries.forEach(e -> JudgingFixtures.submit(school, e));
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        int[][] marks = {{10, 5}, {9, 4}, {3, 1}, {2, 0}};
        for (int i = 0; i < entries.size(); i++) {
            JudgingFixtures.submitScore(juror, entries.get(i), marks[i][0], marks[i][1]);
        }
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("kind", "OTHER", "urgency", "NORMAL",
                "note", "A question about this entry.")).post("/api/entries/{eid}/concerns", heldEntry)
                .then().statusCode(201);
        // Another competition, not yet due, is left alone.
        long laterCid = JudgingFixtures.openCompetition(1);
        String later = ErasureFixtures.marker();
        long laterEntry = ErasureFixtures.entry(laterCid, school, "poster", later, ErasureFixtures.png(later), true,
                true);

        RetentionJob.Report before = job.run();
        assertThat(before.erased()).doesNotContainAnyElementsOf(entries);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1")
                .setParameter(1, cid).executeUpdate());

        RetentionJob.Report report = job.run();
        assertThat(report.ran()).isTrue();
        assertThat(report.erased()).contains(titleEntry, unrankedEntry).doesNotContain(shownEntry, heldEntry,
                laterEntry);
        assertThat(report.keptPublished()).contains(shownEntry);
        assertThat(report.held()).contains(heldEntry);
        for (String marker : List.of(titleOnly, unranked)) {
            assertThat(ErasureFixtures.databaseHits(db, marker)).as(marker).isEmpty();
            assertThat(ErasureFixtures.bucketHits(store, marker)).as(marker).isEmpty();
        }
        assertThat(ErasureFixtures.objectsOf(store, heldEntry)).hasSize(3);
        assertThat(ErasureFixtures.objectsOf(store, laterEntry)).hasSize(3);
        ORGANISER.as().get("/api/entries/{eid}", laterEntry).then().body("participants[0].firstName", equalTo(later));

        // The published work: what the public page shows stays (title, name, clean copy, thumbnail); the
        // statement, grade, teacher, upload name and the original (with its metadata) are gone.
        JsonPath pub = JudgingFixtures.json(JudgingFixtures.anonymous()
                .get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(200).extract().response());
        assertThat(pub.getString("entries[0].title")).contains(shown);
        assertThat(pub.getList("entries[0].participants", String.class)).containsExactly(shown);
        JudgingFixtures.anonymous().get(pub.getString("entries[0].files[0].url")).then().statusCode(200);
        JudgingFixtures.anonymous().get(pub.getString("entries[0].files[0].thumbnailUrl")).then().statusCode(200);
        assertThat(pub.getString("entries[1].title")).isEmpty();
        ORGANISER.as().get("/api/entries/{eid}", shownEntry).then().statusCode(200)
                .body("statement", equalTo(null)).body("participants[0].grade", equalTo(null))
                .body("consent.attestedBy", equalTo(null)).body("files[0].name", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(shown)));
        // The entry pages say what went: the grade, not the name the public page still shows.
        for (Map.Entry<String, JudgingFixtures.Login> who : Map.of("/organiser", ORGANISER, "/school",
                school.login()).entrySet()) {
            String page = org.juryroom.web.WebSession.signIn(who.getValue().username(), who.getValue().password())
                    .get(who.getKey() + "/entries/" + shownEntry).then().statusCode(200).extract().asString();
            assertThat(page).contains(shown + " (grade erased; the name stays on the public page)")
                    .doesNotContain("name and grade erased");
        }
        List<String> kept = ErasureFixtures.objectsOf(store, shownEntry);
        assertThat(kept).hasSize(2).noneMatch(k -> k.endsWith("/original"));
        QuarkusTransaction.requiringNew().run(() -> {
            EntryFile f = EntryFile.<EntryFile>list("entryId", shownEntry).get(0);
            assertThat(f.objectKey).isEqualTo(f.cleanKey);
            Entry e = Entry.findById(shownEntry);
            assertThat(e.personalDataErasedAt).isNull();
            assertThat(e.erasureReason).isEqualTo(ErasureService.KEPT_PUBLISHED);
        });
        assertThat(ErasureFixtures.bucketHits(store, shown)).isEmpty(); // the marker was in the original's metadata
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(true));

        // The next run has nothing more to do.
        RetentionJob.Report again = job.run();
        assertThat(again.erased()).doesNotContain(titleEntry, unrankedEntry);
        assertThat(again.keptPublished()).contains(shownEntry);
        assertThat(ErasureFixtures.objectsOf(store, shownEntry)).isEqualTo(kept);
        ORGANISER.as().queryParam("action", "PERSONAL_DATA_ERASED").get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).body("items.size()", equalTo(3));
    }

    /**
     * Kept published work keeps its title as the public read it: a child not publicly named ("Riya's
     * poster", publishWork without publishNames), a child in a work marked as showing an identifiable
     * child, and a name whose publication ends after the first run are hidden in the stored title before
     * the names go, so neither the public page, the gallery, the exports nor a juror ever read them again.
     */
    @Test
    void keptPublishedWorkNeverShowsAnErasedNameInItsTitle() throws Exception {
        long cid = JudgingFixtures.openCompetition(3);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String unnamed = ErasureFixtures.marker();
        String recognisable = ErasureFixtures.marker();
        String later = ErasureFixtures.marker();
        long unnamedEntry = ErasureFixtures.entry(cid, school, "poster", unnamed, ErasureFixtures.png(unnamed), true,
                false);
        school.login().as().contentType(ContentType.JSON).body(Map.of("title", unnamed + "'s poster on staying safe"))
                .patch("/api/entries/{eid}", unnamedEntry).then().statusCode(200);
        long recognisableEntry = ErasureFixtures.entry(cid, school, "poster", recognisable,
                ErasureFixtures.png(recognisable), true, true);
        long laterEntry = ErasureFixtures.entry(cid, school, "poster", later, ErasureFixtures.png(later), true, true);
        List<Long> entries = List.of(unnamedEntry, recognisableEntry, laterEntry);
        entries.forEach(e -> JudgingFixtures.submit(school, e));
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(juror, unnamedEntry, 10, 5);
        JudgingFixtures.submitScore(juror, recognisableEntry, 9, 4);
        JudgingFixtures.submitScore(juror, laterEntry, 8, 3);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
        identifiable(recognisableEntry, true);
        String hiddenTitle = org.juryroom.entry.JuryRedaction.MARK + "'s poster on staying safe";
        assertThat(publicShortlist(cid)).contains(hiddenTitle).doesNotContain(unnamed, recognisable).contains(later);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1")
                .setParameter(1, cid).executeUpdate());

        assertThat(job.run().keptPublished()).containsAll(entries);
        assertThat(publicShortlist(cid)).contains(hiddenTitle).contains(later);
        // The last name's publication ends after the retention: the next run erases it, from the title too.
        identifiable(laterEntry, true);
        assertThat(job.run().keptPublished()).containsAll(entries);

        String shown = publicShortlist(cid);
        assertThat(JudgingFixtures.json(JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist",
                cid).then().extract().response()).getList("entries.title", String.class))
                .containsExactly(hiddenTitle, "The poster " + org.juryroom.entry.JuryRedaction.MARK + " drew",
                        "The poster " + org.juryroom.entry.JuryRedaction.MARK + " drew");
        String gallery = JudgingFixtures.anonymous().get("/shortlist/{cid}", cid).then().statusCode(200)
                .extract().asString();
        String exports = ORGANISER.as().get("/api/competitions/{cid}/exports/shortlist.csv", cid).then()
                .statusCode(200).extract().asString()
                + ORGANISER.as().get("/api/competitions/{cid}/exports/ranking.csv", cid).then().statusCode(200)
                .extract().asString();
        StringBuilder jury = new StringBuilder();
        for (long eid : entries) {
            jury.append(juror.login().as().get("/api/entries/{eid}", eid).then().statusCode(200).extract().asString());
        }
        for (String name : List.of(unnamed, recognisable, later)) {
            assertThat(shown).as("public API").doesNotContain(name);
            assertThat(gallery).as("gallery").doesNotContain(name);
            assertThat(exports).as("exports").doesNotContain(name);
            assertThat(jury.toString()).as("jury view").doesNotContain(name);
            assertThat(ErasureFixtures.databaseHits(db, name)).as("the raw title survives nowhere").isEmpty();
        }
        assertThat(gallery).contains("poster on staying safe");
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(true)).body("titlesMatch", equalTo(true));
        // Only an erased entry's title may stand for its hash: anyone else's retitled behind the app's back fails.
        sql("update shortlist_entry set title = title || ' ' || ?2 where entry_id = ?1",
                laterEntry, org.juryroom.entry.JuryRedaction.MARK);
        sql("update entry set erasure_reason = null where id = ?1", laterEntry);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(false)).body("titlesMatch", equalTo(false));
    }

    private static String publicShortlist(long cid) {
        return JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .extract().asString();
    }

    private static void identifiable(long eid, boolean identifiable) {
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("identifiableChild", identifiable))
                .put("/api/entries/{eid}/identifiable-child", eid).then().statusCode(200);
    }

    @Test
    void aJudgingConsentWithdrawnUnderAHoldIsErasedOnceTheHoldEnds() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String marker = ErasureFixtures.marker();
        long eid = ErasureFixtures.entry(cid, school, "poster", marker, ErasureFixtures.png(marker), true, true);
        // As a withdrawal under a hold leaves it: the record withdrawn, nothing erased (ErasureTest fires the event).
        sql("update entry set hold = 'HELD' where id = ?1", eid);
        sql("""
                insert into guardian_consent (entry_id, participant_id, position, token, verification, judging,
                    publish_work, publish_name, given_at, recorded_by, judging_withdrawn_at)
                select p.entry_id, p.id, p.position, md5(random()::text) || md5(random()::text),
                    'PAPER_FORM_HELD_BY_SCHOOL', true, true, true, now(), 'test', now()
                from participant p where p.entry_id = ?1
                on conflict (participant_id) do update set judging_withdrawn_at = now()""", eid);

        assertThat(job.run().held()).contains(eid);
        assertThat(ErasureFixtures.objectsOf(store, eid)).hasSize(3);
        sql("update entry set hold = null where id = ?1", eid); // the safeguarding lead released it

        assertThat(job.run().erased()).contains(eid);
        assertThat(ErasureFixtures.objectsOf(store, eid)).isEmpty();
        assertThat(ErasureFixtures.databaseHits(db, marker)).isEmpty();
        ErasureFixtures.assertErased(eid, "CONSENT_WITHDRAWN");
        assertThat(job.run().erased()).doesNotContain(eid);
    }

    /**
     * Published work the retention kept, then held by a concern, whose guardian then withdraws judging consent:
     * the hold keeps it (evidence), and nothing else waits for it. Every run goes on erasing the other entries
     * due, and this one is erased in full once the lead releases it.
     */
    @Test
    void keptPublishedWorkWithdrawnUnderAHoldStopsNoRunAndIsErasedOnceReleased() throws Exception {
        long cid = JudgingFixtures.openCompetition(1);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String kept = ErasureFixtures.marker();
        long keptEntry = ErasureFixtures.entry(cid, school, "poster", kept, ErasureFixtures.png(kept), true, true);
        String token = guardianRecord(keptEntry);
        JudgingFixtures.submit(school, keptEntry);
        ErasureFixtures.judgeAndPublish(cid, keptEntry);
        sql("update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1", cid);
        assertThat(job.run().keptPublished()).contains(keptEntry);

        JudgingFixtures.Login lead = ErasureFixtures.lead();
        long concern = ErasureFixtures.concern(ORGANISER.as(), keptEntry);
        JudgingFixtures.anonymous().contentType(ContentType.JSON).body(Map.of("scopes", List.of("judging")))
                .post("/api/consents/{token}/withdraw", token).then().statusCode(200);
        // Another competition's entry falls due meanwhile.
        long otherCid = JudgingFixtures.openCompetition(1);
        String other = ErasureFixtures.marker();
        long otherEntry = ErasureFixtures.entry(otherCid, school, "poster", other, ErasureFixtures.png(other), true,
                true);
        sql("update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1", otherCid);

        RetentionJob.Report report = job.run();
        assertThat(report.erased()).contains(otherEntry);
        assertThat(report.held()).contains(keptEntry);
        assertThat(ErasureFixtures.databaseHits(db, other)).isEmpty();
        assertThat(job.run().held()).contains(keptEntry);
        assertThat(ErasureFixtures.objectsOf(store, keptEntry)).isNotEmpty();

        ErasureFixtures.close(lead, concern, "RELEASED");
        assertThat(job.run().erased()).contains(keptEntry);
        assertThat(ErasureFixtures.objectsOf(store, keptEntry)).isEmpty();
        assertThat(ErasureFixtures.hitsOutsideSafeguarding(db, kept)).isEmpty();
        ErasureFixtures.assertErased(keptEntry, "CONSENT_WITHDRAWN");
    }

    /**
     * The default retention date counts from the first publication: unpublishing neither cancels it (the
     * next run erases, also the published work it kept) nor does publishing again restart it.
     */
    @Test
    void unpublishingNeitherCancelsNorRestartsTheRetention() throws Exception {
        long cid = JudgingFixtures.openCompetition(1);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String shown = ErasureFixtures.marker();
        String unranked = ErasureFixtures.marker();
        long shownEntry = ErasureFixtures.entry(cid, school, "poster", shown, ErasureFixtures.png(shown), true, true);
        long unrankedEntry = ErasureFixtures.entry(cid, school, "poster", unranked, ErasureFixtures.png(unranked),
                true, true);
        List.of(shownEntry, unrankedEntry).forEach(e -> JudgingFixtures.submit(school, e));
        ErasureFixtures.judgeAndPublish(cid, shownEntry, unrankedEntry);
        assertThat(job.run().erased()).doesNotContain(shownEntry, unrankedEntry);
        ageFirstPublication(cid);

        RetentionJob.Report first = job.run();
        assertThat(first.keptPublished()).contains(shownEntry);
        assertThat(first.erased()).contains(unrankedEntry);
        JudgingFixtures.transition(cid, "FROZEN"); // publication ends
        ORGANISER.as().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("personalDataDueAt", org.hamcrest.Matchers.notNullValue());
        assertThat(job.run().erased()).contains(shownEntry);
        assertThat(ErasureFixtures.objectsOf(store, shownEntry)).isEmpty();
        assertThat(ErasureFixtures.databaseHits(db, shown)).isEmpty();

        // Published again: the clock runs on from the first publication.
        long againCid = JudgingFixtures.openCompetition(1);
        String again = ErasureFixtures.marker();
        long againEntry = ErasureFixtures.entry(againCid, school, "poster", again, ErasureFixtures.png(again), true,
                true);
        JudgingFixtures.submit(school, againEntry);
        ErasureFixtures.judgeAndPublish(againCid, againEntry);
        ageFirstPublication(againCid);
        JudgingFixtures.transition(againCid, "FROZEN");
        JudgingFixtures.transition(againCid, "PUBLISHED");
        RetentionJob.Report republished = job.run();
        assertThat(republished.erased()).doesNotContain(againEntry); // shortlisted and shown: its work is kept
        assertThat(republished.keptPublished()).contains(againEntry);
    }

    /** As if the competition had first been published 13 months ago (the default retention is 12). */
    private void ageFirstPublication(long cid) {
        sql("update competition set first_published_at = now() - interval '13 months',"
                + " published_at = now() - interval '13 months' where id = ?1", cid);
    }

    /** A guardian record for the entry's child, with every scope given; returns its withdrawal token. */
    private String guardianRecord(long eid) {
        String token = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));
        sql("""
                insert into guardian_consent (entry_id, participant_id, position, token, verification, judging,
                    publish_work, publish_name, given_at, recorded_by)
                select p.entry_id, p.id, p.position, ?2, 'PAPER_FORM_HELD_BY_SCHOOL', true, true, true, now(), 'test'
                from participant p where p.entry_id = ?1
                on conflict (participant_id) do update set token = excluded.token""", eid, token);
        return token;
    }

    /**
     * An entry whose erasure fails unexpectedly (here the database refuses to change it) is left for the next run,
     * and the entries after it are erased all the same. The job runs as the scheduler runs it, in a request context
     * of its own without an HTTP request: its audit lines name the system as the actor, not "anonymous".
     */
    @Test
    void anUnexpectedFailureLeavesOnlyItsEntryForTheNextRunAndTheJobIsAuditedAsTheSystem() throws Exception {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String refused = ErasureFixtures.marker();
        String erased = ErasureFixtures.marker();
        long refusedEntry = ErasureFixtures.entry(cid, school, "poster", refused, ErasureFixtures.png(refused), true,
                true);
        long erasedEntry = ErasureFixtures.entry(cid, school, "poster", erased, ErasureFixtures.png(erased), true, true);
        sql("update competition set retain_personal_data_until = now() - interval '1 day' where id = ?1", cid);
        ddl("create or replace function retention_test_refuse() returns trigger language plpgsql as $$"
                + " begin raise exception 'refused for the test: %', new.title; end $$");
        ddl("create trigger retention_test_refuse before update on entry for each row when (old.id = "
                + refusedEntry + ") execute function retention_test_refuse()");
        RetentionJob.Report report;
        try {
            report = asScheduled(job::run);
        } finally {
            ddl("drop trigger if exists retention_test_refuse on entry");
        }
        assertThat(report.failed()).contains(refusedEntry);
        assertThat(report.erased()).contains(erasedEntry).doesNotContain(refusedEntry);
        assertThat(ErasureFixtures.databaseHits(db, erased)).isEmpty();
        assertThat(ErasureFixtures.databaseHits(db, refused)).isNotEmpty();
        assertThat(asScheduled(job::run).erased()).contains(refusedEntry);
        assertThat(ErasureFixtures.databaseHits(db, refused)).isEmpty();

        JsonPath audit = JudgingFixtures.json(ORGANISER.as().queryParam("action", "PERSONAL_DATA_ERASED")
                .get("/api/competitions/{cid}/audit", cid).then().statusCode(200).extract().response());
        assertThat(audit.getList("items.actor", String.class)).hasSize(2).containsOnly("system");
        assertThat(audit.getList("items.actorRole", String.class)).containsOnly("system");
    }

    /** Runs {@code job} as the Quarkus scheduler does: in a request context, with no HTTP request behind it. */
    private static <T> T asScheduled(java.util.concurrent.Callable<T> job) throws Exception {
        io.quarkus.arc.ManagedContext requests = io.quarkus.arc.Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            return job.call();
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    private void ddl(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    private void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            assertThat(q.executeUpdate()).isPositive();
        });
    }
}
