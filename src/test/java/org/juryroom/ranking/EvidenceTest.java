package org.juryroom.ranking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.ranking.math.JurorTotal;
import org.juryroom.ranking.math.Normalisation;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.ranking.math.NormalisedTotal;
import org.juryroom.web.WebSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The organiser sees the evidence behind a ranking (every juror's marks, comment, raw and
 * normalised totals, with names) on the API, the entry page and each disagreement card; jurors
 * never see another juror's name or normalised total.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class EvidenceTest {

    /** Full precision: REST Assured reads JSON decimals as floats by default. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private static void card(JurorAccount juror, long eid, int message, int craft, String comment, String status) {
        juror.login().as().contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("message", message, "craft", craft), "comment", comment,
                        "status", status))
                .put("/api/entries/{eid}/scorecard", eid).then().statusCode(200);
    }

    private static String key(long jurorId, long entryId) {
        return jurorId + "/" + entryId;
    }

    @Test
    void theOrganiserReadsEveryJurorsMarksCommentsAndTheNormalisedTotalsTheRankingCounts() {
        World w = JudgingFixtures.world(2, 3, 4, 1);
        JudgingFixtures.assign(w.cid(), 4, 1).then().statusCode(201);
        Random rnd = new Random(13);
        List<JurorTotal> totals = new ArrayList<>();
        Map<String, int[]> marks = new HashMap<>();
        for (int j = 0; j < 3; j++) {
            for (long eid : w.entries()) {
                int message = 1 + rnd.nextInt(10);
                int craft = rnd.nextInt(6);
                card(w.juror(j), eid, message, craft, "note " + j + " on " + eid, "SUBMITTED");
                totals.add(new JurorTotal(w.juror(j).id(), eid, JudgingFixtures.total(message, craft)));
                marks.put(key(w.juror(j).id(), eid), new int[]{message, craft});
            }
        }
        long first = w.entry(0);
        card(w.juror(3), first, 2, 2, "half done", "DRAFT");

        JsonPath ranking = ORGANISER.as().get("/api/competitions/{cid}/ranking", w.cid()).then().statusCode(200)
                .extract().jsonPath().using(DOUBLES);
        assertThat(ranking.getString("method")).isEqualTo("Z_SCORE");
        Map<String, Double> expected = new HashMap<>();
        for (NormalisedTotal t : Normalisation.normalise(totals, NormalisationMethod.Z_SCORE)) {
            expected.put(key(t.jurorId(), t.entryId()), t.value());
        }
        for (long eid : w.entries()) {
            JsonPath all = ORGANISER.as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(200)
                    .extract().jsonPath().using(DOUBLES);
            List<Map<String, Object>> cards = all.getList("all");
            double sum = 0;
            int counted = 0;
            for (Map<String, Object> c : cards) {
                long jurorId = ((Number) c.get("jurorId")).longValue();
                JurorAccount juror = w.jurors().stream().filter(j -> j.id() == jurorId).findFirst().orElseThrow();
                assertThat(c.get("jurorName")).isEqualTo(juror.name());
                if (juror == w.juror(3)) {
                    assertThat(c.get("status")).isEqualTo("DRAFT");
                    assertThat(c.get("counted")).isEqualTo(false);
                    assertThat(c.get("normalisedTotal")).as("a draft is not in the ranking").isNull();
                    assertThat(c.get("comment")).isEqualTo("half done");
                    continue;
                }
                int[] m = marks.get(key(jurorId, eid));
                @SuppressWarnings("unchecked")
                Map<String, Object> scores = (Map<String, Object>) c.get("scores");
                assertThat(scores).containsEntry("message", m[0]).containsEntry("craft", m[1]);
                assertThat(c.get("comment")).isEqualTo("note " + w.jurors().indexOf(juror) + " on " + eid);
                assertThat(((Number) c.get("total")).doubleValue())
                        .isCloseTo(JudgingFixtures.total(m[0], m[1]), within(1e-6));
                double normalised = ((Number) c.get("normalisedTotal")).doubleValue();
                assertThat(normalised).as("z-score of juror %s on %s", jurorId, eid)
                        .isCloseTo(expected.get(key(jurorId, eid)), within(1e-6));
                sum += normalised;
                counted++;
            }
            assertThat(cards).hasSize(eid == first ? 4 : 3);
            // The evidence adds up to the ranking: an entry's score is the mean of its normalised totals.
            double score = ranking.getDouble("rows.find { it.entryId == " + eid + " }.score");
            assertThat(sum / counted).isCloseTo(score, within(1e-6));
        }
        // Each juror has six scorecards: z-scores apply, so normalised totals are not just the raw ones.
        assertThat(totals).anyMatch(t -> Math.abs(expected.get(key(t.jurorId(), t.entryId())) - t.total()) > 0.01);

        // With raw means the evidence's normalised total is the raw total, and still adds up to the ranking.
        ORGANISER.as().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("rankingMethod", "RAW_MEAN", "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", w.cid()).then().statusCode(200);
        JsonPath raw = ORGANISER.as().get("/api/competitions/{cid}/ranking", w.cid()).then().statusCode(200)
                .extract().jsonPath().using(DOUBLES);
        assertThat(raw.getString("method")).isEqualTo("RAW_MEAN");
        for (long eid : w.entries()) {
            List<Map<String, Object>> counted = ORGANISER.as().get("/api/entries/{eid}/scorecards", eid).then()
                    .statusCode(200).extract().jsonPath().using(DOUBLES).<Map<String, Object>>getList("all").stream()
                    .filter(c -> Boolean.TRUE.equals(c.get("counted"))).toList();
            assertThat(counted).hasSize(3);
            for (Map<String, Object> c : counted) {
                assertThat(((Number) c.get("normalisedTotal")).doubleValue())
                        .isCloseTo(((Number) c.get("total")).doubleValue(), within(1e-9));
            }
            assertThat(counted.stream().mapToDouble(c -> ((Number) c.get("total")).doubleValue()).average()
                    .orElseThrow()).isCloseTo(raw.getDouble("rows.find { it.entryId == " + eid + " }.score"),
                    within(1e-6));
        }

        // A juror reads the others' marks without names, comments or normalised totals.
        String peers = w.juror(0).login().as().get("/api/entries/{eid}/scorecards", first).then().statusCode(200)
                .extract().asString();
        assertThat(peers).doesNotContain("normalisedTotal").doesNotContain(w.juror(1).name())
                .doesNotContain(w.juror(2).name()).doesNotContain("note 1").doesNotContain("jurorId");
    }

    @Test
    void theEntryPageAndTheDisagreementCardShowEveryJurorsScorecard() {
        World w = JudgingFixtures.world(1, 2, 2, 1);
        JudgingFixtures.assign(w.cid(), 2, 3).then().statusCode(201);
        long split = w.entry(0);
        card(w.juror(0), split, 10, 5, "Bold and clear", "SUBMITTED");
        card(w.juror(1), split, 1, 0, "Misses the brief", "SUBMITTED");
        card(w.juror(0), w.entry(1), 5, 2, "Fine", "SUBMITTED");
        card(w.juror(1), w.entry(1), 6, 3, "Fine too", "SUBMITTED");
        WebSession organiser = WebSession.signIn(ORGANISER.username(), ORGANISER.password());

        String entryPage = organiser.get("/organiser/entries/" + split).then().statusCode(200).extract().asString();
        String section = between(entryPage, "id=\"scorecards\"", "</section>");
        assertThat(section).contains("Every juror&#39;s scorecard").contains(w.juror(0).name())
                .contains(w.juror(1).name()).contains("Bold and clear").contains("Misses the brief")
                .contains("<td class=\"num\">10</td>").contains("100.00").contains("0.00")
                .contains("title=\"Message (1–10)\"");

        // 100 points apart, shortlist of 1: the entry waits for a decision, and its card shows the evidence.
        String rankingPage = organiser.get("/organiser/competitions/" + w.cid() + "/ranking").then().statusCode(200)
                .extract().asString();
        String decision = between(rankingPage, "id=\"decide-" + split + "\"", "</form>");
        assertThat(decision).contains(w.juror(0).name()).contains(w.juror(1).name()).contains("Bold and clear")
                .contains("Misses the brief").contains("<strong>100.00</strong>").contains("<strong>0.00</strong>");
        assertThat(rankingPage).doesNotContain("id=\"decide-" + w.entry(1) + "\"");

        // The card names the scorecards it shows: a decision on them holds, one on scores changed since is refused.
        String shown = ORGANISER.as().get("/api/entries/{eid}/scorecards", split).then().extract().jsonPath()
                .getString("scorecards");
        assertThat(decision).contains("name=\"scorecards\" value=\"" + shown + "\"");
        String page = "/organiser/competitions/" + w.cid() + "/ranking";
        card(w.juror(1), split, 2, 0, "Misses the brief", "SUBMITTED");
        Response stale = organiser.post(page, "/organiser/competitions/" + w.cid() + "/adjudications",
                Map.of("entryId", String.valueOf(split), "decision", "CONFIRM", "scorecards", shown));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.asString()).contains("changed since you read them");
        String fresh = between(organiser.get(page).asString(), "id=\"decide-" + split + "\"", "</form>");
        String now = ORGANISER.as().get("/api/entries/{eid}/scorecards", split).then().extract().jsonPath()
                .getString("scorecards");
        assertThat(fresh).contains("name=\"scorecards\" value=\"" + now + "\"");
        Response decided = organiser.post(page, "/organiser/competitions/" + w.cid() + "/adjudications",
                Map.of("entryId", String.valueOf(split), "decision", "CONFIRM", "scorecards", now));
        assertThat(decided.statusCode()).isEqualTo(303);
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/adjudications", w.cid()).jsonPath()
                .getList("current", Boolean.class)).containsExactly(true);
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as("page contains " + from).isNotNegative();
        int end = html.indexOf(to, start);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
