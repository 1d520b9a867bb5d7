package org.juryroom.judging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;
import org.juryroom.support.OwnJuryPool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.juryroom.support.Api.ESSAY;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.anonymous;
import static org.juryroom.support.Api.organiser;
import static org.juryroom.support.Api.scores;
import static org.juryroom.support.Api.unique;

/**
 * The whole judging flow over HTTP, as the organiser, three schools, four jurors and the public
 * see it: competition → entries → judging → ranking → frozen shortlist → public shortlist.
 *
 * <p>Runs on a stack of its own ({@link OwnJuryPool}): the jury pool is global, and the balance
 * and coverage of the assignment can only be checked when the four jurors here are all there is.
 */
@QuarkusTest
@TestProfile(OwnJuryPool.class)
class JudgingFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Each entry gets two scorecards: the first juror to reach it gives card P, the second card Q,
     * so the expected mean does not depend on which jurors the (random) assignment picks.
     * Rubric: message ×4, creativity ×3, clarity ×2, safety ×1, all on 0..10, so a card's total
     * on the 0..100 scale is 100·Σ(w·s/10)/Σw = Σ w·s. The competition ranks by RAW_MEAN:
     * <pre>
     * entry  card P (m,c,cl,s)   total  card Q (m,c,cl,s)   total  mean
     * E1     9, 9, 9, 9           90    8, 8, 8, 8           80    85.0
     * E2    10, 8, 6, 4           80    8, 8, 7, 6           76    78.0
     * E3     5, 7,10,10           71    6, 6, 9, 9           69    70.0
     * E4     6, 6, 6, 8           62    7, 5, 6, 8           63    62.5
     * E5     5, 5, 5, 5           50    4, 5, 6, 6           49    49.5
     * </pre>
     * The weights matter: unweighted, E3 (mean 7.75 per criterion) would beat E2 (7.125).
     * Expected order E1 > E2 > E3 > E4 > E5; with shortlistSize 2 the shortlist is E1, E2.
     */
    private static final double[] EXPECTED_MEANS = {85.0, 78.0, 70.0, 62.5, 49.5};
    private static final List<List<Map<String, Integer>>> CARDS = List.of(
            List.of(scores(9, 9, 9, 9), scores(8, 8, 8, 8)),
            List.of(scores(10, 8, 6, 4), scores(8, 8, 7, 6)),
            List.of(scores(5, 7, 10, 10), scores(6, 6, 9, 9)),
            List.of(scores(6, 6, 6, 8), scores(7, 5, 6, 8)),
            List.of(scores(5, 5, 5, 5), scores(4, 5, 6, 6)));
    private static final double[][] CARD_TOTALS = {{90, 80}, {80, 76}, {71, 69}, {62, 63}, {50, 49}};

    @Test
    void competitionToPublishedShortlist() throws Exception {
        // ---- The organiser sets up the competition, the schools and the jury ----
        long cid = Api.createCompetition(c -> {
            c.put("shortlistSize", 2);
            c.put("maxEntriesPerSchool", 3);
            c.put("rankingMethod", "RAW_MEAN");
        });
        organiser().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("allowedTransitions", contains("OPEN"))
                .body("shortlistSize", equalTo(2)).body("rankingMethod", equalTo("RAW_MEAN"))
                .body("criteria.code", contains(Api.CRITERIA.toArray()));
        Api.transition(cid, "OPEN");

        Account riverside = Api.createSchool(unique("Riverside Primary"));
        Account lakeside = Api.createSchool(unique("Lakeside Public School"));
        Account hillside = Api.createSchool(unique("Hillside High"));
        List<Account> jurors = List.of(Api.createJuror(), Api.createJuror(), Api.createJuror(), Api.createJuror());

        // ---- Schools enter real sample files and submit ----
        List<Long> entries = List.of(
                entry(riverside, cid, POSTER, "Think Before You Share!", true, List.of("Ananya", "Kabir"),
                        "posters/poster-01.jpg"),
                entry(lakeside, cid, POSTER, "Not Everyone Is Who They Say They Are", false, List.of("Meher"),
                        "posters/poster-07.png"),
                entry(hillside, cid, ESSAY, "Why I Do Not Share My Password Anymore", true, List.of("Rohan"),
                        "essays/essay-01.pdf"),
                entry(riverside, cid, ESSAY, "My Five Rules for Being Safe Online", true, List.of("Tara"),
                        "essays/essay-03.pdf"),
                entry(lakeside, cid, ESSAY, "Screenshots Last Forever", true, List.of("Vivaan"),
                        "essays/essay-04.pdf"));
        List<Account> owners = List.of(riverside, lakeside, hillside, riverside, lakeside);
        for (int i = 0; i < entries.size(); i++) {
            Api.submit(owners.get(i), entries.get(i));
        }
        // A draft that is never submitted: never assigned, never ranked.
        long draft = entry(hillside, cid, POSTER, "Tell a Trusted Adult", true, List.of("Zoya"),
                "posters/poster-02.jpg");

        // ---- Judging: two distinct jurors per submitted entry, balanced loads ----
        Api.transition(cid, "JUDGING");
        int assigned = Api.assign(cid, 2);
        assertThat(assigned).isEqualTo(2 * entries.size());

        Map<Long, Set<Long>> jurorsByEntry = new HashMap<>();
        Map<Account, List<Long>> queues = new LinkedHashMap<>();
        for (Account juror : jurors) {
            List<Map<String, Object>> queue = Api.queue(juror, cid);
            List<Long> ids = queue.stream().map(item -> ((Number) item.get("entryId")).longValue()).toList();
            assertThat(ids).as("a juror's queue lists each entry once").doesNotHaveDuplicates();
            assertThat(queue).allSatisfy(item -> {
                assertThat(item.get("scorecardStatus")).isEqualTo("NONE");
                assertThat((String) item.get("code")).matches("E-[2-9A-Z]{5}");
            });
            queues.put(juror, ids);
            ids.forEach(id -> jurorsByEntry.computeIfAbsent(id, x -> new HashSet<>()).add(juror.id()));
        }
        assertThat(jurorsByEntry.keySet()).containsExactlyInAnyOrderElementsOf(entries).doesNotContain(draft);
        assertThat(jurorsByEntry.values()).allSatisfy(js -> assertThat(js).hasSize(2));
        IntSummaryStatistics loads = queues.values().stream().mapToInt(List::size).summaryStatistics();
        assertThat(loads.getSum()).as("every assignment went to one of our four jurors").isEqualTo(assigned);
        assertThat(loads.getMax() - loads.getMin()).as("loads %s", queues.values()).isLessThanOrEqualTo(1);

        // ---- Each juror scores the queue; a draft first, which counts for nothing ----
        Account first = jurors.get(0);
        long firstEntry = queues.get(first).get(0);
        Api.putScorecard(first, firstEntry, Map.of("message", 3), "DRAFT").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        assertThat(Api.queue(first, cid)).filteredOn(item -> ((Number) item.get("entryId")).longValue() == firstEntry)
                .singleElement().satisfies(item -> assertThat(item.get("scorecardStatus")).isEqualTo("DRAFT"));

        Map<Long, Integer> cardsGiven = new HashMap<>();
        for (Account juror : jurors) {
            for (long entryId : queues.get(juror)) {
                int index = entries.indexOf(entryId);
                int card = cardsGiven.merge(entryId, 1, Integer::sum) - 1;
                double total = Api.putScorecard(juror, entryId, CARDS.get(index).get(card), "SUBMITTED")
                        .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                        .extract().jsonPath().getDouble("total");
                assertThat(total).isCloseTo(CARD_TOTALS[index][card], within(1e-9));
            }
            assertThat(Api.queue(juror, cid)).allSatisfy(item ->
                    assertThat(item.get("scorecardStatus")).isEqualTo("SUBMITTED"));
        }

        // ---- Ranking: the order and means computed by hand above ----
        JsonPath ranking = organiser().get("/api/competitions/{cid}/ranking", cid).then().statusCode(200)
                .body("method", equalTo("RAW_MEAN")).body("rows", hasSize(entries.size()))
                .extract().jsonPath();
        assertThat(ranking.getList("rows.entryId", Long.class)).containsExactlyElementsOf(entries);
        assertThat(ranking.getList("rows.rank", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranking.getList("rows.jurorCount", Integer.class)).containsOnly(2);
        List<Double> rankedScores = ranking.getList("rows.score", Double.class);
        for (int i = 0; i < EXPECTED_MEANS.length; i++) {
            assertThat(rankedScores.get(i)).as("score of E%d", i + 1).isCloseTo(EXPECTED_MEANS[i], within(1e-6));
        }
        assertThat(ranking.getList("rows.schoolName", String.class))
                .containsExactly(riverside.name(), lakeside.name(), hillside.name(), riverside.name(), lakeside.name());

        // ---- The public sees nothing before publication ----
        Api.problem(anonymous().get("/api/public/competitions/{cid}/shortlist", cid), 404);

        // ---- Freeze the top 2 ----
        String frozen = organiser().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201)
                .body("size", equalTo(2))
                .body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("frozenAt", notNullValue())
                .body("entries.rank", contains(1, 2))
                .body("entries.title", contains("Think Before You Share!", "Not Everyone Is Who They Say They Are"))
                .body("entries.schoolName", contains(riverside.name(), lakeside.name()))
                .extract().asString();
        JsonPath shortlist = JsonPath.from(frozen);
        assertThat(shortlist.getList("entries.entryId", Long.class)).containsExactly(entries.get(0), entries.get(1));
        assertThat(shortlist.getDouble("entries[0].score")).isCloseTo(85.0, within(1e-6));
        assertThat(shortlist.getDouble("entries[1].score")).isCloseTo(78.0, within(1e-6));
        organiser().get("/api/competitions/{cid}", cid).then().statusCode(200).body("status", equalTo("FROZEN"));

        String reread = organiser().get("/api/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .extract().asString();
        assertThat(JSON.readTree(reread)).isEqualTo(JSON.readTree(frozen));

        Api.problem(anonymous().get("/api/public/competitions/{cid}/shortlist", cid), 404);

        // ---- Publish: anyone may read it, with names only where the guardians agreed ----
        Api.transition(cid, "PUBLISHED");
        String published = anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .body("competition", notNullValue())
                .body("publishedAt", notNullValue())
                .body("entries", hasSize(2))
                .body("entries.rank", contains(1, 2))
                .body("entries.title", contains("Think Before You Share!", "Not Everyone Is Who They Say They Are"))
                .body("entries.schoolName", contains(riverside.name(), lakeside.name()))
                .body("entries.category", contains("Posters", "Posters"))
                .body("entries[0].participants", contains("Ananya", "Kabir"))
                .body("entries[1].participants", empty())
                .extract().asString();
        JsonNode publicTree = JSON.readTree(published);
        assertThat(publicTree.get("competition").asText()).startsWith("Stay Safe Online");
        assertThat(published).doesNotContain("Meher")
                .doesNotContain(shortlist.getString("entries[0].code"))
                .doesNotContain(shortlist.getString("entries[1].code"))
                .doesNotContain("Ms. Rao");
        for (JsonNode e : publicTree.get("entries")) {
            assertThat(e.has("entryId")).isFalse();
            assertThat(e.has("code")).isFalse();
            assertThat(e.has("score")).isFalse();
        }
    }

    private static long entry(Account school, long cid, String category, String title, boolean publishNames,
                              List<String> children, String sample) {
        Map<String, Object> body = Api.entryBody(category);
        body.put("title", title);
        List<Map<String, Object>> participants = new ArrayList<>();
        children.forEach(name -> participants.add(Api.participant(name, 6)));
        body.put("participants", participants);
        body.put("consent", Api.consent(true, true, publishNames));
        return Api.createEntry(school, cid, body, FilePart.sample(sample)).getLong("id");
    }
}
