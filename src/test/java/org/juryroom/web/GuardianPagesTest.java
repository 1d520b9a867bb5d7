package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/** The guardian's withdrawal page (/consent/{token}) and the school's and organiser's recording pages. */
@QuarkusTest
class GuardianPagesTest {

    @Test
    void aGuardianWithdrawsOnThePageAndConfirmsBeforeTheEntryLeavesJudging() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String child = JudgingFixtures.firstName();
        long eid = JudgingFixtures.draftEntry(cid, school, "Safe online poster", "s", List.of(child), true, true);
        String token = ConsentFixtures.tokens(eid).get(0);
        String page = "/consent/" + token;
        WebSession guardian = WebSession.anonymous();

        Response shown = guardian.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
        assertThat(shown.asString()).contains(child).contains("Safe online poster")
                .contains("value=\"publishName\"").contains("value=\"judging\"").contains("Publishing the work")
                .contains("Judging").doesNotContain("http://")
                .doesNotContain("https://");

        // Nothing ticked: the guardian is told to tick a choice, in words (never the API's scope names), in
        // their language.
        for (String[] said : List.of(new String[] {"en", "Tick at least one of the choices to withdraw"},
                new String[] {"hi", "वापस लेने के लिए कम से कम एक विकल्प चुनें"},
                new String[] {"bn", "প্রত্যাহারের জন্য অন্তত একটি বিকল্প বেছে নিন"})) {
            Response none = guardian.post(page, page + "?lang=" + said[0], Map.of());
            assertThat(none.statusCode()).isEqualTo(422);
            assertThat(none.asString().replaceAll("value=\"\\w+\"", "")).as(said[0]).contains(said[1])
                    .doesNotContain("publishWork").doesNotContain("publishName");
        }

