package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.entry.JuryRedaction;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * JuryRoom in English, हिन्दी and বাংলা (issue 14): which language a page speaks, the switch and where
 * it is remembered, refusals in the reader's language, and the journey of a Bengali-writing school
 * and a Hindi-reading juror who sees none of the children's names.
 */
@QuarkusTest
class LanguagePagesTest {

    /** Latin words a hi/bn page may carry: the product's name and codes, not sentences. */
    private static final Set<String> ALLOWED_LATIN = Set.of("JuryRoom", "English", "PDF", "JSON", "SHA", "MB", "KB",
            "ZIP", "MIME", "sha256sum");

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageWithItsLangAttribute() {
        for (String language : List.of("en", "hi", "bn")) {
            String page = given().header("Accept-Language", language + ";q=0.9,fr;q=0.5").get("/login").asString();
            assertThat(page).as(language).contains("<html lang=\"" + language + "\">")
                    .contains(">English</button>").contains(">हिन्दी</button>").contains(">বাংলা</button>")
                    .contains("value=\"" + language + "\" lang=\"" + language + "\" aria-current=\"true\"");
            if (!language.equals("en")) {
                assertThat(englishLeft(page, Set.of())).as("English words on the %s sign-in page", language).isEmpty();
            }
        }
        assertThat(given().get("/login").asString()).contains("<html lang=\"en\">").contains("Sign in to JuryRoom");
        assertThat(given().header("Accept-Language", "bn").get("/login").asString()).contains("JuryRoom-এ প্রবেশ করুন");
        assertThat(given().header("Accept-Language", "hi").get("/login").asString()).contains("JuryRoom में प्रवेश करें");
        // A header sent twice is one list, as if its values were joined.
        assertThat(given().header("Accept-Language", "fr").header("Accept-Language", "hi;q=0.8").get("/login")
                .asString()).contains("<html lang=\"hi\">");
    }

