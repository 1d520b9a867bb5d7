package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.juryroom.storage.EntryFile;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class JuryPagesTest {

    @Test
    void aJurorScoresBlindAndMovesToTheNextEntry() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Jury Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Zephyr Valley School"));
        long first = Fixtures.submittedEntry(school, cid, "poster", "Ask First", List.of("Ottoline"),
                "posters/poster-03-phone-gps.jpg");
        long second = Fixtures.submittedEntry(school, cid, "essay", "My Safe Circle", List.of("Barnaby"),
                "essays/essay-02-with-author.pdf");
        Fixtures.transition(cid, "JUDGING");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.assignEveryone(cid);

        WebSession web = WebSession.signIn(juror.username(), juror.password());
        String queue = web.get("/jury/competitions/" + cid).asString();
        assertThat(queue).contains("Ask First").contains("My Safe Circle").contains("0 of 2 scored");
        // Each entry in the queue shows the thumbnail of its clean copy (an essay's first page too).
        for (long eid : List.of(first, second)) {
            long file = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getLong("files[0].id");
            assertThat(queue).contains("src=\"/files/" + eid + "/" + file + "/thumbnail\"");
            assertThat(web.get("/files/" + eid + "/" + file + "/thumbnail").contentType()).isEqualTo("image/jpeg");
        }

        for (long eid : List.of(first, second)) {
            String page = web.get("/jury/entries/" + eid).asString();
            assertThat(page).contains("Clarity of the message").doesNotContain(school.name())
                    .doesNotContain("Ottoline").doesNotContain("Barnaby").doesNotContain("poster-03")
                    .doesNotContain("essay-02");
        }

        Response refused = web.post("/jury/entries/" + first, "/jury/entries/" + first + "/scorecard",
                Map.of("score.message", "8", "action", "submit"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Originality has no score yet").contains("Craft has no score yet");

        Response next = web.post("/jury/entries/" + first, "/jury/entries/" + first + "/scorecard",
                Map.of("score.message", "8", "score.originality", "6", "score.craft", "7", "comment", "Clear",
                        "action", "next"));
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.header("Location")).contains("/jury/entries/" + second);

        Response draft = web.post("/jury/entries/" + second, "/jury/entries/" + second + "/scorecard",
                Map.of("score.message", "5", "action", "draft"));
        assertThat(draft.statusCode()).isEqualTo(303);
        assertThat(web.get("/jury/competitions/" + cid + "?tab=drafts").asString()).contains("My Safe Circle")
                .contains("1 of 2 scored");
        // A tab the page does not know opens the default one (nothing left to score: the drafts), marked as open.
        assertThat(web.get("/jury/competitions/" + cid + "?tab=nonsense").asString())
                .contains("?tab=drafts\" aria-current=\"page\"").contains("My Safe Circle");

        assertThat(web.get("/files/" + second + "/0").statusCode()).isEqualTo(404);

        // The essay's first page as a picture, rendered from the clean copy; a poster has no preview.
        long essayFile = Fixtures.organiser().get("/api/entries/" + second).jsonPath().getLong("files[0].id");
        Response preview = web.get("/files/" + second + "/" + essayFile + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.contentType()).isEqualTo("image/png");
        assertThat(preview.header("Cache-Control")).isEqualTo("private, no-store");
        java.awt.image.BufferedImage page = readImage(preview.asByteArray());
        assertThat(page.getWidth()).isBetween(1000, 1200);
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        assertThat(web.get("/files/" + second + "/" + essayFile + "/preview").asByteArray())
                .as("the same picture the second time").isEqualTo(preview.asByteArray());
        // The viewer pages through the essay: it reads the page count, then asks for page 2; past the end is a 404.
        assertThat(preview.header("X-Page-Count")).isEqualTo("2");
        Response two = web.get("/files/" + second + "/" + essayFile + "/preview?page=2");
        assertThat(two.statusCode()).isEqualTo(200);
        assertThat(two.header("X-Page-Count")).isEqualTo("2");
        assertThat(two.asByteArray()).as("page 2 is another picture").isNotEqualTo(preview.asByteArray());
        assertThat(web.get("/files/" + second + "/" + essayFile + "/preview?page=3").statusCode()).isEqualTo(404);
        assertThat(web.get("/files/" + second + "/" + essayFile + "/preview?page=0").statusCode()).isEqualTo(404);
        long posterFile = Fixtures.organiser().get("/api/entries/" + first).jsonPath().getLong("files[0].id");
        assertThat(web.get("/files/" + first + "/" + posterFile + "/preview").statusCode()).isEqualTo(404);
    }

    /**
     * A juror with queue work in one competition who sits on another's final jury only: the desk
     * lists both, with figures for the one they score (it was a 404: it asked for figures of both).
     */
    @Test
    void theDeskOpensForAFinalJurorWithoutWorkInThatCompetition() {
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        String workTitle = Fixtures.unique("Scored Competition");
        long work = Fixtures.openCompetition(workTitle, 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Lakeside School"));
        Fixtures.submittedEntry(school, work, "poster", "Ask First", List.of("Ottoline"),
                "posters/poster-03-phone-gps.jpg");
        Fixtures.jury(work, List.of(juror));
        Fixtures.transition(work, "JUDGING");
        Fixtures.assign(work, 1);

        String finalTitle = Fixtures.unique("Final Only Competition");
        long other = Fixtures.openCompetition(finalTitle, 3);
        long rubric = Fixtures.organiser().get("/api/competitions/" + other + "/rounds").then().statusCode(200)
                .extract().jsonPath().getLong("[0].id");
        long fin = Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON)
                .body(List.of(Map.of("id", rubric, "kind", "RUBRIC", "name", "Rubric"),
                        Map.of("kind", "FINAL", "name", "Commission", "places", 1)))
                .put("/api/competitions/" + other + "/rounds").then().statusCode(200).extract().jsonPath()
                .getLong("[1].id");
        Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("jurorId", juror.id()))))
                .put("/api/competitions/" + other + "/rounds/" + fin + "/jury").then().statusCode(200);

        WebSession web = WebSession.signIn(juror.username(), juror.password());
        Response desk = web.get("/jury");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.asString()).contains(workTitle).contains(finalTitle)
                .contains("id=\"stats-" + work + "\"").doesNotContain("id=\"stats-" + other + "\"");
    }

    /**
     * The other jurors' marks on the jury page: never shown unasked, the page says before they are
     * opened that the juror's own scorecard becomes final, they open only on a button (a POST), and
     * then the scorecard is read-only and a change is refused.
     */
    @Test
    void aJurorOpensTheOtherJurorsMarksOnlyOnAButtonThatSaysTheirOwnBecomesFinal() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Peers Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Riverside School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Ask First", List.of("Ottoline"),
                "posters/poster-03-phone-gps.jpg");
        long alone = Fixtures.submittedEntry(school, cid, "essay", "My Safe Circle", List.of("Barnaby"),
                "essays/essay-02-with-author.pdf");
        // Named so that the page's own header ("Reader 1A2B3C") never reads like a row of the marks ("Juror 1").
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Reader"));
        Fixtures.Account other = Fixtures.juror(Fixtures.unique("Reader"));
        Fixtures.jury(cid, List.of(juror, other));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 2);
        Fixtures.score(other, eid, 9, 8, 7);
        Fixtures.score(juror, eid, 2, 2, 2);
        Fixtures.score(juror, alone, 5, 5, 5);

        WebSession web = WebSession.signIn(juror.username(), juror.password());
        String page = "/jury/entries/" + eid;
        String before = web.get(page).asString();
        assertThat(before).contains("Once you open them, your own scorecard is final")
                .contains("Open the other jurors&#39;").contains("action=\"/jury/entries/" + eid + "/others\"")
                .doesNotContain("Juror 1");
        // Looking at the page fixed nothing.
        assertThat(juror.api().get("/api/entries/" + eid + "/scorecard").jsonPath().getString("peersReadAt")).isNull();

        Response opened = web.post(page, page + "/others", Map.of());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.header("Location")).endsWith(page);
        String after = web.get(page).asString();
        // Final: the page no longer says, beside it, that the juror can correct it (it said both).
        assertThat(before).contains("You can correct it while judging lasts");
        assertThat(after).contains("so your scorecard is final").contains("Juror 1")
                .doesNotContain(other.name()).doesNotContain("Save correction")
                .doesNotContain("You can correct it");
        assertThat(juror.api().get("/api/entries/" + eid + "/scorecard").jsonPath().getString("peersReadAt"))
                .isNotNull();
        Response refused = web.post(page, page + "/scorecard", Map.of("score.message", "9", "score.originality", "8",
                "score.craft", "7", "action", "submit"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("ask the organisers");
        assertThat(juror.api().get("/api/entries/" + eid + "/scorecard").jsonPath().getInt("scores.message"))
                .isEqualTo(2);

        // Nobody else has scored the essay: nothing is shown, nothing fixed, and the page says so.
        String essay = "/jury/entries/" + alone;
        Response none = web.post(essay, essay + "/others", Map.of());
        assertThat(none.header("Location")).endsWith(essay + "?noothers");
        assertThat(web.get(essay + "?noothers").asString()).contains("No other juror has submitted marks")
                .contains("Save correction");
        assertThat(juror.api().get("/api/entries/" + alone + "/scorecard").jsonPath().getString("peersReadAt"))
                .isNull();
    }

    /**
     * Two tabs of one entry: the one saved second was based on a scorecard that has moved on, so it is refused
     * and says so (it overwrote the other tab's marks without a word); a mark that is not a whole number is named
     * as typed at its criterion (the page showed "-2147483648 is not on the scale").
     */
    @Test
    void aSecondTabCannotSilentlyOverwriteTheFirstAndAMarkThatIsNoWholeNumberIsNamedAsTyped() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Tabs Competition", 3, "Tabs School", "Tab Poster", "Ila");
        WebSession web = WebSession.signIn(f.juror().username(), f.juror().password());
        String page = "/jury/entries/" + f.entryId();
        assertThat(web.post(page, page + "/scorecard", Map.of("score.message", "5", "action", "draft")).statusCode())
                .isEqualTo(303);

        Map<String, String> first = Map.of("score.message", "9", "score.originality", "9", "score.craft", "9",
                "action", "submit", "version", "0");
        assertThat(web.postRaw(page + "/scorecard", withToken(web, page, first)).statusCode()).isEqualTo(303);
        Response stale = web.postRaw(page + "/scorecard", withToken(web, page, Map.of("score.message", "2",
                "score.originality", "2", "score.craft", "2", "action", "submit", "version", "0")));
        assertThat(stale.statusCode()).isEqualTo(412);
        // The page shows what the other tab saved, to change again from there: never the version words of the API.
        assertThat(stale.asString()).contains("This scorecard was saved in another tab or window after you opened it")
                .doesNotContain("since version").contains("value=\"9\" checked").doesNotContain("value=\"2\" checked")
                .contains("name=\"version\" value=\"1\"");
        assertThat(f.juror().api().get("/api/entries/" + f.entryId() + "/scorecard").jsonPath().getInt("scores.message"))
                .as("the other tab's marks stay").isEqualTo(9);
        assertThat(web.get(page).asString()).as("the form names what it was filled on")
                .contains("name=\"version\" value=\"1\"");

        for (String typed : List.of("7.5", "1e3", "99999999999", "seven")) {
            Response odd = web.post(page, page + "/scorecard", Map.of("score.message", typed, "score.originality", "3",
                    "score.craft", "3", "action", "submit"));
            assertThat(odd.statusCode()).as(typed).isEqualTo(422);
            assertThat(odd.asString()).as(typed).doesNotContain("2147483648")
                    .contains("Clarity of the message: " + typed + " is not a whole number from 1 to 10")
                    .contains("href=\"#score-message\"");
        }
        assertThat(web.get(page + "?lang=hi").statusCode()).isEqualTo(200);
        Response hindi = web.post(page + "?lang=hi", page + "/scorecard?lang=hi", Map.of("score.message", "7.5",
                "score.originality", "3", "score.craft", "3", "action", "submit"));
        assertThat(hindi.statusCode()).isEqualTo(422);
        assertThat(hindi.asString()).contains("7.5 1 से 10 तक की कोई पूर्ण संख्या नहीं है")
                .doesNotContain("is not a whole number");
    }

    /**
     * Two windows save the scorecard at the same moment, each from the form as it was opened: one save lands, the
     * other is refused (412) and changes nothing, never both silently one over the other. Fixed seed, Race.rounds(3).
     */
    @Test
    void twoWindowsSavingAtOnceLandOneAndRefuseTheOther() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Race Tabs Competition", 3, "Race School", "Race Poster",
                "Ila");
        String page = "/jury/entries/" + f.entryId();
        List<WebSession> windows = List.of(WebSession.signIn(f.juror().username(), f.juror().password()),
                WebSession.signIn(f.juror().username(), f.juror().password()));
        assertThat(windows.get(0).post(page, page + "/scorecard", Map.of("score.message", "5", "action", "draft"))
                .statusCode()).isEqualTo(303);
        java.util.Random random = new java.util.Random(20261207L);
        for (int round = 0; round < org.juryroom.judging.Race.rounds(3); round++) {
            io.restassured.path.json.JsonPath saved = f.juror().api().get("/api/entries/" + f.entryId() + "/scorecard")
                    .jsonPath();
            int version = saved.getInt("version");
            // Two marks that differ from each other and from the saved one: the same scorecard again is no write.
            List<Integer> marks = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 10).boxed()
                    .filter(m -> m != saved.getInt("scores.message")).toList());
            java.util.Collections.shuffle(marks, random);
            List<Map<String, Object>> forms = new java.util.ArrayList<>();
            for (WebSession w : windows) {
                String mark = String.valueOf(marks.get(forms.size()));
                forms.add(withToken(w, page, Map.of("score.message", mark, "score.originality", mark, "score.craft",
                        mark, "action", "submit", "version", String.valueOf(version))));
            }
            List<Response> answers = org.juryroom.judging.Race.all(List.<java.util.concurrent.Callable<Response>>of(
                    () -> windows.get(0).postRaw(page + "/scorecard", forms.get(0)),
                    () -> windows.get(1).postRaw(page + "/scorecard", forms.get(1))));
            List<Integer> codes = answers.stream().map(Response::statusCode).toList();
            assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(303, 412);
            Map<String, Object> landed = forms.get(codes.indexOf(303));
            io.restassured.path.json.JsonPath now = f.juror().api().get("/api/entries/" + f.entryId() + "/scorecard")
                    .jsonPath();
            assertThat(String.valueOf(now.getInt("scores.craft"))).as("round %d", round)
                    .isEqualTo(landed.get("score.craft"));
            assertThat(now.getInt("version")).as("round %d: one write", round).isEqualTo(version + 1);
        }
    }

    /**
     * Two windows opened on an entry not yet scored both hold a form filled on no scorecard: their first saves at
     * the same moment land one and refuse the other (412, the page shows what landed), never one silently over
     * the other (the form said nothing then, so both landed). Also through the API: If-None-Match: *.
     * Fixed seed, Race.rounds(3), a fresh entry each round.
     */
    @Test
    void twoWindowsOpenedBeforeAnySaveLandOneFirstSaveAndRefuseTheOther() {
        int rounds = org.juryroom.judging.Race.rounds(3);
        long cid = Fixtures.openCompetition(Fixtures.unique("First Save Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("First Save School"));
        List<Long> entries = new java.util.ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            entries.add(Fixtures.submittedEntry(school, cid, "poster", "First Save Poster " + i, List.of("Ila"),
                    "posters/poster-01.jpg"));
        }
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        assertThat(Fixtures.queue(juror, cid)).containsAll(entries);
        List<WebSession> windows = List.of(WebSession.signIn(juror.username(), juror.password()),
                WebSession.signIn(juror.username(), juror.password()));
        java.util.Random random = new java.util.Random(20261208L);
        for (int round = 0; round < rounds; round++) {
            String page = "/jury/entries/" + entries.get(round);
            List<Integer> marks = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList());
            java.util.Collections.shuffle(marks, random);
            List<Map<String, Object>> forms = new java.util.ArrayList<>();
            for (WebSession w : windows) {
                assertThat(w.get(page).asString()).contains("name=\"version\" value=\"new\"");
                String mark = String.valueOf(marks.get(forms.size()));
                forms.add(withToken(w, page, Map.of("score.message", mark, "score.originality", mark, "score.craft",
                        mark, "action", "submit", "version", "new")));
            }
            List<Response> answers = org.juryroom.judging.Race.all(List.<java.util.concurrent.Callable<Response>>of(
                    () -> windows.get(0).postRaw(page + "/scorecard", forms.get(0)),
                    () -> windows.get(1).postRaw(page + "/scorecard", forms.get(1))));
            List<Integer> codes = answers.stream().map(Response::statusCode).toList();
            assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(303, 412);
            Object landed = forms.get(codes.indexOf(303)).get("score.craft");
            assertThat(answers.get(codes.indexOf(412)).asString()).as("round %d", round)
                    .contains("This scorecard was saved in another tab or window after you opened it")
                    .contains("value=\"" + landed + "\" checked").contains("name=\"version\" value=\"0\"");
            io.restassured.path.json.JsonPath now = juror.api().get("/api/entries/" + entries.get(round) + "/scorecard")
                    .jsonPath();
            assertThat(String.valueOf(now.getInt("scores.craft"))).as("round %d", round).isEqualTo(landed);
            assertThat(now.getInt("version")).as("round %d: one write", round).isZero();
        }

        // The API's first save: If-None-Match: * lands once, then is refused with the version there is.
        String api = "/api/entries/" + entries.get(rounds) + "/scorecard";
        Map<String, Object> card = Map.of("scores", Map.of("message", 4), "status", "DRAFT");
        juror.api().contentType(io.restassured.http.ContentType.JSON).header("If-None-Match", "*").body(card)
                .put(api).then().statusCode(200).header("ETag", "\"0\"");
        juror.api().contentType(io.restassured.http.ContentType.JSON).header("If-None-Match", "*")
                .body(Map.of("scores", Map.of("message", 6), "status", "DRAFT")).put(api).then().statusCode(412)
                .body("currentVersion", org.hamcrest.Matchers.equalTo(0))
                .body("detail", org.hamcrest.Matchers.containsString("already"));
        juror.api().contentType(io.restassured.http.ContentType.JSON).header("If-None-Match", "\"0\"")
                .body(Map.of("scores", Map.of("message", 6), "status", "DRAFT")).put(api).then().statusCode(400);
        assertThat(juror.api().get(api).jsonPath().getInt("scores.message")).isEqualTo(4);
    }

    /**
     * An entry the juror abstained from (the API's abstention) is done in their queue, shown as abstained, never
     * offered again by "submit and next", and its page has no form to fill (every save would be refused).
     */
    @Test
    void anAbstentionIsDoneInTheQueueAndItsPageOffersNoForm() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Abstained Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Abstain School"));
        long skipped = Fixtures.submittedEntry(school, cid, "poster", "Skipped Poster", List.of("Ila"),
                "posters/poster-01.jpg");
        long scored = Fixtures.submittedEntry(school, cid, "poster", "Scored Poster", List.of("Ira"),
                "posters/poster-02.jpg");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.Account spare = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(juror, spare));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        if (!Fixtures.queue(juror, cid).contains(skipped)) {
            juror = spare;
        }
        juror.api().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("status", "ABSTAINED", "abstainReason", "I know this poster"))
                .put("/api/entries/" + skipped + "/scorecard").then().statusCode(200);
        List<Long> mine = Fixtures.queue(juror, cid);
        assertThat(mine).contains(skipped);

        WebSession web = WebSession.signIn(juror.username(), juror.password());
        String done = web.get("/jury/competitions/" + cid + "?tab=done").asString();
        assertThat(done).contains("Skipped Poster").contains("Abstained")
                .contains((mine.contains(scored) ? "1 of 2" : "1 of 1") + " scored");
        String entry = web.get("/jury/entries/" + skipped).asString();
        assertThat(entry).contains("You abstained from this entry").doesNotContain("name=\"action\"");
        if (mine.contains(scored)) {
            String page = "/jury/entries/" + scored;
            Response next = web.post(page, page + "/scorecard", Map.of("score.message", "5", "score.originality", "5",
                    "score.craft", "5", "action", "next"));
            assertThat(next.header("Location")).doesNotContain("/jury/entries/" + skipped).contains("finished");
        }
    }

    private static Map<String, Object> withToken(WebSession web, String page, Map<String, ?> form) {
        Map<String, Object> fields = new java.util.HashMap<>(form);
        fields.put("_csrf", web.token(page));
        return fields;
    }

    private static java.awt.image.BufferedImage readImage(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileHeldForAPrivacyCheckReachesJurorsOnlyOnceAnOrganiserReleasesIt() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Review Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Harbour School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Held Poster", List.of("Ines"),
                "posters/poster-01.jpg");
        long fid = Fixtures.organiser().get("/api/entries/" + eid).jsonPath().getLong("files[0].id");
        QuarkusTransaction.requiringNew().run(() -> EntryFile.update("review = ?1, reviewNote = ?2 where id = ?3",
                EntryFile.Review.REQUIRED, "A face may be recognisable", fid));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.assignEveryone(cid);

        WebSession jurorWeb = WebSession.signIn(juror.username(), juror.password());
        assertThat(jurorWeb.get("/jury/entries/" + eid).asString()).contains("This file is being checked")
                .doesNotContain("/files/" + eid + "/" + fid + "\"");
        assertThat(jurorWeb.get("/files/" + eid + "/" + fid).statusCode()).isEqualTo(409);
        assertThat(jurorWeb.get("/jury/competitions/" + cid).asString()).as("no thumbnail of a held file in the queue")
                .contains("Held Poster").doesNotContain("/files/" + eid + "/" + fid + "/thumbnail");

        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String page = "/organiser/entries/" + eid;
        assertThat(organiser.get(page).asString()).contains("A face may be recognisable").contains("/original");
        // A reason intake wrote is shown in the reader's language, never as the row's English words.
        QuarkusTransaction.requiringNew().run(() -> EntryFile.update("reviewNote = ?1 where id = ?2",
                org.juryroom.storage.ReviewNote.FRAGMENTED_MP4.text, fid));
        assertThat(organiser.get(page + "?lang=hi").asString()).contains("खंडित (fragmented) MP4")
                .doesNotContain(org.juryroom.storage.ReviewNote.FRAGMENTED_MP4.text);
        assertThat(organiser.get(page).asString()).contains("The video is a fragmented MP4");
        assertThat(WebSession.signIn(school.username(), school.password()).get("/school/entries/" + eid + "?lang=bn")
                .asString()).contains("খণ্ডিত (fragmented) MP4");
        Response released = organiser.post(page, page + "/files/" + fid + "/review", Map.of());
        assertThat(released.statusCode()).isEqualTo(303);
        assertThat(jurorWeb.get("/jury/entries/" + eid).asString()).doesNotContain("This file is being checked")
                .contains("/files/" + eid + "/" + fid);
        assertThat(jurorWeb.get("/files/" + eid + "/" + fid).statusCode()).isEqualTo(200);
        assertThat(jurorWeb.get("/jury/competitions/" + cid).asString()).contains("/files/" + eid + "/" + fid + "/thumbnail");
        assertThat(jurorWeb.get("/files/" + eid + "/" + fid + "/original").statusCode()).isEqualTo(404);
    }

    /**
     * The entry leaves the juror's work while they write (here they declare a conflict with its school in another
     * tab; a round's close, a reassignment or a hold do the same): the save is a 404 that names no reason and
     * nothing of the entry, and keeps what they wrote, to copy (the generic 404 page dropped it). An id that was
     * never theirs answers the same page. A screening vote whose round closed meanwhile keeps its comment too.
     */
    @Test
    void aSaveAfterTheEntryLeftTheJurorsWorkKeepsWhatTheyWroteAndSaysNothingOfWhy() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Gone Competition", 3, "Gone School", "Gone Poster", "Ila");
        WebSession web = WebSession.signIn(f.juror().username(), f.juror().password());
        String page = "/jury/entries/" + f.entryId();
        String wrote = "The colours carry the message well; the slogan at the bottom is hard to read from afar.";
        Map<String, Object> form = withToken(web, page, Map.of("score.message", "7", "score.craft", "x",
                "comment", wrote, "action", "submit"));
        f.juror().api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("schoolId", f.school().id()))
                .post("/api/me/conflicts").then().statusCode(201);

        Response gone = web.postRaw(page + "/scorecard", form);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.asString()).contains("Not saved: this entry is no longer in your work")
                .contains(">" + wrote + "</textarea>").contains("message: 7").contains("craft: x")
                .doesNotContain(f.school().name()).doesNotContain("Gone Poster");
        long nowhere = f.entryId() + 1_000_000;
        Response never = web.postRaw("/jury/entries/" + nowhere + "/scorecard", form);
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(never.asString().replace("/jury/entries/" + nowhere + "/", "/jury/entries/" + f.entryId() + "/"))
                .as("the language switch's way back aside").isEqualTo(gone.asString());
        Response hindi = web.postRaw(page + "/scorecard?lang=hi", form);
        assertThat(hindi.statusCode()).isEqualTo(404);
        assertThat(hindi.asString()).contains("सहेजा नहीं गया: यह प्रविष्टि अब आपके काम में नहीं है")
                .contains(">" + wrote + "</textarea>");

        Fixtures.ScreeningDesk desk = Fixtures.screeningDesk("Gone Vote");
        Fixtures.Account school = desk.school();
        long cid = desk.cid();
        long eid = desk.entryId();
        WebSession voter = WebSession.signIn(desk.juror().username(), desk.juror().password());
        String votePage = "/jury/entries/" + eid;
        Map<String, Object> vote = withToken(voter, votePage, Map.of("vote", "YES", "comment", wrote));
        Fixtures.organiser().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("acceptFewer", List.of(eid), "reason", "closing on time"))
                .post("/api/competitions/{cid}/rounds/{rid}/close", cid, Fixtures.rounds(cid).get(0))
                .then().statusCode(200);
        Response late = voter.postRaw(votePage + "/screening", vote);
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.asString()).contains("Not saved: this entry is no longer in your work")
                .contains(">" + wrote + "</textarea>").doesNotContain(school.name());
    }

    /** The shortlist freezes while the juror writes: the refusal says so and the text stays, in a box it can be copied from. */
    @Test
    void aSaveAfterTheFreezeKeepsWhatWasWrittenWhereItCanBeCopied() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Frozen Typing Competition", 3, "Frozen School",
                "Frozen Poster", "Ila");
        Fixtures.score(f.juror(), f.entryId(), 7, 7, 7);
        WebSession web = WebSession.signIn(f.juror().username(), f.juror().password());
        String page = "/jury/entries/" + f.entryId();
        String wrote = "A second look: the small print in the corner matters more than I first thought.";
        Map<String, Object> form = withToken(web, page, Map.of("score.message", "6", "score.originality", "7",
                "score.craft", "7", "comment", wrote, "action", "submit"));
        Fixtures.freeze(f.cid());

        Response refused = web.postRaw(page + "/scorecard", form);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("Your scores were not saved")
                .containsPattern("<textarea id=\"comment\" name=\"comment\" maxlength=\"5000\" readonly[^>]*>"
                        + java.util.regex.Pattern.quote(wrote) + "</textarea>")
                .doesNotContainPattern("<textarea id=\"comment\"[^>]*disabled");
    }

    @Test
    void aJurorDeclaresAConflictOnTheDeskAndThatSchoolsEntriesLeaveTheQueue() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Declared Competition"), 3);
        Fixtures.Account known = Fixtures.school(Fixtures.unique("Known School"));
        Fixtures.Account other = Fixtures.school(Fixtures.unique("Other School"));
        long mine = Fixtures.submittedEntry(known, cid, "poster", "Known Poster", List.of("Asha"), "posters/poster-01.jpg");
        long theirs = Fixtures.submittedEntry(other, cid, "poster", "Other Poster", List.of("Bela"), "posters/poster-02.jpg");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.jury(cid, List.of(juror));
        Fixtures.transition(cid, "JUDGING");
        Fixtures.assign(cid, 1);
        WebSession web = WebSession.signIn(juror.username(), juror.password());
        String queue = "/jury/competitions/" + cid;
        assertThat(web.get(queue).asString()).contains("Known Poster").contains("Other Poster")
                .contains("href=\"/jury/conflicts\"");

        String picker = web.get("/jury/conflicts").asString();
        assertThat(picker).contains("<optgroup label=\"Test District\">").contains(known.name())
                .contains("value=\"" + known.id() + "\"").doesNotContain("Known Poster").doesNotContain("/jury/entries/");
        assertThat(web.get("/jury/conflicts?district=Test District").asString()).contains(known.name());
        assertThat(web.get("/jury/conflicts?district=Nowhere").asString()).doesNotContain(known.name());

        Response refused = web.post("/jury/conflicts", "/jury/conflicts", Map.of("reason", "no school chosen"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("The conflict was not declared");

        Response declared = web.post("/jury/conflicts", "/jury/conflicts", Map.of("schoolId",
                String.valueOf(known.id()), "reason", "My niece studies there"));
        assertThat(declared.statusCode()).isEqualTo(303);
        assertThat(declared.header("Location")).endsWith("/jury/conflicts?declared");
        String after = web.get("/jury/conflicts?declared").asString();
        assertThat(after).contains("Your conflict is declared.").contains("My niece studies there")
                .doesNotContainPattern("\\b1 (entry|entries)\\b");
        assertThat(Fixtures.juror(Fixtures.unique("Probe")).api().get("/api/me/conflicts").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        assertThat(juror.api().get("/api/me/conflicts").jsonPath().getList("items.schoolId", Long.class))
                .containsExactly(known.id());

        String queueAfter = web.get(queue + "?tab=todo").asString();
        assertThat(queueAfter).doesNotContain("Known Poster").contains("Other Poster").contains("0 of 1 scored");
        assertThat(web.get("/jury/entries/" + mine).statusCode()).isEqualTo(404);
        assertThat(web.get("/jury/entries/" + theirs).statusCode()).isEqualTo(200);
        assertThat(web.post("/jury/conflicts", "/jury/conflicts", Map.of("schoolId", String.valueOf(known.id())))
                .header("Location")).endsWith("?existed");
    }

    @Test
    void noSchoolNameAppearsOnTheJurorsPagesButInTheConflictPicker() {
        Fixtures.OnePoster f = Fixtures.onePosterInJudging("Blind Competition", 3, "Willow School", "Blind Poster",
                "Chitra");
        long cid = f.cid();
        long eid = f.entryId();
        Fixtures.Account school = f.school();
        Fixtures.Account juror = f.juror();
        List<String> schools = Fixtures.organiser().get("/api/schools?size=500").jsonPath().getList("items.name");
        assertThat(schools).contains(school.name());
        WebSession web = WebSession.signIn(juror.username(), juror.password());
        web.post("/jury/entries/" + eid, "/jury/entries/" + eid + "/scorecard",
                Map.of("score.message", "5", "action", "draft"));

        List<String> pages = List.of("/jury", "/jury/competitions/" + cid, "/jury/competitions/" + cid + "?tab=todo",
                "/jury/competitions/" + cid + "?tab=drafts", "/jury/competitions/" + cid + "?tab=done",
                "/jury/entries/" + eid, "/jury/entries/" + eid + "?drafted");
        for (String path : pages) {
            Response r = web.get(path);
            if (r.statusCode() == 303) {
                r = web.get(r.header("Location").replaceAll("^https?://[^/]+", ""));
            }
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String html = r.asString();
            for (String name : schools) {
                assertThat(html).as("%s shows the school %s", path, name).doesNotContain(name)
                        .doesNotContain(name.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;"));
            }
        }
        assertThat(web.get("/jury/competitions/" + cid + "?tab=drafts").asString()).contains("Blind Poster");
        assertThat(web.get("/jury/conflicts").asString()).contains(school.name());
    }
}