        Response posted = guardian.post(page, page, Map.of("scope", List.of("publishName")));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith(page + "?withdrawn=1");
        assertThat(guardian.get(page + "?withdrawn=1").asString()).contains("Your withdrawal is recorded")
                .doesNotContain("value=\"publishName\"");
        anonymous().get("/api/consents/{t}", token).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(List.of("judging", "publishWork")));

        // Judging: first the consequences, and nothing is withdrawn until confirmed.
        Response asked = guardian.post(page, page, Map.of("scope", List.of("judging")));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString()).contains("The entry will leave the competition").contains("name=\"confirm\"");
        anonymous().get("/api/consents/{t}", token).then().body("active", org.hamcrest.Matchers.hasItem("judging"));
        Response confirmed = guardian.post(page, page, Map.of("scope", List.of("judging"), "confirm", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        anonymous().get("/api/consents/{t}", token).then()
                .body("active", org.hamcrest.Matchers.equalTo(List.of("publishWork")))
                .body("entryWithdrawn", org.hamcrest.Matchers.equalTo(true))
                // Erased: no title, as docs/api.md says (not an empty one).
                .body("entryTitle", org.hamcrest.Matchers.nullValue())
                .body("firstName", org.hamcrest.Matchers.nullValue());
        // The page says so in a sentence of the reader's language, not with an empty title in quotes.
        for (String[] said : List.of(new String[] {"en", "You agreed that your child&#39;s entry takes part in"},
                new String[] {"hi", "आपने सहमति दी थी कि आपके बच्चे की प्रविष्टि"},
                new String[] {"bn", "আপনি সম্মতি দিয়েছিলেন যে আপনার সন্তানের কাজ"})) {
            assertThat(guardian.get(page + "?lang=" + said[0]).asString()).as(said[0]).contains(said[1])
                    .doesNotContain("&quot;&quot;");
        }

        // A forged post (no token) does nothing; an unknown link is a plain 404.
        assertThat(guardian.postRaw(page, Map.of("scope", "publishWork")).statusCode()).isEqualTo(403);
        anonymous().get("/api/consents/{t}", token).then().body("active", org.hamcrest.Matchers.hasItem("publishWork"));
        assertThat(guardian.get("/consent/" + "C".repeat(43)).statusCode()).isEqualTo(404);
    }

    /**
     * The link is the guardian's credential: no response on it may be kept by a cache or send it on as a referrer
     * (not even to this site's own styles and scripts, whose requests land in access logs).
     */
    @Test
    void theGuardiansLinkIsNeitherKeptNorSentOn() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Kept poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        String token = ConsentFixtures.tokens(eid).get(0);
        String page = "/consent/" + token;
        WebSession guardian = WebSession.anonymous();

        Response shown = guardian.get(page);
        Response withdrawn = guardian.post(page, page, Map.of("scope", List.of("publishName")));
        Response dead = guardian.get("/consent/" + "D".repeat(43));
        for (Response r : List.of(shown, withdrawn, dead)) {
            assertThat(r.headers().getValues("Referrer-Policy")).containsExactly("no-referrer");
        }
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        // Other pages keep their same-origin referrers.
        assertThat(guardian.get("/login").headers().getValues("Referrer-Policy")).containsExactly("same-origin");

        // The API's answer to the link names the child too.
        Response api = anonymous().get("/api/consents/{t}", token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");
        Response apiWithdrawn = anonymous().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("scopes", List.of("publishWork"))).post("/api/consents/{t}/withdraw", token);
        assertThat(apiWithdrawn.statusCode()).isEqualTo(200);
        assertThat(apiWithdrawn.header("Cache-Control")).isEqualTo("no-store");
    }

    /**
     * Forms no browser sends from the page (a choice altered, thousands of fields) are refused in the reader's
     * language and in words, never with the API's names or a server error, and withdraw nothing.
     */
    @Test
    void alteredWithdrawalFormsAreRefusedInTheGuardiansWordsAndWithdrawNothing() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Altered poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        String token = ConsentFixtures.tokens(eid).get(0);
        String page = "/consent/" + token;
        WebSession guardian = WebSession.anonymous();

        for (String[] said : List.of(new String[] {"en", "This is not one of the choices on this page"},
                new String[] {"hi", "यह इस पृष्ठ के विकल्पों में से नहीं है"},
                new String[] {"bn", "এটি এই পাতার বিকল্পগুলির একটি নয়"})) {
            Response altered = guardian.post(page, page + "?lang=" + said[0], Map.of("scope", List.of("publishName",
                    "everything")));
            assertThat(altered.statusCode()).as(said[0]).isEqualTo(422);
            String summary = altered.asString().replaceAll("(?s)^.*data-error-summary>", "")
                    .replaceAll("(?s)</div>.*$", "");
            // Linked to the choices, as every refused form's summary is.
            assertThat(summary).as(said[0]).contains(said[1]).contains("href=\"#scopes\"")
                    .doesNotContain("publishWork").doesNotContain("publishName").doesNotContain("judging");
        }

        List<String> thousands = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            thousands.add("publishName");
        }
        Response flood = guardian.post(page, page + "?lang=hi", Map.of("scope", thousands));
        assertThat(flood.statusCode()).isEqualTo(400);
        assertThat(flood.asString()).contains("फ़ॉर्म में इतने अधिक फ़ील्ड हैं").doesNotContain("Param limit");

        anonymous().get("/api/consents/{t}", token).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(List.of("judging", "publishWork", "publishName")));
    }

    /**
     * The green words after a withdrawal or a confirmation are asked for by the address they redirect to; a crafted
     * address (the school holds the link too) must not tell a guardian that a withdrawal took effect or that a consent
     * is in force when neither is true.
     */
    @Test
    void theDoneWordsAreSaidOnlyWhenTrue() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Crafted poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        String page = "/consent/" + ConsentFixtures.tokens(eid).get(0);
        WebSession guardian = WebSession.anonymous();

        Response crafted = guardian.get(page + "?withdrawn=1&confirmed=1");
        assertThat(crafted.statusCode()).isEqualTo(200);
        assertThat(crafted.asString()).doesNotContain("Your withdrawal is recorded")
                .doesNotContain("your consent is confirmed and in force").doesNotContain("role=\"status\"");

        assertThat(guardian.post(page, page, Map.of("scope", List.of("publishName"))).statusCode()).isEqualTo(303);
        assertThat(guardian.get(page + "?withdrawn=1&confirmed=1").asString()).contains("Your withdrawal is recorded")
                .doesNotContain("your consent is confirmed and in force");
    }

    /** The notice the guardian agreed to is kept in every language; the guardian reads it in theirs. */
    @Test
    void theGuardianReadsTheConsentNoticeInTheirLanguage() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Notice poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        String page = "/consent/" + ConsentFixtures.tokens(eid).get(0);
        int version = anonymous().get(page.replace("/consent/", "/api/consents/")).then().statusCode(200).extract()
                .jsonPath().getInt("noticeVersion");
        Map<String, String> texts = anonymous().get("/api/consent-notice?version=" + version).then().statusCode(200)
                .extract().jsonPath().getMap("texts", String.class, String.class);
        assertThat(texts.get("hi")).isNotBlank().isNotEqualTo(texts.get("en"));
        for (String language : List.of("hi", "bn", "en")) {
            String shown = WebSession.anonymous().get(page + "?lang=" + language).asString();
            assertThat(noticeOn(shown)).as(language).isEqualTo(texts.get(language));
        }
        // Without a link's choice, the browser's language decides, as for every other text of the page.
        String byHeader = io.restassured.RestAssured.given().header("Accept-Language", "bn").get(page).asString();
        assertThat(noticeOn(byHeader)).isEqualTo(texts.get("bn"));
    }

    /** The notice's text as the page shows it (unescaped). */
    private static String noticeOn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<p class=\"notice-text\">(.*?)</p>").matcher(html);
        assertThat(m.find()).as("the notice on the page").isTrue();
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void theSchoolAndTheOrganiserRecordAWithdrawalOnTheirPages() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        SchoolAccount other = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Recorded poster", "s",
                List.of(JudgingFixtures.firstName(), JudgingFixtures.firstName()), true, true);
        List<String> tokens = ConsentFixtures.tokens(eid);

        WebSession web = WebSession.signIn(school.login().username(), school.login().password());
        String schoolPage = "/school/entries/" + eid + "/consents/1";
        // The entry page leads to it, for each child.
        assertThat(web.get("/school/entries/" + eid).asString()).contains("href=\"" + schoolPage + "\"");
        assertThat(web.get(schoolPage).statusCode()).isEqualTo(200);
        assertThat(web.post(schoolPage, schoolPage, Map.of("scope", List.of("publishWork"))).statusCode())
                .isEqualTo(303);
        anonymous().get("/api/consents/{t}", tokens.get(1)).then()
                .body("active", org.hamcrest.Matchers.equalTo(List.of("judging", "publishName")));
        WebSession stranger = WebSession.signIn(other.login().username(), other.login().password());
        assertThat(stranger.get(schoolPage).statusCode()).isEqualTo(404);

        WebSession organiser = WebSession.signIn(JudgingFixtures.ORGANISER.username(),
                JudgingFixtures.ORGANISER.password());
        String organiserPage = "/organiser/entries/" + eid + "/consents/0";
        assertThat(organiser.get("/organiser/entries/" + eid).asString()).contains("href=\"" + organiserPage + "\"");
        assertThat(organiser.post(organiserPage, organiserPage, Map.of("scope", List.of("publishName", "nope")))
                .statusCode()).isEqualTo(422);
        assertThat(organiser.post(organiserPage, organiserPage, Map.of("scope", List.of("publishName")))
                .statusCode()).isEqualTo(303);
        anonymous().get("/api/consents/{t}", tokens.get(0)).then()
                .body("active", org.hamcrest.Matchers.equalTo(List.of("judging", "publishWork")));
    }
}
