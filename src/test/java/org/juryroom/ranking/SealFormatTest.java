package org.juryroom.ranking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.erasure.SealMigration;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Seal format 2 (docs/judging.md): the snapshot seals each title's hash, so the shortlist verifies
 * after erasure blanks the title; format-1 seals written before it are migrated at start-up when
 * their digest still holds, and left (reported by verify) when it does not.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SealFormatTest {

    @Inject
    ShortlistService shortlists;

    @Inject
    SealMigration migration;

    @Inject
    EntityManager em;

    private record Seal(int format, String digest, String previousDigest, String json) {
    }

    @Test
    void newFreezesSealTitleHashesAndAShownTitleMustStillMatchItsHash() {
        long cid = frozen();
        Seal seal = seal(cid);
        assertThat(seal.format()).isEqualTo(3); // format 3: format 2 and the remedies
        String title = (String) single("select title from shortlist_entry se join shortlist s on s.id = se.shortlist_id"
                + " where s.competition_id = ?1 and se.rank = 1", cid);
        assertThat(seal.json()).contains("\"sealFormat\":3").contains("titleSha256").contains("\"remedies\":[]")
                .doesNotContain(title);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/snapshot.json", cid).then().statusCode(200)
                .body(not(containsString(title)));
        verify(cid, true);

        sql("update shortlist_entry set title = 'Someone else''s words' where rank = 1 and shortlist_id ="
                + " (select id from shortlist where competition_id = ?1)", cid);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(false)).body("digestMatches", equalTo(true)).body("titlesMatch", equalTo(false));
        // Blank (erased): nothing to compare, the sealed hash stands.
        sql("update shortlist_entry set title = '' where rank = 1 and shortlist_id ="
                + " (select id from shortlist where competition_id = ?1)", cid);
        verify(cid, true);
    }

    @Test
    void aFormatOneSealThatHoldsIsMigratedOnceAndOneThatDoesNotIsLeft() throws Exception {
        long cid = frozen();
        Seal atFreeze = seal(cid);
        assertThat(atFreeze.format()).as("a freeze seals format 3 (with the round's remedies)").isEqualTo(3);
        String formatOneDigest = writeFormatOne(cid);
        verify(cid, true);
        assertThat(seal(cid).json()).doesNotContain("titleSha256");

        assertThat(migration.migrateAll()).isGreaterThanOrEqualTo(1);
        Seal migrated = seal(cid);
        assertThat(migrated.format()).isEqualTo(2);
        assertThat(migrated.previousDigest()).isEqualTo(formatOneDigest);
        // Migration goes to format 2 (titles hashed), never to 3: remedies are not invented after the fact.
        assertThat(migrated.json()).contains("titleSha256").doesNotContain("remedies");
        assertThat(migrated.digest()).isNotEqualTo(formatOneDigest);
        verify(cid, true);
        ORGANISER.as().queryParam("action", "SEAL_MIGRATED").get("/api/competitions/{cid}/audit", cid).then()
                .statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].before.digest", equalTo(formatOneDigest))
                .body("items[0].after.digest", equalTo(migrated.digest()))
                .body("items[0].after.sealFormat", equalTo(2));
        // Idempotent: a second start-up changes nothing.
        migration.migrateAll();
        assertThat(seal(cid)).isEqualTo(migrated);

        // A format-1 seal whose rows were changed is not migrated: verification reports it.
        long tampered = frozen();
        writeFormatOne(tampered);
        sql("update shortlist_entry set score = score + 1 where rank = 1 and shortlist_id ="
                + " (select id from shortlist where competition_id = ?1)", tampered);
        migration.migrateAll();
        assertThat(seal(tampered).format()).isEqualTo(1);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", tampered).then().statusCode(200)
                .body("valid", equalTo(false)).body("digestMatches", equalTo(false)).body("sealFormat", equalTo(1));
    }

    /** A frozen competition: three entries, two shortlisted. */
    private static long frozen() {
        World w = JudgingFixtures.world(1, 3, 1, 2);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            JudgingFixtures.submitScore(w.juror(0), w.entry(i), 9 - 3 * i, 4 - i);
        }
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(201);
        return w.cid();
    }

    /** Rewrites the competition's seal through SQL as a format-1 freeze wrote it: titles in clear, no hashes. */
    private String writeFormatOne(long cid) {
        Shortlist s = QuarkusTransaction.requiringNew().call(() -> Shortlist.ofCompetition(cid).orElseThrow());
        s.sealFormat = 1; // detached: only the snapshot built below sees it
        String json = QuarkusTransaction.requiringNew().call(() -> ShortlistService.canonicalJson(shortlists.snapshot(s)));
        String digest = ShortlistService.sha256(json);
        sql("update shortlist set seal_format = 1, previous_digest = null, digest = ?2, canonical_json = ?3"
                + " where competition_id = ?1", cid, digest, json);
        sql("update shortlist_entry set title_sha256 = null where shortlist_id ="
                + " (select id from shortlist where competition_id = ?1)", cid);
        assertThat(json).doesNotContain("sealFormat");
        return digest;
    }

    private static void verify(long cid, boolean valid) {
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(valid));
    }

    private Seal seal(long cid) {
        Object[] r = (Object[]) single("select seal_format, digest, previous_digest, canonical_json from shortlist"
                + " where competition_id = ?1", cid);
        return new Seal(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]);
    }

    private Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        });
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
