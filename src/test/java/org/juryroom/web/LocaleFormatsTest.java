package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.common.Page;
import org.juryroom.judging.JurorService;
import org.juryroom.school.SchoolService;
import org.juryroom.support.RealStack;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.web.Fixtures.organiser;

/**
 * Times, numbers, sorting and search as a reader of English, हिन्दी or বাংলা expects (issue 14): no
 * page prints a raw or server-formatted timestamp outside a {@code <time datetime>} element (which
 * app.js shows in the reader's zone and language), deadlines name the competition's zone, and the
 * people lists sort in each alphabet's order and find a name whichever Unicode form it was typed in.
 */
@QuarkusTest
class LocaleFormatsTest {

    /** An ISO or SQL timestamp, or a time in UTC: what a machine writes, not a person. */
    private static final Pattern RAW_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\b\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z\\b|\\bUTC\\b");
    private static final Pattern TIME_ELEMENT = Pattern.compile("<time\\b[^>]*>.*?</time>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(datetime|value|title|href|data-[a-z-]+)=\"[^\"]*\"");

    @Inject
    SchoolService schools;

    @Inject
    JurorService jurors;

    @Test
    void noPagePrintsATimestampOutsideATimeElementAndDeadlinesNameTheCompetitionsZone() {
        Fixtures.OnePoster w = Fixtures.onePosterInJudging("Times Competition", 3, "Times School", "Clock poster", "Mira");
        WebSession organiser = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        WebSession school = WebSession.signIn(w.school().username(), w.school().password());
        WebSession juror = WebSession.signIn(w.juror().username(), w.juror().password());
        List<String> checked = new ArrayList<>();
        check(organiser, checked, "/organiser", "/organiser/competitions", "/organiser/competitions/" + w.cid(),
                "/organiser/competitions/" + w.cid() + "/entries", "/organiser/entries/" + w.entryId(),
                "/organiser/competitions/" + w.cid() + "/audit", "/organiser/outbox", "/organiser/schools",
                "/organiser/jurors", "/account/tokens");
        check(school, checked, "/school", "/school/entries/" + w.entryId());
        check(juror, checked, "/jury", "/jury/competitions/" + w.cid(), "/jury/entries/" + w.entryId());
        assertThat(checked).hasSizeGreaterThan(8);

        String dashboard = organiser.get("/organiser/competitions/" + w.cid()).asString();
        assertThat(dashboard).containsPattern("<time datetime=\"[^\"]+Z\" class=\"deadline-time\" data-zone=\"Asia/Kolkata\""
                + " title=\"[^\"]+\">");
        assertThat(school.get("/school").asString()).contains("data-zone=\"Asia/Kolkata\"");
        // The outbox printed Instant.toString() before.
        assertThat(organiser.get("/organiser/outbox").asString()).contains("<time datetime=");
    }

    private static void check(WebSession web, List<String> checked, String... paths) {
        for (String path : paths) {
            var r = web.get(path);
            if (r.statusCode() != 200) {
                continue; // a page this role has not: PageAuthorisationMatrixTest's business
            }
            String shown = ATTRIBUTE.matcher(TIME_ELEMENT.matcher(r.asString()).replaceAll("<time/>")).replaceAll("");
            shown = shown.replaceAll("(?s)<script.*?</script>|(?s)<style.*?</style>", "");
            Matcher m = RAW_TIME.matcher(shown);
            assertThat(m.find()).as("%s prints a time outside <time>: %s", path,
                    m.find(0) ? shown.substring(Math.max(0, m.start() - 80), Math.min(shown.length(), m.end() + 40)) : "")
                    .isFalse();
            checked.add(path);
        }
    }

