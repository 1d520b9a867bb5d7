package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.juryroom.i18n.Languages;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No developer words on the organiser's pages in Hindi and Bengali (issue 14): no enum names
 * (statuses, mail kinds, methods), no Java names ("String.compareTo"), and the ranking's order and
 * disagreement rule said in the language. The services' refusals, written for the API, read on the pages
 * without the API's words in English too: no instant as the API writes it, no status as an enum name, no
 * API path and no JSON field.
 */
@QuarkusTest
class DeveloperWordsPagesTest {

    /** Capitals a page may show: formats and codes people know. */
    private static final Set<String> CODES = Set.of("JSON", "HTTP", "JPEG", "WEBP", "UTF");
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");
    /** Entry codes (E-7K3QM) and concern references (SG-7K3QMX): random on purpose, read by people. */
    private static final Pattern ENTRY_CODE = Pattern.compile("\\b(?:E-[2-9A-HJ-NP-Z]{5}|SG-[2-9A-HJ-NP-Z]{6})\\b");
    /** Test data's own names end in six random hex digits (web/Fixtures.unique): "BFADBC" is one of them. */
    private static final Pattern FIXTURE_SUFFIX = Pattern.compile("\\b[0-9A-F]{6}\\b");

    @Test
    void theRankingOutboxAndDashboardShowNoEnumOrJavaNames() {
        Fixtures.OnePoster one = Fixtures.onePosterInJudging("Developer Words", 1, "Words School", "Words Poster", "Mira");
        Fixtures.score(one.juror(), one.entryId(), 7, 6, 8);
        WebSession web = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String dash = "/organiser/competitions/" + one.cid();
        for (String language : List.of("hi", "bn")) {
            String ranking = page(web, dash + "/ranking", language);
            assertThat(ranking).as(language).doesNotContain("compareTo").doesNotContain("flagged when");
            String order = between(ranking, "id=\"tie-break\">", "</dd>");
            String rule = between(ranking, "id=\"disagreement-rule\">", "</dd>");
            String script = language.equals("hi") ? "\\p{IsDevanagari}" : "\\p{IsBengali}";
            assertThat(order).as(language).matches("(?s).*" + script + ".*").doesNotContainPattern("[A-Za-z]{2,}");
            assertThat(rule).as(language).matches("(?s).*" + script + ".*").doesNotContainPattern("[A-Za-z]{2,}");
            for (String path : List.of(dash + "/ranking", dash, "/organiser/outbox", "/organiser/outbox?status=SENT")) {
                assertThat(enumNames(page(web, path, language))).as(language + " " + path).isEmpty();
            }
        }
        String english = page(web, dash + "/ranking", "en");
        assertThat(between(english, "id=\"tie-break\">", "</dd>")).startsWith("Higher score first");
        assertThat(between(english, "id=\"disagreement-rule\">", "</dd>")).contains("differ by more than");
    }