    @Test
    void theSwitchIsRememberedByTheBrowserAndForASignedInUserByTheAccount() {
        WebSession browser = WebSession.anonymous();
        Response switched = browser.post("/login", "/language", Map.of("language", "hi", "back", "/login?x"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/login?x");
        // The browser's choice beats what the browser asks for.
        assertThat(given().cookies(browser.cookies()).header("Accept-Language", "bn").get("/login").asString())
                .contains("<html lang=\"hi\">");
        // Only a path of this site: never another host.
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example", "/\\evil.example")) {
            Response r = browser.post("/login", "/language", Map.of("language", "bn", "back", elsewhere));
            assertThat(r.header("Location")).as(elsewhere).doesNotContain("evil");
        }
        // Nor what is no address at all: back to the start, not a server error.
        for (String broken : List.of("/%", "/a b", "/%zz?x", "/x#y#z")) {
            Response r = browser.post("/login", "/language", Map.of("language", "bn", "back", broken));
            assertThat(r.statusCode()).as(broken).isEqualTo(303);
            assertThat(r.header("Location")).as(broken).endsWith("/");
        }
        // Without its token the switch is refused, as every form is.
        assertThat(browser.postRaw("/language", Map.of("language", "bn")).statusCode()).isEqualTo(403);

        Fixtures.Account school = Fixtures.school(Fixtures.unique("Switch School"));
        WebSession web = WebSession.signIn(school.username(), school.password());
        web.post("/school", "/language", Map.of("language", "bn", "back", "/school"));
        school.api().get("/api/me/language").then().statusCode(200).body("language", equalTo("bn"));
        // Another browser that asks for English gets the account's choice once signed in.
        WebSession other = WebSession.signIn(school.username(), school.password());
        String page = given().cookies(Map.of()).cookies(withoutLanguage(other)).header("Accept-Language", "en")
                .get("/school").asString();
        assertThat(page).contains("<html lang=\"bn\">").contains("আমাদের জমা দেওয়া কাজ");
        // (No English-word check here: the portal lists every open competition of the shared test app, whose
        // titles and themes the organisers wrote in English; the sign-in page carries that check.)

        school.api().contentType(ContentType.JSON).body(Map.of("language", "xx")).put("/api/me/language")
                .then().statusCode(422).body("title", equalTo("Unprocessable entity"))
                .body("violations[0].message", equalTo("এগুলির একটি হতে হবে: en, hi, bn"));
        school.api().contentType(ContentType.JSON).body(Map.of("language", "hi")).put("/api/me/language")
                .then().statusCode(204);
        assertThat(given().cookies(withoutLanguage(other)).get("/school").asString()).contains("<html lang=\"hi\">");
    }

    @Test
    void refusalsKeepTheirEnglishTitleAndSayTheDetailInTheReadersLanguage() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Refusal School"));
        school.api().header("Accept-Language", "hi").get("/api/entries/999999999").then().statusCode(404)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("प्रविष्टि 999999999 मौजूद नहीं है या आपको नहीं दिखाई जा सकती"));
        school.api().header("Accept-Language", "en").get("/api/entries/999999999").then().statusCode(404)
                .body("detail", equalTo("Entry 999999999 does not exist or is not visible to you"));
    }

    /**
     * Done means: a school in বাংলা creates and submits an entry written in Bengali and reads every refusal
     * and its receipt in Bengali; a juror in हिन्दी scores it and sees none of the names in any form.
     */
    @Test
    void aBengaliSchoolSubmitsInBengaliAndAHindiJurorSeesNoneOfTheNames() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Language Competition"), 3);
        String schoolName = "রামকৃষ্ণ সারদা বিদ্যাপীঠ " + Fixtures.unique("").strip();
        String contactEmail = Fixtures.unique("bn").replace(' ', '-').toLowerCase() + "@school.example";
        var created = Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("name", schoolName, "district", "পূর্ব বর্ধমান", "contactName", "সুচিত্রা মিত্র",
                        "contactEmail", contactEmail, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        Fixtures.Account school = new Fixtures.Account(created.getLong("id"), schoolName, created.getString("username"),
                created.getString("password"));
        school.api().contentType(ContentType.JSON).body(Map.of("language", "bn")).put("/api/me/language")
                .then().statusCode(204);

        String ananya = "অনন্যা";
        String ritwik = "ঋত্বিক";
        String title = "অনন্যার আঁকা: অচেনা বন্ধু";
        String statement = "অনন্যা আর " + ritwik + " এই পোস্টার এঁকেছে। অনন্যাকে তার দিদি সাহায্য করেছে; "
                + Normalizer.normalize(ritwik + "ের", Normalizer.Form.NFD) + " ভাবনা ছিল অচেনা লোককে ছবি না পাঠানো। "
                + "অনন্যা\u200Cদের ক্লাসে " + schoolName + "ের সবাই দেখেছে।";
        // A surname is refused, in Bengali, with the field named as in the JSON body.
        Response refused = create(school, cid, title, statement, List.of(ananya + " দাস", ritwik), "শ্রীমতী দাস");
        refused.then().statusCode(422).body("title", equalTo("Unprocessable entity"))
                .body("detail", equalTo("অনুরোধটি সঠিক নয়: নিচে দেখানো ঘরগুলি ঠিক করুন"))
                .body("violations[0].field", equalTo("participants[0].firstName"))
                .body("violations[0].message", equalTo("কেবল প্রথম নাম: অক্ষরের একটি শব্দ, পদবি নয়"));

        // Without the teacher who holds the forms the entry is saved, but not ready to submit.
        Response draft = create(school, cid, title, statement, List.of(ananya, ritwik), null);
        draft.then().statusCode(201);
        long eid = draft.jsonPath().getLong("id");
        school.api().post("/api/entries/{eid}/submit", eid).then().statusCode(422)
                .body("detail", equalTo("জমাটি এখনও পাঠানোর জন্য তৈরি নয়"))
                .body("violations.message", org.hamcrest.Matchers.hasItem("যে শিক্ষকের কাছে সই করা সম্মতির ফর্ম আছে তাঁর নাম লিখুন"));
        school.api().contentType(ContentType.JSON).body(Map.of("consent", Map.of("judging", true, "publishWork", true,
                "publishNames", false, "attestedBy", "শ্রীমতী দাস, শ্রেণি শিক্ষিকা"))).patch("/api/entries/{eid}", eid)
                .then().statusCode(200);
        school.api().post("/api/entries/{eid}/submit", eid).then().statusCode(200);
        school.api().post("/api/entries/{eid}/submit", eid).then().statusCode(409)
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("কেবল খসড়া অবস্থার জমাই পাঠানো যায়; এটির অবস্থা: জমা পড়েছে"));
        // The receipt is written in the school's language.
        Fixtures.organiser().queryParam("to", contactEmail).get("/api/outbox").then().statusCode(200)
                .body("items[0].kind", equalTo("RECEIPT")).body("items[0].subject",
                        org.hamcrest.Matchers.endsWith("কোডের জমা পাওয়া গেছে"));

        WebSession schoolWeb = WebSession.signIn(school.username(), school.password());
        String schoolPage = schoolWeb.get("/school/entries/" + eid).asString();
        assertThat(schoolPage).contains("<html lang=\"bn\">").contains(title);

        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        juror.api().contentType(ContentType.JSON).body(Map.of("language", "hi")).put("/api/me/language")
                .then().statusCode(204);
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        WebSession jurorWeb = WebSession.signIn(juror.username(), juror.password());
        Response page = jurorWeb.get("/jury/entries/" + eid);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("<html lang=\"hi\">").contains("आपके अंक").contains(JuryRedaction.MARK);
        Response json = juror.api().get("/api/entries/{eid}", eid);
        json.then().statusCode(200);
        assertThat(json.jsonPath().getString("statement")).contains("পোস্টার এঁকেছে").contains(JuryRedaction.MARK);

        List<String> secrets = List.of(ananya, ritwik, "অনন্যা", "ঋত্বি", schoolName, "রামকৃষ্ণ সারদা বিদ্যাপীঠ",
                "পূর্ব বর্ধমান", "সুচিত্রা", "মিত্র", "শ্রীমতী দাস");
        for (Response r : List.of(page, json)) {
            String seen = JuryRedaction.fold(r.asString());
            for (String secret : secrets) {
                assertThat(seen).as("%s in what the juror sees", secret).doesNotContain(JuryRedaction.fold(secret));
            }
        }
        // The juror scores it, in Hindi.
        Fixtures.score(juror, eid, 8, 7, 6);
    }

    private static Response create(Fixtures.Account school, long cid, String title, String statement,
                                   List<String> names, String attestedBy) {
        List<Map<String, Object>> participants = new ArrayList<>();
        names.forEach(n -> participants.add(Map.of("firstName", n, "grade", 6)));
        Map<String, Object> consent = new java.util.HashMap<>(Map.of("judging", true, "publishWork", true,
                "publishNames", false));
        if (attestedBy != null) {
            consent.put("attestedBy", attestedBy);
        }
        Map<String, Object> entry = Map.of("title", title, "categoryCode", "poster", "statement", statement,
                "participants", participants, "consent", consent);
        return school.api().multiPart(new MultiPartSpecBuilder(org.juryroom.support.Api.json(entry)).controlName("entry")
                        .mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart("files", new java.io.File("uploads-sample/posters/poster-01.jpg"))
                .post("/api/competitions/{cid}/entries", cid);
    }

    private static Map<String, String> withoutLanguage(WebSession web) {
        Map<String, String> cookies = new java.util.HashMap<>(web.cookies());
        cookies.remove(org.juryroom.i18n.Languages.COOKIE);
        return cookies;
    }

    /** The Latin words in what a reader sees (text and alt/title/placeholder/aria-label), but allowed ones and data. */
    static Set<String> englishLeft(String html, Set<String> data) {
        String visible = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>", " ");
        StringBuilder text = new StringBuilder();
        Matcher attr = Pattern.compile("(?:alt|title|placeholder|aria-label)=\"([^\"]*)\"").matcher(visible);
        while (attr.find()) {
            text.append(' ').append(attr.group(1));
        }
        text.append(' ').append(visible.replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-z#0-9]+;", " "));
        String all = text.toString();
        for (String d : data) {
            all = all.replace(d, " ");
        }
        Set<String> left = new TreeSet<>();
        Matcher words = Pattern.compile("[A-Za-z]+(?:['’-][A-Za-z]+)*").matcher(all);
        while (words.find()) {
            if (!ALLOWED_LATIN.contains(words.group())) {
                left.add(words.group());
            }
        }
        return left;
    }
}
