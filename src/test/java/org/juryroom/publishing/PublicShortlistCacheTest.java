package org.juryroom.publishing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures;
import org.juryroom.consent.ConsentFixtures.Published;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * The public shortlist from memory (PublicShortlistCache): built once per publication state, a
 * strong ETag answered with 304, and every change the public must see shows on the next request.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class PublicShortlistCacheTest {

    private static final String API = "/api/public/competitions/{cid}/shortlist";
    private static final String PAGE = "/shortlist/{cid}";

    @Inject
    PublicShortlistCache cache;

    /** The tags of the page, the API and the list now; each answers its own tag with 304. */
    private static Map<String, String> tags(long cid) {
        Map<String, String> tags = new HashMap<>();
        for (String path : List.of(PAGE, API, "/shortlist")) {
            Response r = anonymous().get(path.replace("{cid}", Long.toString(cid)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String tag = r.header("ETag");
            assertThat(tag).as(path).startsWith("\"");
            assertThat(r.header("Cache-Control")).isEqualTo(PublicCaching.SHARED);
            Response again = anonymous().header("If-None-Match", tag).get(path.replace("{cid}", Long.toString(cid)));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.header("Cache-Control")).isEqualTo(PublicCaching.SHARED);
            tags.put(path, tag);
        }
        return tags;
    }

    /** After a change: the page and the API answer the old tag with a new body (200). */
    private static void changed(long cid, Map<String, String> before) {
        for (String path : List.of(PAGE, API)) {
            Response r = anonymous().header("If-None-Match", before.get(path)).get(path.replace("{cid}",
                    Long.toString(cid)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("ETag")).as(path).isNotEqualTo(before.get(path));
        }
    }

    /** Each language has its own copy, written in that language, and the English one stays English. */
    @Test
    void eachLanguageGetsItsOwnPageInItsOwnWords() {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Languages poster"),
                List.of(JudgingFixtures.firstName()));
        String path = PAGE.replace("{cid}", Long.toString(p.cid()));
        for (int twice = 0; twice < 2; twice++) {
            assertThat(anonymous().header("Accept-Language", "hi").get(path).then().statusCode(200).extract().asString())
                    .contains("केवल पहले नाम ही दिखाए जाते हैं");
            assertThat(anonymous().header("Accept-Language", "bn").get(path).then().statusCode(200).extract().asString())
                    .contains("কেবল প্রথম নামই দেখানো হয়");
            assertThat(anonymous().header("Accept-Language", "en").get(path).then().statusCode(200).extract().asString())
                    .contains("Only first names are ever shown");
        }
    }

    @Test
    void builtOnceThenServedFromMemoryUntilSomethingChanges() {
        String title = JudgingFixtures.unique("Cached poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> first = tags(p.cid());
        var snapshot = cache.shortlist(p.cid());
        assertThat(cache.shortlist(p.cid())).as("no rebuild without a change").isSameAs(snapshot);
        assertThat(tags(p.cid())).isEqualTo(first);
        // A change of something the public does not see (a score, a draft elsewhere) keeps the copy.
        JudgingFixtures.openCompetition(1);
        assertThat(cache.shortlist(p.cid())).isSameAs(snapshot);
    }

    /**
     * Writers commit in any order: a change numbered before another but committed after it (and after
     * a request built the copy in between) is still seen. A copy keyed by the highest change number
     * missed it.
     */
    @Test
    void aChangeCommittedAfterALaterOneIsSeenOnTheNextRequest() throws Exception {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Withdrawn poster"),
                List.of(JudgingFixtures.firstName()));
        tags(p.cid());
        String withdrawn = "\"workPublished\":false";
        try (java.sql.Connection older = java.sql.DriverManager.getConnection(
                org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres");
             java.sql.Connection newer = java.sql.DriverManager.getConnection(
                     org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres")) {
            older.setAutoCommit(false);
            // The older writer: the work's publication consent is withdrawn, not committed yet.
            older.createStatement().executeUpdate("update entry set consent_publish_work = false where id = "
                    + p.eid());
            newer.createStatement().executeUpdate("update category set name = name where competition_id = " + p.cid());
            assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(withdrawn);
            older.commit();
        }
        assertThat(anonymous().get(API, p.cid()).asString()).contains(withdrawn);
    }

    @Test
    void aWithdrawalOfConsentIsSeenOnTheNextRequest() {
        String child = JudgingFixtures.firstName();
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Named poster"), List.of(child));
        Map<String, String> before = tags(p.cid());
        assertThat(anonymous().get(API, p.cid()).asString()).contains(child);
        ConsentFixtures.withdraw(p.tokens().get(0), "publishName").then().statusCode(200);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(child);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(child);
    }

    @Test
    void aSafeguardingHoldIsSeenOnTheNextRequest() {
        String title = JudgingFixtures.unique("Held poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> before = tags(p.cid());
        Map<String, Object> concern = new HashMap<>();
        concern.put("kind", "DISCLOSURE");
        concern.put("urgency", "NORMAL");
        concern.put("note", "Raised after publication.");
        ORGANISER.as().contentType(ContentType.JSON).body(concern).post("/api/entries/{eid}/concerns", p.eid())
                .then().statusCode(201);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(title);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(title);
    }

    @Test
    void anErasureIsSeenOnTheNextRequest() {
        String title = JudgingFixtures.unique("Erased poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> before = tags(p.cid());
        ORGANISER.as().post("/api/entries/{eid}/erasure", p.eid()).then().statusCode(200);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(title);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(title);
    }

    @Test
    void anUnpublicationIsSeenOnTheNextRequestAndARepublicationToo() {
        String title = JudgingFixtures.unique("Unpublished poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        String competition = ORGANISER.as().get("/api/competitions/{cid}", p.cid()).jsonPath().getString("title");
        Map<String, String> before = tags(p.cid());
        assertThat(anonymous().get("/shortlist").asString()).contains(competition);
        JudgingFixtures.transition(p.cid(), "FROZEN");
        anonymous().header("If-None-Match", before.get(PAGE)).get(PAGE, p.cid()).then().statusCode(404);
        anonymous().header("If-None-Match", before.get(API)).get(API, p.cid()).then().statusCode(404);
        Response list = anonymous().header("If-None-Match", before.get("/shortlist")).get("/shortlist");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).doesNotContain(competition);
        JudgingFixtures.transition(p.cid(), "PUBLISHED");
        assertThat(anonymous().get(API, p.cid()).asString()).contains(title);
    }
}
