package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.juryroom.i18n.Languages;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No developer words on the organiser's pages in Hindi and Bengali (issue 14): no enum names
 * (statuses, mail kinds, methods), no Java names ("String.compareTo"), and the ranking's order and
 * disagreement rule said in the language.
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
