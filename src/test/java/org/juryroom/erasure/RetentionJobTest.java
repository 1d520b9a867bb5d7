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
        QuarkusTransaction.requiringNew().run(() -> {
            Entry e = Entry.findById(eid);
            assertThat(e.erasureReason).isEqualTo("CONSENT_WITHDRAWN");
            assertThat(e.personalDataErasedAt).isNotNull();
        });
        assertThat(job.run().erased()).doesNotContain(eid);
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
