package org.juryroom.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.juryroom.access.BrowserSession;
import org.juryroom.access.BrowserSessions;
import org.juryroom.bench.LeanHttp;
import org.juryroom.i18n.Languages;
import org.juryroom.support.RealStack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Sign-in, sessions, CSRF and the split between the pages and the API. */
@QuarkusTest
class WebSecurityTest {

    @Test
    void strangersAreSentToTheSignInPage() {
        for (String page : List.of("/", "/organiser", "/school/entries/1", "/jury", "/files/1/1")) {
            given().redirects().follow(false).get(page).then().statusCode(302).header("Location", endsWith("/login"));
        }
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("Sign in to JuryRoom"));
    }

    /**
     * A notice after a redirect shows only a count from the address, never its words: a crafted link
     * ({@code ?reassigned=Call…}) put any text in a green "done" box on the organiser's own page. A real
     * count still shows; a word compared against ({@code ?moved=PUBLISHED}) is never shown.
     */
    @Test
    void aNoticeShowsNoWordsFromTheAddress() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Notices"), 5);
        WebSession organiser = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String lure = "Call+0800+555+123+to+keep+your+account";
        String rounds = "/organiser/competitions/" + cid + "/rounds";
        String dashboard = "/organiser/competitions/" + cid;
        for (String page : List.of(rounds + "?reassigned=" + lure, dashboard + "?assigned=" + lure + "&entries=" + lure
                + "&short=" + lure, dashboard + "?reminded=" + lure, dashboard + "?assigned=2&entries=" + lure + "&short=0",
                "/organiser/competitions/" + cid + "/shortlist?moved=" + lure,
                "/organiser/schools/import?created=" + lure + "&existing=" + lure)) {
            assertThat(organiser.get(page).asString()).as(page).doesNotContain("0800").doesNotContain("Call 0800");
        }
        assertThat(organiser.get(rounds + "?reassigned=2").asString())
                .contains("2 unfinished pieces of work moved to other jurors.");
        assertThat(organiser.get(dashboard + "?assigned=3&entries=5&short=0").asString())
                .contains("3 new assignments for 5 submitted entries.");
        assertThat(organiser.get(dashboard + "?reminded=4").asString()).contains("id=\"reminded\"");
        assertThat(organiser.get("/organiser/schools/import?created=2&existing=1").asString())
                .contains("2 created and invited; 1 was there already.");
    }

    @Test
    void theApiKeepsHttpBasicAndIgnoresTheSessionCookie() {
        given().get("/api/competitions").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        given().cookies(web.cookies()).get("/api/competitions").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
        Fixtures.organiser().get("/api/competitions").then().statusCode(200);
    }

    /**
     * A browser that once answered the API's Basic challenge sends those credentials with a form another site
     * posts: the browser marks such a request as from another site, and the API refuses it before anything runs.
     */
    @Test
    void theApiRefusesWhatABrowserSendsFromAnotherSite() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Cross-site"), 3);
        String state = "/api/competitions/" + cid;
        for (String site : List.of("cross-site", "same-site", "Cross-Site")) {
            Fixtures.organiser().header("Sec-Fetch-Site", site).contentType("application/json")
                    .body(Map.of("to", "JUDGING")).post(state + "/transitions")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("another site"));
            // An endpoint that reads no body at all: what a plain cross-site form can reach.
            Fixtures.organiser().header("Sec-Fetch-Site", site).formParam("x", "1")
                    .post(state + "/shortlist").then().statusCode(403).body("detail", containsString("another site"));
            Fixtures.organiser().header("Sec-Fetch-Site", site).get(state).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        }
        // The site's own pages' scripts (same-origin) still work, as scripts without the header do everywhere else.
        Fixtures.organiser().header("Sec-Fetch-Site", "same-origin").contentType("application/json")
                .body(Map.of("to", "JUDGING")).post(state + "/transitions").then().statusCode(200);
    }

    /**
     * A page whose address carries a token (an invitation, a password reset, a guardian's link) sends no referrer,
     * with one header and one value (the page once added its own beside the filter's same-origin).
     */
    @Test
    void aLinkThatCarriesATokenIsNeverSentOnAsAReferrer() {
        String token = "T".repeat(43);
        for (String page : List.of("/invite/" + token, "/reset/" + token, "/consent/" + token)) {
            Response r = given().redirects().follow(false).get(page);
            assertThat(r.headers().getValues("Referrer-Policy")).as(page).containsExactly("no-referrer");
        }
        assertThat(given().get("/reset").headers().getValues("Referrer-Policy")).containsExactly("same-origin");
    }

    /**
     * A refusal that comes before any page method runs (an address no page has, a method the page does not take,
     * a form in a type it does not read, a field the text rules refuse) is still a page, in the reader's language,
     * with its status; under /api the same refusals stay problem documents.
     */
    @Test
    void aRefusalBeforeAnyPageMethodRunsIsAPageInTheReadersLanguage() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String token = web.token("/organiser");
        Map<Integer, Response> refused = Map.of(
                404, inHindi(web).get("/organiser/no-such-page"),
                405, inHindi(web).get("/organiser/competitions/1/transitions"),
                415, inHindi(web).contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                        .post("/organiser/schools/import"),
                422, inHindi(web).contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                        .formParam("language", "\u0000").post("/language"));
        refused.forEach((status, page) -> {
            page.then().statusCode(status).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store")
                    .body(containsString(status == 404 ? "नहीं मिला" : "कृपया भेजी गई जानकारी जाँचें"))
                    .body(not(containsString("\"status\"")));
        });
        Fixtures.organiser().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.organiser().get("/api/competitions/1/transitions").then().statusCode(405)
                .contentType("application/problem+json");
    }

    /**
     * A refusal the HTTP layer answers before any page method runs (here a declared body over the server's
     * limit; the start-up gate: ops/StartingGatePageTest; the database outage: DatabaseOutageTest) is the same: at a
     * page, to a browser, the error page in the reader's language (the cookie, else the user's saved choice) with
     * the browser hardening headers and the signed-out frame; to a page's script that asks for JSON (the uploader)
     * the problem document, in the reader's language too.
     */
    @Test
    void aRefusalTheHttpLayerAnswersIsAPageInTheReadersLanguageToo() throws Exception {
        String overLimit = "2000000000";
        // A stranger's post is sent to sign in first; a signed-in user's is measured.
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        LeanHttp.Response page = raw(web, "hi", "/organiser/schools/import", WebSession.BROWSER_ACCEPT, overLimit);
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.headers().get("content-type")).startsWith("text/html");
        assertThat(page.headers().get("content-language")).isEqualTo("hi");
        assertThat(page.headers().get("cache-control")).isEqualTo("no-store");
        assertThat(page.headers().get("content-security-policy")).isEqualTo(WebFilters.CSP);
        WebSession.assertSignedOutErrorPage(page.text(), "hi");
        assertThat(page.text()).contains("कृपया भेजी गई जानकारी जाँचें").doesNotContain("larger than");

        LeanHttp.Response tooLarge = raw(web, "hi", "/organiser/schools/import", "application/json", overLimit);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.headers().get("content-type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(tooLarge.text());
        assertThat(problem.getLong("limitBytes")).isPositive();
        assertThat(problem.getString("detail")).contains(String.valueOf(problem.getLong("limitBytes")))
                .doesNotContain("larger than");

        Fixtures.Account teacher = Fixtures.school(Fixtures.unique("Saved Language School"));
        teacher.api().contentType("application/json").body(Map.of("language", "bn")).put("/api/me/language")
                .then().statusCode(204);
        WebSession school = WebSession.signIn(teacher.username(), teacher.password());
        LeanHttp.Response saved = raw(school, null, "/school/entries/1/files", WebSession.BROWSER_ACCEPT, overLimit);
        assertThat(saved.status()).isEqualTo(413);
        assertThat(saved.headers().get("content-language")).isEqualTo("bn");
        WebSession.assertSignedOutErrorPage(saved.text(), "bn");
        assertThat(saved.text()).doesNotContain(teacher.name());
    }

    /** Sent as raw bytes: no client here declares a length it does not send. {@code language}: its cookie. */
    private static LeanHttp.Response raw(WebSession web, String language, String target, String accept,
                                         String declaredLength) throws IOException {
        StringJoiner cookies = new StringJoiner("; ");
        if (language != null) {
            cookies.add(Languages.COOKIE + "=" + language);
        }
        web.cookies().forEach((name, value) -> cookies.add(name + "=" + value));
        return LeanHttp.exchange(RestAssured.port, LeanHttp.request("POST", "localhost", target, null, "Accept", accept,
                "Cookie", cookies.toString(), "Connection", "close", "Content-Type", "multipart/form-data; boundary=x",
                "Content-Length", declaredLength));
    }

    private static RequestSpecification inHindi(WebSession web) {
        return given().cookies(web.cookies()).cookie(Languages.COOKIE, "hi").redirects().follow(false);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndSignOutEndsIt() {
        WebSession web = WebSession.anonymous();
        Response signedIn = web.postSignIn("organiser", RealStack.ORGANISER_PASSWORD);
        Cookie session = signedIn.getDetailedCookie("juryroom-session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("strict");
        Cookie sessionId = signedIn.getDetailedCookie(BrowserSessions.COOKIE);
        assertThat(sessionId).isNotNull();
        assertThat(sessionId.isHttpOnly()).isTrue();
        assertThat(sessionId.getSameSite()).isEqualToIgnoringCase("strict");
        assertThat(sessionId.getPath()).isEqualTo("/");
        Cookie csrf = web.get("/login").getDetailedCookie("juryroom-csrf");
        assertThat(csrf == null || csrf.isHttpOnly()).isTrue();
        assertThat(signedIn.header("Location")).endsWith("/");
        assertThat(web.get("/organiser").statusCode()).isEqualTo(200);

        Response out = web.post("/organiser", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login?signedOut");
        assertThat(web.get("/organiser").statusCode()).isEqualTo(302);
    }

    @Test
    void aCopyOfTheCookiesIsWorthlessOnceItsBrowserHasSignedOut() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Replay School"));
        WebSession first = WebSession.signIn(school.username(), school.password());
        WebSession second = WebSession.signIn(school.username(), school.password());
        assertThat(first.get("/school").statusCode()).isEqualTo(200);
        Map<String, String> copied = Map.copyOf(first.cookies());
        assertThat(sessionsOf(school.username())).isEqualTo(2);

        assertThat(first.post("/school", "/logout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(sessionsOf(school.username())).isEqualTo(1);

        Response replayed = given().cookies(copied).redirects().follow(false).get("/school");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.header("Location")).endsWith("/login");
        assertThat(replayed.asString()).doesNotContain(school.name());
        // The browser is told to drop the dead cookies, so it does not come back with them.
        assertThat(replayed.getDetailedCookie("juryroom-session").getMaxAge()).isZero();
        assertThat(replayed.getDetailedCookie(BrowserSessions.COOKIE).getMaxAge()).isZero();
        // Another browser of the same user is not signed out.
        assertThat(second.get("/school").asString()).contains(school.name());
    }

    @Test
    void theFormCookieCountsOnlyWithALiveSessionIdOfTheSameUser() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Binding School"));
        WebSession schoolWeb = WebSession.signIn(school.username(), school.password());
        WebSession organiserWeb = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);

        Map<String, String> withoutId = new HashMap<>(schoolWeb.cookies());
        withoutId.remove(BrowserSessions.COOKIE);
        assertThat(given().cookies(withoutId).redirects().follow(false).get("/school").statusCode()).isEqualTo(302);

        Map<String, String> mixed = new HashMap<>(schoolWeb.cookies());
        mixed.put(BrowserSessions.COOKIE, organiserWeb.cookies().get(BrowserSessions.COOKIE));
        assertThat(given().cookies(mixed).redirects().follow(false).get("/school").statusCode()).isEqualTo(302);

        assertThat(schoolWeb.get("/school").statusCode()).isEqualTo(200);
        // HTTP Basic on the API never starts a session.
        school.api().get("/api/competitions").then().statusCode(200);
        assertThat(sessionsOf(school.username())).isEqualTo(1);
    }

    @Test
    void anIdleSessionEndsOnTheServerAndIsPrunedAtTheNextSignIn() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Idle School"));
        WebSession idle = WebSession.signIn(school.username(), school.password());
        // Idle longer than the form timeout (30 minutes) plus its renewal interval.
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(32));
        QuarkusTransaction.requiringNew().run(() -> BrowserSession.update("lastSeenAt = ?1 where user.id in "
                + "(select u.id from AppUser u where u.username = ?2)", longAgo, school.username()));
        assertThat(idle.get("/school").statusCode()).isEqualTo(302);
        assertThat(sessionsOf(school.username())).isEqualTo(1);

        WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        assertThat(sessionsOf(school.username())).isZero();
    }

    private static long sessionsOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> BrowserSession.count("user.username", username));
    }

    @Test
    void aSignInFormWithoutItsTokenIsRefusedBeforeAnyPasswordCheck() {
        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "organiser").formParam("j_password", RealStack.ORGANISER_PASSWORD)
                .post("/j_security_check");
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(forged.header("Location")).endsWith("/login?expired");
        assertThat(forged.getDetailedCookie("juryroom-session")).isNull();
    }

    @Test
    void theSignInTokenTravelsInTheFormBodyNeverInTheUrl() {
        WebSession web = WebSession.anonymous();
        String page = web.get("/login").asString();
        java.util.regex.Matcher form = WebSession.LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("the sign-in form with its token in a hidden field: " + page).isTrue();
        assertThat(page).doesNotContain("j_security_check?");
        String token = form.group(1);
        // The right token in the URL instead of the body is refused, before any password check.
        Response inUrl = given().cookies(web.cookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "organiser").formParam("j_password", RealStack.ORGANISER_PASSWORD)
                .post("/j_security_check?_csrf=" + token);
        assertThat(inUrl.statusCode()).isEqualTo(303);
        assertThat(inUrl.header("Location")).endsWith("/login?expired");
        assertThat(inUrl.getDetailedCookie("juryroom-session")).isNull();
        // A wrong token in the body is refused too; the right one signs in.
        Response wrong = given().cookies(web.cookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD, token + "x")
                .formParam("j_username", "organiser").formParam("j_password", RealStack.ORGANISER_PASSWORD)
                .post("/j_security_check");
        assertThat(wrong.header("Location")).endsWith("/login?expired");
        Response signedIn = given().cookies(web.cookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD, token)
                .formParam("j_username", "organiser").formParam("j_password", RealStack.ORGANISER_PASSWORD)
                .post("/j_security_check");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("failed").doesNotContain("expired");
        assertThat(signedIn.getDetailedCookie("juryroom-session")).isNotNull();
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        Response unknown = WebSession.anonymous().postSignIn(Fixtures.unique("nobody").replace(' ', '-'), "whatever");
        Response wrong = WebSession.anonymous().postSignIn("organiser", "not-the-password");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(302);
        assertThat(unknown.header("Location")).isEqualTo(wrong.header("Location")).endsWith("/login?failed");
        given().get("/login?failed").then().body(containsString("That username and password did not work"));
    }

    @Test
    void repeatedFailuresLockThatUsernameForAWhileEvenWithTheRightPassword() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Throttle School"));
        for (int i = 0; i < 10; i++) {
            assertThat(WebSession.anonymous().postSignIn(school.username(), "wrong-" + i).header("Location"))
                    .endsWith("/login?failed");
        }
        assertThat(WebSession.anonymous().postSignIn(school.username(), school.password()).header("Location"))
                .endsWith("/login?failed");
        school.api().get("/api/competitions").then().statusCode(401);
        // Another user from the same address is not affected.
        WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
    }

    @Test
    void everyRoleStaysOnItsOwnPages() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Role School"));
        WebSession web = WebSession.signIn(school.username(), school.password());
        assertThat(web.get("/").header("Location")).endsWith("/school");
        Response forbidden = web.get("/organiser");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.asString()).contains("Not allowed");
        assertThat(web.get("/jury").statusCode()).isEqualTo(403);
        Response missing = web.get("/school/entries/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.asString()).contains("not yours to see").doesNotContain("999999999");
    }

    @Test
    void thePagesAreNotPartOfTheApiContract() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/competitions"))
                .body("paths.keySet()", not(org.hamcrest.Matchers.hasItem(startsWith("/school"))))
                .body("paths.keySet()", not(org.hamcrest.Matchers.hasItem(startsWith("/organiser"))));
    }
}