    @Test
    void refusalsOnPagesHaveNoInstantsEnumNamesApiPathsOrFieldsInEnglishOrHindi() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A draft in a competition that takes entries only from the day after tomorrow: two instants in the refusal.
        long early = Fixtures.openCompetition(Fixtures.unique("Words Early"), 1, now.plusDays(2), now.plusDays(9));
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Words School"));
        long draft = Fixtures.draftEntry(school, early, "poster", "Early poster", List.of("Asha"),
                "posters/poster-01.jpg", true, true);
        // An entry submitted already: the refusal names its status.
        long open = Fixtures.openCompetition(Fixtures.unique("Words Open"), 1);
        long sent = Fixtures.submittedEntry(school, open, "poster", "Sent poster", List.of("Asha"), "posters/poster-01.jpg");
        // A screening round not opened yet (its jurors unassigned), and a final round whose one juror has not ranked.
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Words Juror"));
        long screened = Fixtures.judgingWithRound(school, juror, Map.of("kind", "SCREENING", "name", "First look",
                "jurorsPerEntry", 1, "quorum", 1), true);
        long screening = Fixtures.rounds(screened).get(0);
        long finalled = Fixtures.judgingWithRound(school, juror, Map.of("kind", "FINAL", "name", "Final jury",
                "places", 1, "mentions", 0), false);
        long fin = Fixtures.rounds(finalled).get(1);
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("members", List.of(Map.of("jurorId", juror.id()))))
                .put("/api/competitions/{cid}/rounds/{rid}/jury", finalled, fin).then().statusCode(200);
        Fixtures.assign(finalled, 1);
        for (long eid : Fixtures.queue(juror, finalled)) {
            Fixtures.score(juror, eid, 7, 6, 8);
        }
        Fixtures.freeze(finalled);

        WebSession teacher = WebSession.signIn(school.username(), school.password());
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        for (String language : List.of("en", "hi")) {
            teacher.cookies().put(Languages.COOKIE, language);
            organiser.cookies().put(Languages.COOKIE, language);
            String entry = "/school/entries/" + draft;
            String window = refused(teacher.post(entry, entry + "/submit", Map.of()), 409, language);
            String again = refused(teacher.post("/school/entries/" + sent, "/school/entries/" + sent + "/submit",
                    Map.of()), 409, language);
            String rounds = "/organiser/competitions/" + screened + "/rounds";
            String notOpened = refused(organiser.post(rounds, rounds + "/" + screening + "/close", Map.of()), 409,
                    language);
            String finalPage = "/organiser/competitions/" + finalled + "/rounds/" + fin + "/final";
            String ballots = refused(organiser.post(finalPage, finalPage + "/close", Map.of()), 409, language);
            if (language.equals("en")) {
                assertThat(window).contains("open for entries, from ").contains(" until ")
                        .contains(Formats.when(now.plusDays(2).toInstant(), "en"));
                assertThat(again).contains("Only a draft entry can be submitted; this one is submitted");
                assertThat(notOpened).contains("has not opened: assign its jurors first, on the competition");
                assertThat(ballots).contains("Ballots of the final jury missing in round ").contains(": 1; to close it")
                        .contains("excuse the jurors who have not ranked")
                        .contains("data-round-status=\"OPEN\"><span class=\"badge open\">Open</span>"); // not "OPEN"
            } else {
                assertThat(window).contains("\u0916\u0941\u0932\u0940"); // खुली: open, said in Hindi
                assertThat(ballots).contains("\u092e\u0924\u092a\u0924\u094d\u0930"); // मतपत्र: ballots
            }
            for (String page : List.of(window, again, notOpened, ballots)) {
                String text = visible(page);
                assertThat(text).as(language).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                        .doesNotContain("/api").doesNotContain("POST ").doesNotContain("jurorIds")
                        .doesNotContain("entryIds").doesNotContain("submissionOpensAt");
                assertThat(enumNames(page)).as(language + " " + text).isEmpty();
            }
        }
        // The API says the same refusals as before: its English is its contract.
        school.api().post("/api/entries/" + sent + "/submit").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.equalTo("Only a DRAFT entry can be submitted; this one is SUBMITTED"));
        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of())
                .post("/api/competitions/" + finalled + "/rounds/" + fin + "/close").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("close with excuse (jurorIds) and a reason"));
    }

    private static String refused(Response answer, int status, String language) {
        assertThat(answer.statusCode()).as(language + " " + answer.asString()).isEqualTo(status);
        return answer.asString();
    }

    /** The text a person reads: no tags, scripts, styles or the head. */
    private static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
    }

    private static String page(WebSession web, String path, String language) {
        return given().cookies(web.cookies()).cookie(Languages.COOKIE, language).redirects().follow(false)
                .get(path).then().statusCode(200).extract().asString();
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from + start.length(), html.indexOf(end, from));
    }

    /** Capitalised identifiers in what a person reads (text and labels; not attributes, scripts or styles). */
    static Set<String> enumNames(String html) {
        // Mail bodies on the outbox are other tests' messages, with their codes and usernames: not page words.
        String visible = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>"
                + "|<pre class=\"mail-text\">.*?</pre>", " ");
        StringBuilder text = new StringBuilder();
        Matcher attr = Pattern.compile("(?:alt|title|placeholder|aria-label)=\"([^\"]*)\"").matcher(visible);
        while (attr.find()) {
            text.append(' ').append(attr.group(1));
        }
        text.append(' ').append(visible.replaceAll("(?s)<[^>]*>", " "));
        String words = FIXTURE_SUFFIX.matcher(ENTRY_CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
        Set<String> found = new TreeSet<>();
        Matcher m = ENUM_NAME.matcher(words);
        while (m.find()) {
            if (!CODES.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }
}
