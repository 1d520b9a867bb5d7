package org.juryroom.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.Juror;
import org.juryroom.school.School;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class OrganiserPagesTest {

    @Test
    void anOrganiserCreatesACompetitionFromTheForm() {
        WebSession web = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String title = Fixtures.unique("Form Competition");
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("theme", "Posters");
        form.put("opensAt", "2026-01-01T09:00");
        form.put("closesAt", "2031-01-01T09:00");
        form.put("shortlistSize", "10");
        form.put("maxEntries", "3");
        form.put("rankingMethod", "Z_SCORE");
        form.put("cat.0.code", "poster");
        form.put("cat.0.name", "Poster");
        form.put("cat.0.types", List.of("image/jpeg", "image/png"));
        form.put("cat.0.maxMb", "5");
        form.put("crit.0.code", "message");
        form.put("crit.0.name", "Message");
        form.put("crit.0.weight", "3");
        form.put("crit.0.min", "1");
        form.put("crit.0.max", "5");
        Response created = web.post("/organiser/competitions/new", "/organiser/competitions", form);
        assertThat(created.statusCode()).isEqualTo(303);
        String dashboard = created.header("Location");
        String page = web.get(dashboard.substring(dashboard.indexOf("/organiser"))).asString();
        assertThat(page).contains(title).contains("Open for entries").contains("Poster (5 MB)");

        form.put("crit.0.max", "0");
        Response refused = web.post("/organiser/competitions/new", "/organiser/competitions", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("must be greater than minScore");
    }

    @Test
    void theConsoleShowsProgressRankingAndFreezesAndPublishes() {
        String title = Fixtures.unique("Ranked Competition");
        long cid = Fixtures.openCompetition(title, 1);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Ridge School"));
        long a = Fixtures.submittedEntry(school, cid, "poster", "First Poster", List.of("Asha"), "posters/poster-01.jpg");
        long b = Fixtures.submittedEntry(school, cid, "poster", "Second Poster", List.of("Bina"), "posters/poster-02.jpg");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        WebSession web = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String dash = "/organiser/competitions/" + cid;

        assertThat(web.post(dash, dash + "/transitions", Map.of("to", "JUDGING")).statusCode()).isEqualTo(303);
        Response assigned = web.post(dash, dash + "/assignments",
                Map.of("jurorsPerEntry", String.valueOf(Fixtures.jurorCount())));
        assertThat(assigned.header("Location")).contains("assigned=" + 2 * Fixtures.jurorCount()).contains("short=0");
        assertThat(web.get(dash).asString()).contains(juror.name()).contains("0/2");

        Fixtures.score(juror, a, 9, 8, 9);
        Fixtures.score(juror, b, 4, 5, 3);
        String ranking = web.get(dash + "/ranking").asString();
        assertThat(ranking).contains("First Poster").contains("Ridge School").contains("Shortlist cut (1)")
                .contains("<svg");

        assertThat(web.get(dash + "/entries").asString()).contains("First Poster").contains("Second Poster");
        assertThat(web.get("/organiser/entries/" + a).asString()).contains("Ridge School").contains("Asha")
                .contains("poster-01.jpg").contains("/files/" + a + "/");

        assertThat(web.post(dash + "/ranking", dash + "/shortlist", Map.of()).statusCode()).isEqualTo(303);
        String shortlist = web.get(dash + "/shortlist").asString();
        assertThat(shortlist).contains("First Poster").doesNotContain("Second Poster").contains("Publish the shortlist");

        assertThat(web.post(dash + "/shortlist", dash + "/transitions", Map.of("to", "PUBLISHED")).statusCode())
                .isEqualTo(303);
        assertThat(web.get(dash + "/shortlist").asString()).contains("The shortlist is public.");
    }

    @Test
    void aNewSchoolIsRegisteredOnceAndItsPasswordShownOnceAndNeverCached() {
        // The list is paged by name and other tests add schools: a leading digit keeps this one on page 1.
        String name = Fixtures.unique("0 Seaview School");
        WebSession school = registerOnce("/organiser/schools", Map.of("name", name, "district", "North",
                "contactName", "Mr. Roy", "contactEmail", "roy@school.example"), name,
                () -> School.count("name", name));
        assertThat(school.get("/school").statusCode()).isEqualTo(200);
        assertThat(school.get("/organiser/schools").statusCode()).isEqualTo(403);
    }

    @Test
    void aNewJurorIsRegisteredOnceAndTheirPasswordShownOnceAndNeverCached() {
        String name = Fixtures.unique("0 Juror");
        WebSession juror = registerOnce("/organiser/jurors", Map.of("name", name, "email", "j@jury.example",
                "expertise", "Illustration"), name, () -> Juror.count("name", name));
        assertThat(juror.get("/jury").statusCode()).isIn(200, 303);
        assertThat(juror.get("/organiser/jurors").statusCode()).isEqualTo(403);
    }

    /**
     * Registers through the form at {@code page}: the post answers 303 to the list (so a reload never
     * posts again), the list shows the new sign-in once with no-store, and the next view no longer
     * shows the password. Returns a browser signed in with the shown credentials.
     */
    private static WebSession registerOnce(String page, Map<String, String> form, String name, Supplier<Long> stored) {
        WebSession web = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        Response created = web.post(page, page, form);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith(page);
        assertThat(created.asString()).doesNotContain("issued-password");
        io.restassured.http.Cookie sealed = created.getDetailedCookie("juryroom-flash");
        assertThat(sealed.isHttpOnly()).isTrue();
        assertThat(sealed.getSameSite()).isEqualToIgnoringCase("strict");
        assertThat(sealed.getMaxAge()).as("no Max-Age: it ends with the browser session at the latest").isEqualTo(-1);
        assertThat(QuarkusTransaction.requiringNew().call(stored::get)).isEqualTo(1);

        Response shown = web.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
        String html = shown.asString();
        String username = between(html, "<dd id=\"issued-username\">", "</dd>");
        String password = between(html, "<dd id=\"issued-password\">", "</dd>");
        assertThat(password).hasSize(16);
        assertThat(created.header("Location") + sealed.getValue()).doesNotContain(password);
        assertThat(html).contains(name);

        String again = web.get(page).asString();
        assertThat(again).contains(name).doesNotContain("issued-password").doesNotContain(password);
        assertThat(QuarkusTransaction.requiringNew().call(stored::get)).isEqualTo(1);
        return WebSession.signIn(username, password);
    }

    private static String between(String s, String start, String end) {
        int i = s.indexOf(start) + start.length();
        return s.substring(i, s.indexOf(end, i));
    }
}
