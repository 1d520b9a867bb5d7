package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 on the pages: a school changes a submitted entry and undoes a withdrawal from its entry
 * page; an organiser searches, filters and sorts entries, schools and jurors on the server; the
 * audit log says what changed in words; the competition form offers kinds of work by name; a new
 * entry's category is the first, then the one the school chose last.
 */
@QuarkusTest
class EverydayPagesTest {

    @Test
    void aSchoolReopensItsSubmittedEntryAndUndoesAWithdrawalFromThePage() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Everyday"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Riverside School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Ask First", List.of("Mira"), "posters/poster-01.jpg");
        WebSession web = WebSession.signIn(school.username(), school.password());
        String path = "/school/entries/" + eid;

        assertThat(web.get(path).asString()).contains("Change the entry").contains("Withdraw entry")
                .doesNotContain("Undo the withdrawal");
        Response reopened = web.post(path, path + "/reopen", Map.of());
        assertThat(reopened.statusCode()).isEqualTo(303);
        assertThat(web.get(path + "?reopened").asString()).contains("no longer submitted").contains("Submit entry")
                .contains("Edit details");

        web.post(path, path + "/withdraw", Map.of());
        String withdrawn = web.get(path + "?withdrawn").asString();
        assertThat(withdrawn).contains("Nothing was deleted").contains("Undo the withdrawal").contains("poster-01.jpg");
        assertThat(web.post(path, path + "/reinstate", Map.of()).statusCode()).isEqualTo(303);
        assertThat(web.get(path + "?reinstated").asString()).contains("withdrawal is undone").contains("Submit entry");
    }

    @Test
    void aNewEntrysCategoryIsTheFirstThenTheOneTheSchoolChoseLast() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Categories"), 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Hillside School"));
        WebSession web = WebSession.signIn(school.username(), school.password());
        String form = "/school/competitions/" + cid + "/new";
        String first = web.get(form).asString();
        // The categories are listed by code (essay, poster, video): the first listed is chosen.
        assertThat(selectedCategory(first)).isEqualTo("essay");
        assertThat(first.indexOf("<option value=\"essay\"")).isLessThan(first.indexOf("<option value=\"poster\""));
        Fixtures.submittedEntry(school, cid, "poster", "Ask before you post", List.of("Ravi"), "posters/poster-01.jpg");
        assertThat(selectedCategory(web.get(form).asString())).isEqualTo("poster");
    }

    /** The category option the form has selected (none: the browser would show the first). */
    private static String selectedCategory(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<option value=\"([a-z]+)\"[^>]*data-extensions=\"[^\"]*\"\\s*selected>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void anOrganiserSearchesFiltersAndSortsTheListsOnTheServer() {
        String marker = Fixtures.unique("Zq");
        long cid = Fixtures.openCompetition(Fixtures.unique("Lists"), 5);
        Fixtures.Account alpha = Fixtures.school(marker + " Alpha School");
        Fixtures.Account beta = Fixtures.school(marker + " Beta School");
        long a = Fixtures.submittedEntry(alpha, cid, "poster", "Apples of safety", List.of("Asha"), "posters/poster-01.jpg");
        long b = Fixtures.submittedEntry(beta, cid, "poster", "Bananas online", List.of("Bina"), "posters/poster-02.jpg");
        beta.api().post("/api/entries/" + b + "/withdraw").then().statusCode(200);
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String list = "/organiser/competitions/" + cid + "/entries";

        assertThat(web.get(list + "?q=banana").asString()).contains("Bananas online").doesNotContain("Apples of safety");
        assertThat(web.get(list + "?q=" + marker.toLowerCase() + " alpha").asString()).contains("Apples of safety")
                .doesNotContain("Bananas online");
        assertThat(web.get(list + "?filter=WITHDRAWN").asString()).contains("Bananas online")
                .doesNotContain("Apples of safety");
        String byTitleDown = web.get(list + "?sort=title&dir=desc").asString();
        assertThat(byTitleDown.indexOf("Bananas online")).isLessThan(byTitleDown.indexOf("Apples of safety"));
        assertThat(byTitleDown).contains("aria-sort=\"descending\"");
        String byTitleUp = web.get(list + "?sort=title").asString();
        assertThat(byTitleUp.indexOf("Apples of safety")).isLessThan(byTitleUp.indexOf("Bananas online"));
        // An unknown sort or filter is ignored, never an error.
        assertThat(web.get(list + "?sort=drop+table&filter=NOPE").statusCode()).isEqualTo(200);

        String schools = web.get("/organiser/schools?q=" + marker).asString();
        assertThat(schools).contains(marker + " Alpha School").contains(marker + " Beta School");
        String desc = web.get("/organiser/schools?q=" + marker + "&sort=name&dir=desc").asString();
        assertThat(desc.indexOf(marker + " Beta School")).isLessThan(desc.indexOf(marker + " Alpha School"));
        assertThat(web.get("/organiser/schools?q=" + marker + " beta").asString())
                .doesNotContain(marker + " Alpha School");
        Fixtures.Account juror = Fixtures.juror(marker + " Juror");
        assertThat(web.get("/organiser/jurors?q=" + marker).asString()).contains(juror.name());
        assertThat(web.get("/organiser/jurors?q=nobody-" + marker).asString()).doesNotContain(juror.name());
    }

    @Test
    void theAuditLogSaysWhatChangedInWords() {
        String title = Fixtures.unique("Audit words");
        long cid = Fixtures.openCompetition(title, 5);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Audit School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Words not JSON", List.of("Tara"),
                "posters/poster-01.jpg");
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String audit = web.get("/organiser/competitions/" + cid + "/audit").asString();
        assertThat(audit).contains("Status: Draft → Submitted").contains("Added poster-01.jpg: a JPEG image")
                .contains("What changed");
        // In Hindi and Bengali the lines, the recorded values and who did it read in the page's language: no
        // English word of the audit bundle, JSON field name or constant is left in the table.
        java.util.Set<String> english = new java.util.TreeSet<>();
        java.util.ResourceBundle en = org.juryroom.web.organiser.AuditWords.bundle("en");
        en.keySet().forEach(k -> english.addAll(java.util.Arrays.asList(en.getString(k).split("[^A-Za-z]+"))));
        english.removeIf(w -> w.length() < 4 || w.equals("JuryRoom"));
        assertThat(english).contains("Status", "Added", "none", "Draft");
        for (String language : List.of("hi", "bn")) {
            // This entry's events only: events of no single competition (other tests' jurors and schools) appear
            // in every competition's log, with the names those tests typed.
            String page = web.get("/organiser/competitions/" + cid + "/audit?subjectType=entry&subjectId=" + eid
                    + "&lang=" + language).asString();
            String table = page.substring(page.indexOf("<table class=\"data audit\">"), page.indexOf("</table>"))
                    .replaceAll("<[^>]+>", " ");
            // What the organiser and the school typed (Fixtures), and their usernames, are shown as typed.
            for (String typed : List.of(title, "Staying safe online, told by children", "Words not JSON", "Tara",
                    "poster-01.jpg", school.name(), "Test District", "Class teacher", "Our work.", school.username(),
                    "organiser  ·")) {
                table = table.replace(typed, "");
            }
            assertThat(table).as(language).contains(language.equals("hi") ? "स्थिति: मसौदा → जमा" : "অবস্থা: খসড়া → জমা দেওয়া")
                    .contains(language.equals("hi") ? "JPEG छवि" : "JPEG ছবি")
                    .contains(language.equals("hi") ? "· विद्यालय" : "· বিদ্যালয়")
                    .doesNotContainPattern("\\b[a-z]+[A-Z][A-Za-z]*\\b")
                    .doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
            for (String word : english) {
                assertThat(table).as(language + ": " + word).doesNotContainPattern("\\b" + word + "\\b");
            }
        }
    }

    @Test
    void theCompetitionFormOffersKindsOfWorkByName() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String form = web.get("/organiser/competitions/new").asString();
        assertThat(form).contains("value=\"IMAGES\"").contains("value=\"PDF\"").contains("value=\"VIDEO\"")
                .contains("JPEG, PNG, WebP").doesNotContain(">image/jpeg<");
    }
}