    @Test
    void peopleListsSortInEachAlphabetsOrderAndFindANameInEitherUnicodeForm() {
        String marker = Fixtures.unique("Collation");
        // Bengali dictionary order: anusvara first, khanda ta (ৎ) as ত, before দ. Code-point order gets both wrong.
        List<String> bengali = List.of("অংশু", "অঙ্কিতা", "অনন্যা", "ঋত্বিক", "প্রিয়াঙ্কা", "শরৎ", "শরদিন্দু");
        // Hindi: a nukta letter (क़) sorts with its base letter; Latin letters of either case together.
        List<String> hindi = List.of("अमित", "क़मर", "कमल", "ज्ञानेश", "प्रिया");
        List<String> latin = List.of("amit", "Bina", "zara");
        List<String> all = new ArrayList<>(latin);
        all.addAll(bengali);
        all.addAll(hindi);
        java.util.Collections.shuffle(all, new java.util.Random(14));
        for (String name : all) {
            // Typed decomposed (NFD): stored as NFC.
            organiser().contentType(ContentType.JSON).body(Map.of("name", nfd(name), "district", marker,
                    "contactName", nfd(name), "contactEmail", "c@school.example", "invite", false))
                    .post("/api/schools").then().statusCode(201);
            organiser().contentType(ContentType.JSON).body(Map.of("name", nfd(name), "email", "j@jury.example",
                    "expertise", marker, "invite", false)).post("/api/jurors").then().statusCode(201);
        }
        assertThat(schoolNames(marker, "bn")).as("বাংলা").startsWith(bengali.toArray(String[]::new))
                .containsAll(all.stream().map(LocaleFormatsTest::nfc).toList());
        List<String> hiOrder = schoolNames(marker, "hi");
        assertThat(hiOrder.subList(0, hindi.size())).as("हिन्दी").containsExactlyElementsOf(hindi);
        List<String> enOrder = schoolNames(marker, "en");
        assertThat(enOrder.subList(0, latin.size())).as("English").containsExactlyElementsOf(latin);
        // ICU's root order: Latin, Devanagari, Bengali; within Bengali no anusvara-first rule (that is bn's).
        assertThat(enOrder.subList(latin.size(), enOrder.size())).containsSubsequence(hindi)
                .containsSubsequence(bengali.subList(2, bengali.size()));
        List<String> jurorsInHindi = jurors.search(marker, false, false, Page.Request.of(0, 50), "hi").items().stream()
                .map(j -> j.name).toList();
        assertThat(jurorsInHindi.subList(0, hindi.size())).containsExactlyElementsOf(hindi);
        assertThat(jurors.search(marker, false, true, Page.Request.of(0, 50), "bn").items().stream().map(j -> j.name)
                .toList()).as("descending").containsSubsequence(reversed(bengali));

        // Search: NFD and NFC queries find the same stored (NFC) name, on the page too.
        for (String query : List.of(nfd("প্রিয়া"), nfc("প্রিয়া"), nfd("ज्ञानेश"), nfd("क़मर"))) {
            assertThat(schools.search(query, false, false, Page.Request.of(0, 50), "en").items().stream()
                    .filter(s -> marker.equals(s.district)).map(s -> s.name).toList()).as(query).hasSize(1);
        }
        String page = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/organiser/schools?q=" + nfd("ঋত্বিক")) // REST Assured encodes it
                .asString();
        assertThat(page).contains(nfc("ঋত্বিক"));
        // LIKE's wildcards are letters in a search.
        assertThat(schools.search("%", false, false, Page.Request.of(0, 50), "en").items()).noneMatch(s -> marker.equals(s.district));
    }

    @Test
    void thePublicPagesSwitchLanguageByLinkAndStayCacheablePerLanguage() {
        long cid = org.juryroom.consent.ConsentFixtures.published(Fixtures.unique("Switch"), List.of("Ria")).cid();
        String path = "/shortlist/" + cid;
        var bn = io.restassured.RestAssured.given().get(path + "?lang=bn").then().statusCode(200).extract().response();
        assertThat(bn.asString()).contains("<html lang=\"bn\">", "href=\"?lang=hi\"", "href=\"?lang=en\"",
                "href=\"/shortlist?lang=bn\"");
        // One URL, one language, whoever asks: nothing to vary on.
        assertThat(bn.header("Vary")).isNull();
        assertThat(bn.header("Cache-Control")).contains("public");
        assertThat(bn.header("Set-Cookie")).isNull();
        String bnTag = bn.header("ETag");
        io.restassured.RestAssured.given().header("Accept-Language", "en").header("If-None-Match", bnTag)
                .get(path + "?lang=bn").then().statusCode(304);

        // Without ?lang the cookie or Accept-Language decide: caches must key on both.
        var byCookie = io.restassured.RestAssured.given().cookie("juryroom-lang", "bn").header("Accept-Language", "hi")
                .get(path).then().statusCode(200).extract().response();
        assertThat(byCookie.asString()).contains("<html lang=\"bn\">");
        assertThat(byCookie.header("ETag")).isEqualTo(bnTag); // the one Bengali copy
        assertThat(byCookie.header("Vary")).contains("Accept-Language").contains("Cookie");
        var hi = io.restassured.RestAssured.given().header("Accept-Language", "hi").header("If-None-Match", bnTag)
                .get(path).then().statusCode(200).extract().response();
        assertThat(hi.asString()).contains("<html lang=\"hi\">", "aria-current=\"true\">हिन्दी</a>");
        assertThat(hi.header("ETag")).isNotEqualTo(bnTag);
        assertThat(io.restassured.RestAssured.given().get("/shortlist?lang=hi").asString())
                .contains("<html lang=\"hi\">", "href=\"/shortlist/" + cid + "?lang=hi\"");
    }

    private List<String> schoolNames(String marker, String language) {
        return schools.search(marker, false, false, Page.Request.of(0, 50), language).items().stream()
                .map(s -> s.name).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
