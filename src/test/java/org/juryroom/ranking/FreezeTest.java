package org.juryroom.ranking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

@QuarkusTest
@TestProfile(JudgingProfile.class)
class FreezeTest {

    @Inject
    EntityManager em;

    private static Response freeze(long cid) {
        return ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid);
    }

    private static Response adjudicate(long cid, long eid, String decision) {
        return ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("entryId", eid, "decision", decision, "note", "Looked at all three scorecards"))
                .post("/api/competitions/{cid}/adjudications", cid);
    }

    private static JsonPath ranking(long cid) {
        return JudgingFixtures.json(ORGANISER.as().queryParam("size", 1000).get("/api/competitions/{cid}/ranking", cid)
                .then().statusCode(200).extract().response());
    }

    private static void maxSpread(long cid, double spread) {
        ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", spread))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200)
                .body("disagreementMaxSpread", equalTo((float) spread));
    }

    @Test
    void disagreementThresholdsCanBeSetWithTheCompetitionAndChangedUntilTheFreeze() {
        long cid = JudgingFixtures.openCompetition(3, Map.of("disagreementMaxSpread", 12.5,
                "disagreementMaxStdDev", 6));
        ORGANISER.as().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("disagreementMaxSpread", equalTo(12.5f)).body("disagreementMaxStdDev", equalTo(6.0f));
        ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("rankingMethod", "RAW_MEAN", "disagreementMaxSpread", 101))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(422);
        maxSpread(cid, 40);
        ORGANISER.as().get("/api/competitions/{cid}", cid).then().body("disagreementMaxStdDev", equalTo(null));
        ORGANISER.as().queryParam("action", "RANKING_SETTINGS_CHANGED").get("/api/competitions/{cid}/audit", cid)
                .then().body("items[0].before.disagreementMaxSpread", equalTo(12.5f))
                .body("items[0].after.disagreementMaxSpread", equalTo(40.0f));
    }

    @Test
    void flaggedEntriesNearTheCutNeedACurrentDecisionBeforeTheFreeze() {
        World w = JudgingFixtures.world(2, 2, 3, 1);
        JudgingFixtures.assign(w.cid(), 3, 1).then().statusCode(201);
        long disputed = w.entry(0);
        // Jurors agree on every entry except the first: 10/5, 10/5 and 1/0 (raw totals 100, 100, 0).
        int[][] agreed = {{5, 2}, {6, 3}, {2, 1}};
        for (JurorAccount j : w.jurors()) {
            for (int i = 1; i < 4; i++) {
                JudgingFixtures.submitScore(j, w.entry(i), agreed[i - 1][0], agreed[i - 1][1]);
            }
        }
        JudgingFixtures.submitScore(w.juror(0), disputed, 10, 5);
        JudgingFixtures.submitScore(w.juror(1), disputed, 10, 5);
        JudgingFixtures.submitScore(w.juror(2), disputed, 1, 0);

        // The threshold is the competition's: at 100 points nothing is flagged, at 30 the disputed entry is.
        maxSpread(w.cid(), 100);
        assertThat(ranking(w.cid()).getList("rows.flagged", Boolean.class)).containsOnly(false);
        maxSpread(w.cid(), 30);
        JsonPath r = ranking(w.cid());
        assertThat(r.getBoolean("rows.find { it.entryId == " + disputed + " }.flagged")).isTrue();
        assertThat(r.getBoolean("rows.find { it.entryId == " + disputed + " }.needsAdjudication")).isTrue();
        assertThat(r.getString("disagreement")).contains("30.0");

        freeze(w.cid()).then().statusCode(409).body("entries", hasSize(1))
                .body("entries[0].entryId", equalTo((int) disputed)).body("entries[0].spread", equalTo(100.0f));

        // A CONFIRM on the current scorecards clears it...
        adjudicate(w.cid(), disputed, "CONFIRM").then().statusCode(201).body("current", equalTo(true))
                .body("spread", equalTo(100.0f));
        assertThat(ranking(w.cid()).getBoolean("rows.find { it.entryId == " + disputed + " }.needsAdjudication"))
                .isFalse();
        // A decision names the scorecards it was made on, as the organiser read them: if one changed meanwhile,
        // the decision is refused (412) and nothing is recorded; on the scorecards that count now it holds.
        String read = ORGANISER.as().get("/api/entries/{eid}/scorecards", disputed).then().statusCode(200)
                .extract().jsonPath().getString("scorecards");
        assertThat(read).matches("\\d+:\\d+,\\d+:\\d+,\\d+:\\d+");
        JudgingFixtures.submitScore(w.juror(2), disputed, 2, 0);
        String now = ORGANISER.as().get("/api/entries/{eid}/scorecards", disputed).then().extract().jsonPath()
                .getString("scorecards");
        assertThat(now).isNotEqualTo(read);
        int decisions = ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).jsonPath()
                .getList("id").size();
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("entryId", disputed, "decision", "CONFIRM",
                        "scorecards", read)).post("/api/competitions/{cid}/adjudications", w.cid())
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentScorecards", equalTo(now)).body("detail", containsString("changed since you read them"));
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).jsonPath().getList("id"))
                .hasSize(decisions);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("entryId", disputed, "decision", "CONFIRM",
                        "scorecards", now)).post("/api/competitions/{cid}/adjudications", w.cid())
                .then().statusCode(201).body("current", equalTo(true));
        // ...until a scorecard changes: the decision was made on other scores.
        JudgingFixtures.submitScore(w.juror(2), disputed, 3, 0);
        assertThat(ranking(w.cid()).getBoolean("rows.find { it.entryId == " + disputed + " }.needsAdjudication"))
                .isTrue();
        freeze(w.cid()).then().statusCode(409);

        // Asking another juror needs someone eligible; then the new juror is assigned at once.
        adjudicate(w.cid(), disputed, "REQUEST_JUROR").then().statusCode(409)
                .body("detail", containsString("No eligible juror"));
        JurorAccount fourth = JudgingFixtures.juror();
        Map<Long, List<String>> jury = new LinkedHashMap<>();
        w.jurors().forEach(j -> jury.put(j.id(), List.of()));
        jury.put(fourth.id(), List.of());
        JudgingFixtures.panels(w.cid(), jury);
        adjudicate(w.cid(), disputed, "REQUEST_JUROR").then().statusCode(201)
                .body("addedJurorId", equalTo((int) fourth.id())).body("addedJurorName", equalTo(fourth.name()));
        assertThat(JudgingFixtures.queue(fourth, w.cid())).containsExactly(disputed);
        freeze(w.cid()).then().statusCode(409);
        JudgingFixtures.submitScore(fourth, disputed, 9, 4);
        freeze(w.cid()).then().statusCode(409);
        adjudicate(w.cid(), disputed, "CONFIRM").then().statusCode(201);
        ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).then().statusCode(200)
                .body("decision", equalTo(List.of("CONFIRM", "CONFIRM", "REQUEST_JUROR", "CONFIRM")))
                .body("current", equalTo(List.of(false, false, false, true)));

        freeze(w.cid()).then().statusCode(201).body("entries", hasSize(1));
        adjudicate(w.cid(), disputed, "CONFIRM").then().statusCode(409);
    }

    @Test
    void onlyFlaggedEntriesRankedUpToShortlistSizePlusFiveHoldTheFreeze() {
        // Shortlist 1: ranks 1 to 6 are in or near the cut. Three jurors score all eight entries (message,
        // craft); they agree on all but X and Y, which fall at ranks 6 and 7 either way (see docs/judging.md).
        World w = JudgingFixtures.world(2, 4, 3, 1);
        JudgingFixtures.assign(w.cid(), 3, 1).then().statusCode(201);
        int[][][] marks = {
                {{10, 5}, {10, 5}, {10, 5}}, {{10, 4}, {10, 4}, {10, 4}}, {{9, 4}, {9, 4}, {9, 4}},
                {{9, 3}, {9, 3}, {9, 3}}, {{8, 3}, {8, 3}, {8, 3}},
                {{10, 5}, {7, 2}, {2, 1}}, // X: totals 100, 58, 14
                {{8, 3}, {3, 1}, {2, 0}}, // Y: totals 72, 21, 7
                {{2, 0}, {2, 0}, {2, 0}}};
        for (int e = 0; e < marks.length; e++) {
            for (int j = 0; j < 3; j++) {
                JudgingFixtures.submitScore(w.juror(j), w.entry(e), marks[e][j][0], marks[e][j][1]);
            }
        }
        long nearCut = w.entry(5);
        long belowIt = w.entry(6);
        maxSpread(w.cid(), 30);
        JsonPath r = ranking(w.cid());
        assertThat(r.getList("rows.entryId", Long.class)).containsExactlyElementsOf(w.entries());
        assertThat(r.getInt("shortlistSize") + r.getInt("nearCutMargin")).isEqualTo(6);
        assertThat(r.getList("rows.flagged", Boolean.class))
                .containsExactly(false, false, false, false, false, true, true, false);
        assertThat(r.getList("rows.needsAdjudication", Boolean.class))
                .containsExactly(false, false, false, false, false, true, false, false);

        // Rank 6 blocks the freeze, and only it is named; rank 7, just as disputed, does not.
        freeze(w.cid()).then().statusCode(409).body("entries", hasSize(1))
                .body("entries[0].entryId", equalTo((int) nearCut));
        adjudicate(w.cid(), nearCut, "CONFIRM").then().statusCode(201);
        freeze(w.cid()).then().statusCode(201).body("entries", hasSize(1))
                .body("entries[0].entryId", equalTo((int) w.entry(0)));
        ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).then().statusCode(200)
                .body("entryId", equalTo(List.of((int) nearCut)));
        assertThat(ranking(w.cid()).getBoolean("rows.find { it.entryId == " + belowIt + " }.flagged")).isTrue();
    }

    @Test
    void theFreezeSealsRanksScoresAndScorecardsAndVerifyRecomputesTheDigest() throws Exception {
        World w = JudgingFixtures.world(3, 2, 3, 3);
        JudgingFixtures.assign(w.cid(), 2, 9).then().statusCode(201);
        int scorecards = 0;
        for (JurorAccount j : w.jurors()) {
            int n = 0;
            for (long eid : JudgingFixtures.queue(j, w.cid())) {
                JudgingFixtures.submitScore(j, eid, 3 + (int) ((eid * 7 + j.id()) % 5), (int) ((eid + n++) % 3));
                scorecards++;
            }
        }
        maxSpread(w.cid(), 100);
        List<Long> before = ranking(w.cid()).getList("rows.entryId", Long.class);

        JsonPath frozen = freeze(w.cid()).then().statusCode(201).body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("method", equalTo("Z_SCORE")).body("entries", hasSize(3)).extract().jsonPath();
        assertThat(frozen.getList("entries.entryId", Long.class)).containsExactlyElementsOf(before.subList(0, 3));
        String digest = frozen.getString("digest");
        ORGANISER.as().get("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(200)
                .body("digest", equalTo(digest));
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().statusCode(200)
                .body("valid", equalTo(true)).body("recomputedDigest", equalTo(digest))
                .body("scorecardsSealed", equalTo(scorecards)).body("rankingReproduces", equalTo(true));
        freeze(w.cid()).then().statusCode(409);
        // The sealed JSON is published byte for byte: anyone can hash it and compare.
        byte[] sealed = ORGANISER.as().get("/api/competitions/{cid}/shortlist/snapshot.json", w.cid()).then()
                .statusCode(200).extract().asByteArray();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(sealed))).isEqualTo(digest);
        JsonPath snapshot = new JsonPath(new String(sealed, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(snapshot.getList("scorecards")).hasSize(scorecards);
        assertThat(snapshot.getList("entries.entryId", Long.class)).containsExactlyElementsOf(before.subList(0, 3));

        // Later events cannot move a frozen ranking: a conflict declared now (it would drop a scorecard
        // of the winner) changes nothing in the re-run ranking.
        long winner = before.get(0);
        long winnerSchool = w.schools().stream().filter(s -> ORGANISER.as().get("/api/entries/{eid}", winner)
                .jsonPath().getLong("school.id") == s.id()).findFirst().orElseThrow().id();
        JurorAccount scorer = w.jurors().stream().filter(j -> JudgingFixtures.queue(j, w.cid()).contains(winner))
                .findFirst().orElseThrow();
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("jurorId", scorer.id(), "schoolId", winnerSchool))
                .post("/api/competitions/{cid}/conflicts", w.cid()).then().statusCode(201);
        JsonPath after = ranking(w.cid());
        assertThat(after.getBoolean("frozen")).isTrue();
        assertThat(after.getList("rows.entryId", Long.class)).containsExactlyElementsOf(before);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().body("valid", equalTo(true));

        // Tampering behind the application's back is detected: a changed mark...
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update score set value = value + 1 where scorecard_id = (select min(sc.id) from scorecard sc
                        join entry e on e.id = sc.entry_id where e.competition_id = ?1)
                          and criterion_id = (select min(id) from criterion where competition_id = ?1 and code = 'craft')""")
                .setParameter(1, w.cid()).executeUpdate());
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().statusCode(200)
                .body("valid", equalTo(false)).body("digestMatches", equalTo(true))
                .body("scorecardsUnchanged", equalTo(false)).body("changedScorecards", hasSize(1));
        // ...and so is an edited snapshot row.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update shortlist_entry set score = score + 1 where shortlist_id =
                        (select id from shortlist where competition_id = ?1) and rank = 1""")
                .setParameter(1, w.cid()).executeUpdate());
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", w.cid()).then().statusCode(200)
                .body("valid", equalTo(false)).body("digestMatches", equalTo(false))
                .body("digest", equalTo(digest));
    }

    @Test
    void publicationShowsOnlyWhatConsentAllowsAndUnpublishingIsLogged() {
        long cid = JudgingFixtures.openCompetition(3);
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String[] names = {JudgingFixtures.firstName(), JudgingFixtures.firstName(), JudgingFixtures.firstName()};
        long full = JudgingFixtures.draftEntry(cid, school, "Everything allowed", "s", List.of(names[0]), true, true);
        long noNames = JudgingFixtures.draftEntry(cid, school, "Work but no names", "s", List.of(names[1]), true, false);
        long titleOnly = JudgingFixtures.draftEntry(cid, school, "Title and school only", "s", List.of(names[2]), false,
                true);
        List<Long> entries = List.of(full, noNames, titleOnly);
        entries.forEach(e -> JudgingFixtures.submit(school, e));
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(juror, full, 9, 5);
        JudgingFixtures.submitScore(juror, noNames, 7, 3);
        JudgingFixtures.submitScore(juror, titleOnly, 5, 1);
        freeze(cid).then().statusCode(201);
        JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(404);
        JudgingFixtures.transition(cid, "PUBLISHED");

        Response pub = JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid);
        pub.then().statusCode(200).body("entries", hasSize(3))
                .body("entries[0].title", equalTo("Everything allowed"))
                .body("entries[0].participants", equalTo(List.of(names[0])))
                .body("entries[0].files", hasSize(1)).body("entries[0].category", equalTo("Poster"))
                .body("entries[1].participants", hasSize(0)).body("entries[1].files", hasSize(1))
                .body("entries[2].title", equalTo("Title and school only"))
                .body("entries[2].schoolName", equalTo(school.name()))
                .body("entries[2].workPublished", equalTo(false)).body("entries[2].files", hasSize(0))
                .body("entries[2].category", equalTo(null)).body("entries[2].participants", hasSize(0));
        assertThat(pub.asString()).doesNotContain(names[1]).doesNotContain(names[2]);
        String fileUrl = pub.jsonPath().getString("entries[0].files[0].url");
        JudgingFixtures.anonymous().get(fileUrl).then().statusCode(200).contentType("image/png");
        long hiddenFile = ORGANISER.as().get("/api/entries/{eid}", titleOnly).jsonPath().getLong("files[0].id");
        JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist/3/files/{fid}", cid, hiddenFile)
                .then().statusCode(404);

        JudgingFixtures.transition(cid, "FROZEN");
        JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(404);
        JudgingFixtures.anonymous().get(fileUrl).then().statusCode(404);
        ORGANISER.as().get("/api/competitions/{cid}/audit", cid).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("COMPETITION_PUBLISHED",
                        "COMPETITION_UNPUBLISHED", "SHORTLIST_FROZEN"))
                .body("items.find { it.action == 'COMPETITION_UNPUBLISHED' }.actor", equalTo("organiser"))
                .body("items.find { it.action == 'COMPETITION_UNPUBLISHED' }.before.status", equalTo("PUBLISHED"));
    }

    @Test
    void organisersExportShortlistAndRankingAsCsvAndPdf() throws Exception {
        World w = JudgingFixtures.world(2, 3, 2, 2);
        JudgingFixtures.assign(w.cid(), 2, 1).then().statusCode(201);
        for (JurorAccount j : w.jurors()) {
            for (long eid : w.entries()) {
                JudgingFixtures.submitScore(j, eid, 2 + (int) (eid % 8), (int) (eid % 5));
            }
        }
        // Ranking exports work before the freeze, shortlist exports after it.
        ORGANISER.as().get("/api/competitions/{cid}/exports/shortlist.csv", w.cid()).then().statusCode(404);
        String rankingCsv = ORGANISER.as().get("/api/competitions/{cid}/exports/ranking.csv", w.cid()).then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("ranking-" + w.cid() + ".csv")).extract().asString();
        List<org.apache.commons.csv.CSVRecord> records = parse(rankingCsv);
        assertThat(records).hasSize(6);
        assertThat(records.get(0).get("Rank")).isEqualTo("1");
        assertThat(records.get(0).get("Chance of the shortlist")).isNotEmpty();
        assertThat(records.stream().map(r -> r.get("School")).distinct())
                .containsExactlyInAnyOrder(w.school(0).name(), w.school(1).name());

        maxSpread(w.cid(), 100);
        String digest = freeze(w.cid()).then().statusCode(201).extract().jsonPath().getString("digest");
        List<org.apache.commons.csv.CSVRecord> shortlist = parse(ORGANISER.as()
                .get("/api/competitions/{cid}/exports/shortlist.csv", w.cid()).then().statusCode(200).extract()
                .asString());
        assertThat(shortlist).hasSize(2);
        assertThat(shortlist.get(0).toMap().keySet()).containsExactlyInAnyOrder("Rank", "Code", "Title", "School",
                "Category", "Score", "Median", "Jurors");

        for (String kind : List.of("shortlist", "ranking")) {
            byte[] pdf = ORGANISER.as().get("/api/competitions/{cid}/exports/" + kind + ".pdf", w.cid()).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertThat(text).contains(shortlist.get(0).get("School")).contains(shortlist.get(0).get("Code"))
                        .contains(kind);
                if (kind.equals("shortlist")) {
                    assertThat(text.replaceAll("\\s", "")).contains(digest);
                }
            }
        }
        w.juror(0).login().as().get("/api/competitions/{cid}/exports/ranking.csv", w.cid()).then().statusCode(403);
    }

    private static List<org.apache.commons.csv.CSVRecord> parse(String csv) throws java.io.IOException {
        return new ArrayList<>(org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.replaceFirst("^\uFEFF", "")))
                .getRecords()); // the export starts with a UTF-8 byte-order mark
    }
}
