package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organiser's competition pages as a person reads them, and what the competition form does with odd numbers. */
@QuarkusTest
class CompetitionSettingsPagesTest {

    private static WebSession organiser() {
        return WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
    }

    @Test
    void theFormNamesTheTimeZoneInTheReadersWordsNotByItsId() {
        WebSession web = organiser();
        long cid = Fixtures.openCompetition(Fixtures.unique("Zone Words"), 5);
        Map<String, String> said = Map.of("en", "Times are in India Standard Time.", "hi", "समय भारतीय मानक समय में हैं।",
                "bn", "সময় ভারতীয় মানক সময় অনুযায়ী।");
        for (String language : List.of("en", "hi", "bn")) {
            for (String path : List.of("/organiser/competitions/new", "/organiser/competitions/" + cid + "/edit",
                    "/organiser/competitions/" + cid + "/audit")) {
                String page = web.get(path + "?lang=" + language).asString();
                // Outside markup (data-zone, which the script reads) no one is shown the zone's identifier.
                assertThat(page.replaceAll("<[^>]*>", " ")).as(language + " " + path).doesNotContain("Asia/Kolkata")
                        .doesNotContain("Kolkata");
            }
            assertThat(web.get("/organiser/competitions/new?lang=" + language).asString()).as(language)
                    .contains(said.get(language));
        }
    }

    @Test
    void theNewFormSuggestsItsCategoriesAndRubricInTheReadersLanguage() {
        WebSession web = organiser();
        Map<String, List<String>> suggested = Map.of(
                "en", List.of("Poster", "Short video", "Clarity of the safety message", "Right for children"),
                "hi", List.of("पोस्टर", "लघु वीडियो", "सुरक्षा संदेश की स्पष्टता", "बच्चों के लिए उपयुक्त"),
                "bn", List.of("পোস্টার", "ছোট ভিডিও", "নিরাপত্তার বার্তার স্পষ্টতা", "শিশুদের উপযোগী"));
        for (String language : List.of("en", "hi", "bn")) {
            String form = web.get("/organiser/competitions/new?lang=" + language).asString();
            for (String name : suggested.get(language)) {
                assertThat(form).as(language).contains("value=\"" + name + "\"");
            }
            if (!language.equals("en")) {
                // What the organiser reads in the fields is in their language too (the codes are codes).
                java.util.regex.Matcher values = java.util.regex.Pattern.compile("<input [^>]*type=\"text\"[^>]*value=\"([^\"]*)\"")
                        .matcher(form);
                while (values.find()) {
                    assertThat(values.group(1)).as(language + " " + values.group())
                            .matches("|poster|essay|video|message|originality|craft|age-fit|[^A-Za-z]*");
                }
            }
        }
    }

    @Test
    void theDashboardCountsOneThingInTheSingular() {
        WebSession web = organiser();
        long cid = Fixtures.openCompetition(Fixtures.unique("Singular"), 5);
        String dash = "/organiser/competitions/" + cid;
        String one = web.get(dash + "?assigned=1&entries=1&short=1&lang=en").asString();
        assertThat(one).contains("1 new assignment for 1 submitted entry.")
                .contains("1 entry could not get enough jurors")
                .contains("No entry is assigned to a juror yet, so no scorecards are due.");
        assertThat(web.get(dash + "?assigned=3&entries=2&short=2").asString())
                .contains("3 new assignments for 2 submitted entries.").contains("2 entries could not get enough jurors");
        assertThat(web.get(dash + "?reminded=1").asString()).contains("1 juror reminded. The mail is in the outbox.");
        assertThat(web.get(dash + "?reminded=4").asString()).contains("4 jurors reminded. The mails are in the outbox.");
        String hi = web.get(dash + "?assigned=1&entries=1&short=1&lang=hi").asString();
        assertThat(hi).contains("1 जमा प्रविष्टि के लिए 1 नया आवंटन।").contains("1 प्रविष्टि को बिना");
        assertThat(web.get(dash + "?assigned=5&entries=2&short=2&lang=hi").asString())
                .contains("2 जमा प्रविष्टियों के लिए 5 नए आवंटन।").contains("2 प्रविष्टियों को बिना");
        assertThat(web.get(dash + "?reminded=1&lang=hi").asString()).contains("1 निर्णायक को याद दिलाया गया।");
    }

    @Test
    void aSizeWrittenWithAHugeExponentIsAnsweredAtOnce() {
        WebSession web = organiser();
        // Below a byte a size rounds up to one byte, as any fraction of a byte does.
        Map<String, Integer> answers = Map.of("1e9999999", 422, "1e-9999999", 303, "-1e-9999999", 422);
        for (String size : answers.keySet()) {
            Map<String, Object> form = new HashMap<>();
            form.put("title", Fixtures.unique("Exponent"));
            form.put("opensAt", "2026-01-01T09:00");
            form.put("closesAt", "2031-01-01T09:00");
            form.put("shortlistSize", "10");
            form.put("maxEntries", "3");
            form.put("maxSchoolMb", size);
            form.put("rankingMethod", "Z_SCORE");
            form.put("cat.0.code", "poster");
            form.put("cat.0.name", "Poster");
            form.put("cat.0.types", List.of("image/png"));
            form.put("cat.0.maxMb", size);
            form.put("crit.0.code", "message");
            form.put("crit.0.name", "Message");
            form.put("crit.0.weight", "3");
            form.put("crit.0.min", "1");
            form.put("crit.0.max", "5");
            long started = System.nanoTime();
            Response answer = web.post("/organiser/competitions/new", "/organiser/competitions", form);
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Multiplied out exactly, such a number keeps a core busy for minutes.
            assertThat(millis).as(size).isLessThan(5_000);
            assertThat(answer.statusCode()).as(size).isEqualTo(answers.get(size));
        }
    }
}
