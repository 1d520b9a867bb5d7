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
        assertThat(refused.asString()).contains("must be greater than the lowest score").doesNotContain("minScore");
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

        // A crafted form naming no step, or one that does not exist, moves nothing and says so.
        for (Map<String, String> crafted : List.of(Map.<String, String>of(), Map.of("to", "JUDGED"),
                Map.of("to", "judging"))) {
            Response refused = web.post(dash, dash + "/transitions", crafted);
            assertThat(refused.statusCode()).as(crafted.toString()).isEqualTo(422);
            assertThat(refused.asString()).contains("must be one of");
        }
        assertThat(web.post(dash, "/organiser/competitions/" + Long.MAX_VALUE + "/transitions",
                Map.of("to", "JUDGING")).statusCode()).isEqualTo(404);
        assertThat(web.post(dash, "/organiser/competitions/" + Long.MAX_VALUE + "/transitions", Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(Fixtures.organiser().get("/api/competitions/" + cid).jsonPath().getString("status"))
                .isEqualTo("OPEN");
        assertThat(web.post(dash, dash + "/transitions", Map.of("to", "JUDGING")).statusCode()).isEqualTo(303);
        Fixtures.newestJury(cid);
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

        // Jurors of other tests were assigned work here too: the freeze waits for it until it is excused.
        String before = web.get(dash + "/ranking").asString();
        java.util.List<String> missing = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"excuse\" value=\"(\\d+)\"")
                .matcher(before);
        while (m.find()) {
            missing.add(m.group(1));
        }
        if (!missing.isEmpty()) {
            assertThat(before).contains("Jurors with assigned scorecards still missing: " + missing.size());
            assertThat(web.post(dash + "/ranking", dash + "/shortlist", Map.of()).statusCode()).isEqualTo(409);
            assertThat(web.post(dash + "/ranking", dash + "/shortlist", Map.of("excuse", missing)).statusCode())
                    .as("an excuse needs its reason").isEqualTo(422);
        }
        assertThat(web.post(dash + "/ranking", dash + "/shortlist", missing.isEmpty() ? Map.of()
                : Map.of("excuse", missing, "reason", "jurors of other tests")).statusCode()).isEqualTo(303);
        String shortlist = web.get(dash + "/shortlist").asString();
        assertThat(shortlist).contains("First Poster").doesNotContain("Second Poster").contains("Publish the shortlist");

        assertThat(web.post(dash + "/shortlist", dash + "/transitions", Map.of("to", "PUBLISHED")).statusCode())
                .isEqualTo(303);
        assertThat(web.get(dash + "/shortlist").asString()).contains("The shortlist is public.");
    }

    @Test
    void anOrganiserRecordsAConflictOnThePageTheEntriesMoveToAnotherJurorAndTheApiSeesIt() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Conflict Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Hillside School"));
        long a = Fixtures.submittedEntry(school, cid, "poster", "Hillside Poster", List.of("Ravi"), "posters/poster-01.jpg");
        long b = Fixtures.submittedEntry(school, cid, "poster", "Hillside Second", List.of("Uma"), "posters/poster-02.jpg");
        List<Fixtures.Account> jury = List.of(Fixtures.juror(Fixtures.unique("Juror")),
                Fixtures.juror(Fixtures.unique("Juror")), Fixtures.juror(Fixtures.unique("Juror")));
        Fixtures.jury(cid, jury);
        Fixtures.transition(cid, "JUDGING");
        // Before anything is assigned the dashboard says so, not "0% · 0 of 0 scorecards done".
        String dash = "/organiser/competitions/" + cid;
        WebSession reader = web();
        assertThat(reader.get(dash).asString()).contains("No entry is assigned to a juror yet, so no scorecards are due.")
                .doesNotContain("0 of 0");
        assertThat(reader.get(dash + "?lang=bn").asString()).contains("এখনও কোনো জমা কোনো বিচারককে বণ্টন করা হয়নি")
                .doesNotContain("0টির মধ্যে 0টি");
        Fixtures.assign(cid, 2);
        Fixtures.Account juror = jury.stream().filter(j -> Fixtures.queue(j, cid).containsAll(List.of(a, b)))
                .findFirst().orElseThrow();
        String page = "/organiser/competitions/" + cid + "/conflicts";
        assertThat(web().get("/organiser/competitions/" + cid).asString()).contains(page);
        String form = web().get(page).asString();
        assertThat(form).contains("<optgroup label=\"Test District\">").contains(school.name()).contains(juror.name());

        WebSession web = web();
        Response added = web.post(page, page, Map.of("jurorId", String.valueOf(juror.id()),
                "schoolId", String.valueOf(school.id()), "reason", "Teaches there"));
        assertThat(added.statusCode()).isEqualTo(303);
        String outcome = web.get(added.header("Location").substring(added.header("Location").indexOf("/organiser")))
                .asString();
        assertThat(outcome).contains("The conflict is recorded.")
                .contains("Entries of this school that left the juror&#39;s queue: 2. Other jurors assigned in their place: 2.")
                .contains("Teaches there").contains(juror.name());
        assertThat(Fixtures.queue(juror, cid)).doesNotContain(a, b);
        // Progress expects no scorecard from the conflicted juror any more, only from the two who took over.
        assertThat(web.get("/organiser/competitions/" + cid).asString()).contains("0 of 4 scorecards done");
        jury.stream().filter(j -> j != juror).forEach(j -> assertThat(Fixtures.queue(j, cid)).contains(a, b));
        var listed = Fixtures.organiser().get("/api/competitions/" + cid + "/conflicts?juror=" + juror.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.schoolId", Long.class)).containsExactly(school.id());
        assertThat(listed.getString("items[0].reason")).isEqualTo("Teaches there");
        long conflictId = listed.getLong("items[0].id");

        Response again = web.post(page, page, Map.of("jurorId", String.valueOf(juror.id()),
                "schoolId", String.valueOf(school.id())));
        assertThat(again.header("Location")).contains("existed");

        Response refused = web.post(page, page, Map.of("schoolId", String.valueOf(school.id())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("role=\"alert\"");

        Response lifted = web.post(page, page + "/" + conflictId + "/delete", Map.of());
        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(web.get(page + "?removed").asString()).contains("The conflict is lifted.");
        Fixtures.organiser().get("/api/competitions/" + cid + "/conflicts?juror=" + juror.id()).then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aDecisionOnTheRankingPageUnblocksTheFreezeAndVerifyCatchesATamperedSnapshot() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Adjudicated Competition"), 1);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Lakeside School"));
        long split = Fixtures.submittedEntry(school, cid, "poster", "Split Poster", List.of("Nila"), "posters/poster-01.jpg");
        long calm = Fixtures.submittedEntry(school, cid, "poster", "Calm Poster", List.of("Omar"), "posters/poster-02.jpg");
        Fixtures.Account harsh = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.Account lenient = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(harsh, lenient));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 2);
        Fixtures.score(lenient, split, 10, 10, 10);
        Fixtures.score(harsh, split, 1, 1, 1);
        Fixtures.score(lenient, calm, 5, 5, 5);
        Fixtures.score(harsh, calm, 5, 5, 5);
        String code = Fixtures.organiser().get("/api/entries/" + split).jsonPath().getString("code");
        WebSession web = web();
        String ranking = "/organiser/competitions/" + cid + "/ranking";

        String page = web.get(ranking).asString();
        assertThat(page).contains("Waiting for your decision: 1").contains("id=\"decide-" + split + "\"")
                .contains("name=\"decision\" value=\"CONFIRM\"")
                .contains("Fair for harsh and lenient jurors").contains("1000 re-runs");
        Response blocked = web.post(ranking, "/organiser/competitions/" + cid + "/shortlist", Map.of());
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(blocked.asString()).contains("1 entry in or near the cut has jurors who disagree and no current"
                + " decision: confirm its scores or ask another juror, on the ranking page").doesNotContain("Exception");

        Response decided = web.post(ranking, "/organiser/competitions/" + cid + "/adjudications",
                Map.of("entryId", String.valueOf(split), "decision", "CONFIRM", "note", "Both readings are fair"));
        assertThat(decided.statusCode()).isEqualTo(303);
        String after = web.get(decided.header("Location").substring(decided.header("Location").indexOf("/organiser"))
                .replaceAll("#.*", "")).asString();
        assertThat(after).contains("Your decision on " + code + " is recorded").contains("Both readings are fair")
                .doesNotContain("Waiting for your decision");
        Fixtures.organiser().get("/api/competitions/" + cid + "/adjudications").then().statusCode(200)
                .body("[0].decision", org.hamcrest.Matchers.equalTo("CONFIRM"));

        Response frozen = web.post(ranking, "/organiser/competitions/" + cid + "/shortlist", Map.of());
        assertThat(frozen.statusCode()).isEqualTo(303);
        String digest = Fixtures.organiser().get("/api/competitions/" + cid + "/shortlist").jsonPath().getString("digest");
        String shortlist = web.get("/organiser/competitions/" + cid + "/shortlist").asString();
        assertThat(shortlist).contains(digest).contains("Frozen").contains("organiser")
                .contains("/organiser/competitions/" + cid + "/shortlist/verify");
        String verified = web.get("/organiser/competitions/" + cid + "/shortlist/verify").asString();
        assertThat(verified).contains("The record matches its seal.").doesNotContain("does not match");

        byte[] sealed = web.get("/organiser/competitions/" + cid + "/shortlist/snapshot.json").asByteArray();
        assertThat(sha256(sealed)).isEqualTo(digest);

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache
                .getEntityManager().createNativeQuery("update shortlist_entry set score = score + 1 where shortlist_id ="
                        + " (select id from shortlist where competition_id = ?1) and rank = 1")
                .setParameter(1, cid).executeUpdate());
        Response tampered = web.get("/organiser/competitions/" + cid + "/shortlist/verify");
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertThat(tampered.asString()).contains("The record does not match its seal.")
                .contains("no longer hash to the sealed digest");
    }

    @Test
    void theOrganiserExportsPublishesUnpublishesAndReadsTheAuditLogFromThePages() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Exported Competition", 1, "Riverside School",
                "Exported Poster", "Lina");
        long cid = f.cid();
        long eid = f.entryId();
        Fixtures.Account school = f.school();
        Fixtures.Account juror = f.juror();
        Fixtures.score(juror, eid, 8, 7, 6);
        Fixtures.freeze(cid);
        String code = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getString("code");
        WebSession web = web();
        String dash = "/organiser/competitions/" + cid;

        String dashboard = web.get(dash).asString();
        for (String export : List.of("shortlist.csv", "shortlist.pdf", "ranking.csv", "ranking.pdf")) {
            assertThat(dashboard).contains(dash + "/exports/" + export);
        }
        assertThat(dashboard).contains(dash + "/audit").contains(dash + "/conflicts").contains(dash + "/shortlist");
        Response csv = web.get(dash + "/exports/shortlist.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("shortlist-" + cid + ".csv");
        assertThat(csv.asString()).startsWith("\uFEFFRank,Code,Title,School").contains(code).contains("Riverside School");
        Response ranking = web.get(dash + "/exports/ranking.csv");
        assertThat(ranking.contentType()).startsWith("text/csv");
        assertThat(ranking.asString()).contains("Needs a decision").contains(code);
        for (String pdf : List.of("shortlist.pdf", "ranking.pdf")) {
            Response r = web.get(dash + "/exports/" + pdf);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("application/pdf");
            assertThat(new String(r.asByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        assertThat(web.get(dash + "/exports/everything.zip").statusCode()).isEqualTo(404);
        for (WebSession other : List.of(WebSession.signIn(juror.username(), juror.password()),
                WebSession.signIn(school.username(), school.password()))) {
            for (String export : List.of("shortlist.csv", "shortlist.pdf", "ranking.csv", "ranking.pdf")) {
                assertThat(other.get(dash + "/exports/" + export).statusCode()).as(export).isEqualTo(403);
            }
            assertThat(other.get(dash + "/shortlist/snapshot.json").statusCode()).isEqualTo(403);
        }

        // Publish and unpublish from the dashboard, each behind its confirmation.
        assertThat(dashboard).contains("Publish the shortlist").contains("<details class=\"confirm\">");
        Response published = web.post(dash, dash + "/transitions", Map.of("to", "PUBLISHED"));
        assertThat(published.header("Location")).endsWith("/shortlist?moved=PUBLISHED");
        assertThat(web.get(dash + "/shortlist?moved=PUBLISHED").asString()).contains("The shortlist is public now.");
        io.restassured.RestAssured.given().get("/shortlist/" + cid).then().statusCode(200);
        assertThat(web.get(dash).asString()).contains("Unpublish");
        Response unpublished = web.post(dash, dash + "/transitions", Map.of("to", "FROZEN"));
        assertThat(unpublished.header("Location")).endsWith("/shortlist?moved=FROZEN");
        assertThat(web.get(dash + "/shortlist?moved=FROZEN").asString()).contains("The shortlist is no longer public.");
        io.restassured.RestAssured.given().get("/api/public/competitions/" + cid + "/shortlist").then().statusCode(404);

        // The audit log: the freeze, publication and unpublication, and a conflict recorded for this competition.
        Fixtures.Account other = Fixtures.school(Fixtures.unique("Audited School"));
        long conflict = Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("jurorId", juror.id(), "schoolId", other.id(), "reason", "Audit me"))
                .post("/api/competitions/" + cid + "/conflicts").then().statusCode(201).extract().jsonPath().getLong("id");
        // Events of no single competition (other tests' accounts, conflicts, sign-ins) share the log: filter.
        assertThat(web.get(dash + "/audit").asString()).contains(row("Conflict declared")).contains("Audit me");
        assertThat(web.get(dash + "/audit?action=COMPETITION_PUBLISHED").asString())
                .contains(row("Shortlist published"));
        assertThat(web.get(dash + "/audit?action=COMPETITION_UNPUBLISHED").asString())
                .contains(row("Shortlist unpublished"));
        String frozenOnly = web.get(dash + "/audit?action=SHORTLIST_FROZEN").asString();
        assertThat(frozenOnly).contains(row("Shortlist frozen")).doesNotContain(row("Conflict declared"))
                .contains(Fixtures.organiser().get("/api/competitions/" + cid + "/shortlist").jsonPath().getString("digest"));
        String oneConflict = web.get(dash + "/audit?subjectType=conflict&subjectId=" + conflict).asString();
        assertThat(oneConflict).contains(row("Conflict declared")).contains("Audit me")
                .doesNotContain(row("Shortlist frozen")).contains("Events: 1,");
        String byJuror = web.get(dash + "/audit?actor=" + juror.username()).asString();
        assertThat(byJuror).contains(row("Scorecard submitted")).doesNotContain(row("Shortlist frozen"));
        String today = java.time.LocalDate.now(Formats.zone()).toString();
        assertThat(web.get(dash + "/audit?action=SHORTLIST_FROZEN&from=" + today + "&to=" + today).asString())
                .contains(row("Shortlist frozen"));
        assertThat(web.get(dash + "/audit?action=SHORTLIST_FROZEN&to=2020-01-01").asString())
                .contains("No event matches.");
        // A day Java reads but past any date kept: a clear 400 page, not a server error.
        for (String far : java.util.List.of("+999999999-12-31", "+300000-01-01")) {
            assertThat(web.get(dash + "/audit", Map.of("to", far)).statusCode()).as(far).isEqualTo(400);
            assertThat(web.get(dash + "/audit", Map.of("from", far)).statusCode()).as(far).isEqualTo(400);
        }
    }

    @Test
    void wordsHiddenOnTheEntryPageDisappearFromTheJurorsCopy() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Redacted Competition", 3, "Meadow School", "Quiet Poster",
                "Ila");
        long eid = f.entryId();
        WebSession jurorWeb = WebSession.signIn(f.juror().username(), f.juror().password());
        assertThat(jurorWeb.get("/jury/entries/" + eid).asString()).contains("Our work.");

        WebSession web = web();
        String page = "/organiser/entries/" + eid;
        Response hidden = web.post(page, page + "/redactions", Map.of("term", "work"));
        assertThat(hidden.statusCode()).isEqualTo(303);
        assertThat(web.get(page).asString()).contains("<span class=\"term\">work</span>").contains("Our █████.");
        assertThat(jurorWeb.get("/jury/entries/" + eid).asString()).contains("Our █████.").doesNotContain("Our work.");
        Fixtures.organiser().get("/api/entries/" + eid + "/redactions").then()
                .body("terms", org.hamcrest.Matchers.contains("work"));
        assertThat(web.post(page, page + "/redactions", Map.of("term", " ")).statusCode()).isEqualTo(422);

        assertThat(web.post(page, page + "/redactions", Map.of("remove", "work")).statusCode()).isEqualTo(303);
        assertThat(jurorWeb.get("/jury/entries/" + eid).asString()).contains("Our work.");
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

    /** An event's action as the audit table shows it (the filter's options carry the same words). */
    private static String row(String action) {
        return "<span class=\"action\">" + action + "</span>";
    }

    @Test
    void aStoredFileOfATypeJuryRoomNoLongerTakesIsNamedInTheReadersLanguage() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Old Types Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Banyan School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Banyan Poster", List.of("Mira"), "posters/poster-01.jpg");
        long fid = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getLong("files[0].id");
        String page = "/organiser/entries/" + eid;
        assertThat(web().get(page + "?lang=hi").asString()).contains("JPEG ·");
        // As a file kept from a type a later version stopped taking: named, never in English on a Hindi page.
        QuarkusTransaction.requiringNew().run(() ->
                org.juryroom.storage.EntryFile.<org.juryroom.storage.EntryFile>findById(fid).contentType = "text/plain");
        assertThat(web().get(page).asString()).contains("another kind of file ·");
        assertThat(web().get(page + "?lang=hi").asString()).contains("किसी और प्रकार की फ़ाइल ·")
                .doesNotContain("another kind of file");
        assertThat(web().get(page + "?lang=bn").asString()).contains("অন্য ধরনের ফাইল ·")
                .doesNotContain("another kind of file");
    }

    private static WebSession web() {
        return WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
