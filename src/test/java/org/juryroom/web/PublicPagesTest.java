package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PublicPagesTest {

    @Test
    void thePublishedShortlistIsAGalleryThatCachesMayKeepButRevalidate() {
        String title = Fixtures.unique("Public Competition");
        long cid = Fixtures.openCompetition(title, 2);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Bayside School"));
        long shown = Fixtures.submittedEntry(school, cid, "poster", "Shown Poster", List.of("Mirabel"),
                "posters/poster-03-phone-gps.jpg", true, true);
        long hidden = Fixtures.submittedEntry(school, cid, "poster", "Private Poster", List.of("Leopold"),
                "posters/poster-01.jpg", false, false);
        Fixtures.transition(cid, "JUDGING");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.assignEveryone(cid);
        Fixtures.score(juror, shown, 9, 9, 9);
        Fixtures.score(juror, hidden, 8, 8, 8);
        Fixtures.freeze(cid);

        given().get("/shortlist/" + cid).then().statusCode(404);
        Fixtures.transition(cid, "PUBLISHED");

        Response page = given().get("/shortlist/" + cid);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo(org.juryroom.publishing.PublicCaching.SHARED);
        assertThat(page.header("Set-Cookie")).isNull();
        String html = page.asString();
        assertThat(html).contains(title).contains("Shown Poster").contains("Mirabel")
                .contains("Private Poster").doesNotContain("Leopold").contains("/shortlist/" + cid + "/works/1/")
                .doesNotContain("/works/2/").contains("<meta name=\"csrf-token\" content=\"\">");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/shortlist/" + cid + "/works/1/(\\d+)\\.jpg")
                .matcher(html);
        assertThat(m.find()).isTrue();
        String pictureUrl = m.group();
        String etag = page.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/shortlist/" + cid).then().statusCode(304);

        Response picture = given().get(pictureUrl);
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.contentType()).isEqualTo("image/jpeg");
        byte[] jpeg = picture.asByteArray();
        assertThat(new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
                .doesNotContain("GPS");
        assertThat(picture.header("Cache-Control")).isEqualTo("public, no-cache");
        given().header("If-None-Match", picture.header("ETag")).get(pictureUrl).then().statusCode(304);
        long hiddenFile = Fixtures.organiser().get("/api/entries/" + hidden).jsonPath().getLong("files[0].id");
        given().get("/shortlist/" + cid + "/works/2/" + hiddenFile + ".jpg").then().statusCode(404);

        assertThat(given().get("/shortlist").asString()).contains(title);
        Fixtures.transition(cid, "FROZEN");
        given().get("/shortlist/" + cid).then().statusCode(404);
        given().get(pictureUrl).then().statusCode(404);
    }

    /**
     * A page rendered for a signed-in caller (their name, CSRF token) is never kept by a cache, whatever
     * the URL, a {@code ?lang=} one included; a stranger's stays shared.
     */
    @Test
    void aSignedInCallersPublicPageIsNeverKeptByACache() {
        long cid = Fixtures.publishedPoster("Private Caching", "Hillside School", "Cached Poster", "Anwesha");

        for (String url : List.of("/shortlist?lang=bn", "/shortlist/" + cid + "?lang=hi", "/shortlist/" + cid)) {
            Response signedIn = Fixtures.organiser().get(url);
            assertThat(signedIn.statusCode()).as(url).isEqualTo(200);
            assertThat(signedIn.header("Cache-Control")).as(url).isEqualTo(org.juryroom.publishing.PublicCaching.PERSONAL);
            Response revalidated = Fixtures.organiser().header("If-None-Match", signedIn.header("ETag")).get(url);
            assertThat(revalidated.header("Cache-Control")).as(url).isEqualTo(org.juryroom.publishing.PublicCaching.PERSONAL);
            Response stranger = given().get(url);
            assertThat(stranger.statusCode()).as(url).isEqualTo(200);
            assertThat(stranger.header("Cache-Control")).as(url).isEqualTo(org.juryroom.publishing.PublicCaching.SHARED);
        }
        assertThat(Fixtures.organiser().get("/api/public/competitions/" + cid + "/shortlist").header("Cache-Control"))
                .isEqualTo(org.juryroom.publishing.PublicCaching.PERSONAL);
    }

    /**
     * If-Match naming another version (a stale tab, a crafted request through a CDN) is refused as the asker's
     * own 412 problem, in their language: never an empty answer under the public rule that a shared cache could
     * keep for its seconds and serve to every guardian and stranger; the page, its JSON and the pictures alike.
     */
    @Test
    void aFailedIfMatchIsTheAskersOwnProblemThatNoCacheKeeps() {
        org.juryroom.consent.ConsentFixtures.Published p = org.juryroom.consent.ConsentFixtures.published(
                Fixtures.unique("Conditional poster"), List.of(org.juryroom.judging.JudgingFixtures.firstName()));
        String api = "/api/public/competitions/" + p.cid() + "/shortlist";
        Response current = given().get(api);
        long fid = current.jsonPath().getLong("entries[0].files[0].id");
        String picture = "/shortlist/" + p.cid() + "/works/1/" + fid + ".jpg";

        Response json = given().header("If-Match", "\"another\"").header("Accept-Language", "hi").get(api);
        assertThat(json.statusCode()).isEqualTo(412);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(json.jsonPath().getString("detail")).contains("संस्करण");
        assertThat(json.header("Cache-Control")).doesNotContain("max-age").doesNotContain("s-maxage");
        for (String page : List.of("/shortlist/" + p.cid(), picture)) {
            Response refused = given().header("If-Match", "\"another\"").header("Accept-Language", "bn").get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(412);
            assertThat(refused.contentType()).as(page).startsWith("text/html");
            assertThat(refused.asString()).as(page).contains("আবার খুলুন");
            assertThat(refused.header("Cache-Control")).as(page).isEqualTo("no-store");
        }
        // The version asked for is still answered, and a revalidation still costs nothing.
        given().header("If-Match", current.header("ETag")).get(api).then().statusCode(200);
        Response revalidated = given().header("If-None-Match", current.header("ETag")).get(api);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.header("Cache-Control")).isEqualTo(org.juryroom.publishing.PublicCaching.SHARED);
        String pictureTag = given().get(picture).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", pictureTag).get(picture).then().statusCode(304)
                .header("Cache-Control", org.juryroom.publishing.PublicCaching.REVALIDATE);
    }
}
