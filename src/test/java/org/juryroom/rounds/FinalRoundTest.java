package org.juryroom.rounds;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.rounds.math.Schulze;
import org.juryroom.rounds.math.SchulzeResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.rounds.RoundsTest.close;
import static org.juryroom.rounds.RoundsTest.preview;
import static org.juryroom.rounds.RoundsTest.round;
import static org.juryroom.rounds.RoundsTest.rounds;

/**
 * SCREENING (k=2, quorum 1) → RUBRIC (k=3) → FINAL (5 jurors) through the API: a round's own jury,
 * the ballots, the close with a missing ballot excused, Schulze's result, its seal and publication.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
public class FinalRoundTest {

    @Inject
    EntityManager em;

    /** SCREENING (k, quorum), the competition's RUBRIC round, then FINAL (places, mentions): the three ids. */
    static long[] threeRounds(long cid, int k, int quorum, int places, int mentions) {
        long rubric = rounds(cid).getLong("[0].id");
        JsonPath after = RoundsTest.putRounds(cid, List.of(
                round("kind", "SCREENING", "name", "First look", "jurorsPerEntry", k, "quorum", quorum),
                round("id", rubric, "kind", "RUBRIC", "name", "Rubric"),
                round("kind", "FINAL", "name", "Final jury", "places", places, "mentions", mentions)))
                .then().statusCode(200).extract().jsonPath();
        return new long[] {after.getLong("[0].id"), rubric, after.getLong("[2].id")};
    }

    static Response putJury(long cid, long rid, List<JurorAccount> jurors) {
        List<Map<String, Object>> members = new ArrayList<>();
        jurors.forEach(j -> members.add(Map.of("jurorId", j.id())));
        return ORGANISER.as().contentType(ContentType.JSON).body(Map.of("members", members))
                .put("/api/competitions/{cid}/rounds/{rid}/jury", cid, rid);
    }

    /** A safeguarding lead appointed for the test, as it signs in. */
    static JudgingFixtures.Login newLead() {
        JsonPath lead = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Lead"),
                        "email", "dsl@commission.example", "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        return new JudgingFixtures.Login(lead.getString("username"), lead.getString("password"));
    }

    /** The school raises a concern about its own entry, which holds it; the concern's id. */
    static long concern(JudgingFixtures.SchoolAccount owner, long eid) {
        return owner.login().as().contentType(ContentType.JSON).body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL",
                        "note", "The statement tells of something that happened."))
                .post("/api/entries/{eid}/concerns", eid).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The lead excludes the entry the concern holds. */
    static void exclude(JudgingFixtures.Login lead, long concern) {
        lead.as().contentType(ContentType.JSON).body(Map.of("action", "EXCLUDED", "note", "Kept out."))
                .post("/api/safeguarding/concerns/" + concern + "/actions").then().statusCode(200);
    }

    static Response ballot(JurorAccount j, long cid, long rid, List<List<Long>> order) {
        Map<String, Object> body = new HashMap<>();
        body.put("order", order);
        return j.login().as().contentType(ContentType.JSON).body(body)
                .put("/api/competitions/{cid}/rounds/{rid}/ballot", cid, rid);
    }

    /** A strict ballot: the candidates rotated by {@code shift}, one per group. */
    static List<List<Long>> rotated(List<Long> candidates, int shift) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            out.add(List.of(candidates.get((i + shift) % candidates.size())));
        }
        return out;
    }

    /** Screening, rubric and the freeze with every juror working; returns the shortlist (the FINAL candidates). */
    static List<Long> screenAndShortlist(World w, long[] ids, List<JurorAccount> screeners,
                                         List<JurorAccount> finalJury) {
        long cid = w.cid();
        JudgingFixtures.assign(cid, 2, 17).then().statusCode(201).body("assignments", equalTo(2 * w.entries().size()));
        Map<Long, Integer> yes = new HashMap<>();
        for (JurorAccount j : w.jurors()) {
            List<Long> queue = JudgingFixtures.queue(j, cid);
            if (!screeners.contains(j)) {
                assertThat(queue).as("not on the screening round's jury").isEmpty();
            }
            for (long eid : queue) {
                // an entry whose index is a multiple of 3 gets NO from everyone; the rest one YES at least
                boolean y = w.entries().indexOf(eid) % 3 != 0;
                RoundsTest.vote(j, eid, y ? "YES" : "NO", null).then().statusCode(200);
                yes.merge(eid, y ? 1 : 0, Integer::sum);
            }
        }
        List<Long> advancing = w.entries().stream().filter(e -> yes.getOrDefault(e, 0) >= 1).sorted().toList();
        close(cid, ids[0], Map.of()).then().statusCode(200).body("advancing.size()", equalTo(advancing.size()));
        assertThat(preview(cid, ids[0]).getList("advancing", Long.class)).isEqualTo(advancing);

        JudgingFixtures.assign(cid, 3, 18).then().statusCode(201).body("entries", equalTo(advancing.size()))
                .body("assignments", equalTo(3 * advancing.size()));
        TreeSet<Long> queued = new TreeSet<>();
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200);
        for (JurorAccount j : w.jurors()) {
            for (long eid : JudgingFixtures.queue(j, cid)) {
                queued.add(eid);
                JudgingFixtures.submitScore(j, eid, 1 + (int) ((eid * 7 + j.id()) % 10), (int) (eid % 6));
            }
        }
        assertThat(List.copyOf(queued)).isEqualTo(advancing);
        // The final round opens at the freeze with its jury: without one the freeze is refused, nothing written.
        close(cid, ids[1], Map.of()).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("Set the jury of the final round"));
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "OPEN", "PENDING");
        putJury(cid, ids[2], finalJury).then().statusCode(200);
        JsonPath frozen = close(cid, ids[1], Map.of()).then().statusCode(200).extract().jsonPath();
        List<Long> shortlist = frozen.getList("advancing", Long.class);
        assertThat(advancing).containsAll(shortlist);
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "CLOSED", "OPEN");
        return shortlist;
    }

    /** The FINAL round open on the frozen shortlist (RUBRIC k=2, every juror scoring, then FINAL), its jury all of w's jurors. */
    public record OpenFinal(long roundId, List<Long> shortlist) {
    }

    public static OpenFinal openFinal(World w, int places, int mentions, long seed) {
        long fin = finalReady(w, places, mentions, seed);
        List<Long> shortlist = close(w.cid(), rounds(w.cid()).getLong("[0].id"), Map.of()).then().statusCode(200)
                .extract().jsonPath().getList("advancing", Long.class);
        return new OpenFinal(fin, shortlist);
    }

    /** RUBRIC (k=2, every juror scoring) and a PENDING FINAL round whose jury is all of w's jurors, before the freeze. */
    static long finalReady(World w, int places, int mentions, long seed) {
        long cid = w.cid();
        long rubric = rounds(cid).getLong("[0].id");
        long fin = RoundsTest.putRounds(cid, List.of(round("id", rubric, "kind", "RUBRIC", "name", "Rubric"),
                round("kind", "FINAL", "name", "Final jury", "places", places, "mentions", mentions)))
                .then().statusCode(200).extract().jsonPath().getLong("[1].id");
        putJury(cid, fin, w.jurors()).then().statusCode(200);
        JudgingFixtures.assign(cid, 2, seed).then().statusCode(201);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200);
        for (JurorAccount j : w.jurors()) {
            for (long eid : JudgingFixtures.queue(j, cid)) {
                JudgingFixtures.submitScore(j, eid, 1 + (int) ((eid * 3 + j.id()) % 10), (int) (eid % 6));
            }
        }
        return fin;
    }

    @Test
    void screeningRubricAndFinalEndToEndWithTheResultSealedAndPublished() throws Exception {
        World w = JudgingFixtures.world(3, 3, 6, 4);
        long cid = w.cid();
        long[] ids = threeRounds(cid, 2, 1, 2, 1);
        List<JurorAccount> finalJury = w.jurors().subList(0, 5);
        JurorAccount outsider = w.juror(5);

        // The screening round has its own jury (jurors 1-5); the rubric round uses the competition's panels.
        List<JurorAccount> screeners = w.jurors().subList(1, 6);
        putJury(cid, ids[0], screeners).then().statusCode(200).body("members.jurorId.size()", equalTo(5));
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("members", List.of(Map.of("jurorId", -1))))
                .put("/api/competitions/{cid}/rounds/{rid}/jury", cid, ids[0])
                .then().statusCode(422).body("violations.field", hasItems("members[0].jurorId"));

        // Before the freeze the FINAL round is not open: no ballot, no result.
        putJury(cid, ids[2], List.of(w.juror(0))).then().statusCode(200);
        ballot(w.juror(0), cid, ids[2], List.of()).then().statusCode(409);
        putJury(cid, ids[2], List.of()).then().statusCode(200).body("members", org.hamcrest.Matchers.empty());
        List<Long> shortlist = screenAndShortlist(w, ids, screeners, finalJury);
        assertThat(shortlist).hasSize(4);
        putJury(cid, ids[0], screeners).then().statusCode(409); // a closed round's jury stays

        // The juror sees the shortlist blind and has no ballot yet; others do not see the round at all.
        JsonPath mine = w.juror(0).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, ids[2])
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("candidates.entryId", Long.class)).containsExactlyInAnyOrderElementsOf(shortlist);
        assertThat(mine.getList("candidates.code", String.class)).isSorted(); // over six: heldEntriesAreNoCandidates…
        assertThat(mine.getString("order")).isNull();
        String blind = w.juror(0).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, ids[2]).asString();
        w.schools().forEach(s -> assertThat(blind).doesNotContain(s.name()));
        ballot(outsider, cid, ids[2], List.of(shortlist)).then().statusCode(404);
        // Every final juror may open every work they rank (blind), also those they did not score in the rubric round.
        for (JurorAccount j : finalJury) {
            for (long eid : shortlist) {
                String entry = j.login().as().get("/api/entries/{eid}", eid).then().statusCode(200).extract().asString();
                w.schools().forEach(s -> assertThat(entry).doesNotContain(s.name()));
            }
        }
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2]).then().statusCode(404);

        // Every shortlisted entry exactly once, else 422 naming what is wrong.
        ballot(w.juror(0), cid, ids[2], List.of(List.of(shortlist.get(0)))).then().statusCode(422)
                .body("violations.message", hasItems("missing: " + shortlist.get(1) + ", " + shortlist.get(2)
                        + ", " + shortlist.get(3)));
        List<List<Long>> twice = new ArrayList<>(rotated(shortlist, 0));
        twice.add(List.of(shortlist.get(0)));
        ballot(w.juror(0), cid, ids[2], twice).then().statusCode(422)
                .body("violations.message", hasItems("more than once: " + shortlist.get(0)));
        ballot(w.juror(0), cid, ids[2], null).then().statusCode(422);

        // Four jurors vote (one with a tie, one changes their mind); the fifth goes missing.
        Map<Long, List<List<Long>>> cast = new LinkedHashMap<>();
        for (int j = 0; j < 4; j++) {
            List<List<Long>> order = rotated(shortlist, j % 2 == 0 ? 0 : 1);
            ballot(w.juror(j), cid, ids[2], order).then().statusCode(200).body("version", equalTo(1));
            cast.put(w.juror(j).id(), order);
        }
        List<List<Long>> tie = List.of(List.of(shortlist.get(1), shortlist.get(2)), List.of(shortlist.get(0)),
                List.of(shortlist.get(3)));
        ballot(w.juror(3), cid, ids[2], tie).then().statusCode(200).body("version", equalTo(2));
        ballot(w.juror(3), cid, ids[2], tie).then().statusCode(200).body("version", equalTo(2)); // a retry
        cast.put(w.juror(3).id(), tie);
        w.juror(3).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, ids[2]).then().statusCode(200)
                .body("order", equalTo(List.of(List.of(shortlist.get(1).intValue(), shortlist.get(2).intValue()),
                        List.of(shortlist.get(0).intValue()), List.of(shortlist.get(3).intValue()))));

        SchulzeResult expected = Schulze.compute(shortlist, List.copyOf(cast.values()));
        SchulzeResult.Awards awards = expected.awards(2, 1);
        List<Long> winners = awards.places().stream().map(p -> p.entryIds().get(0)).toList();

        JsonPath p = preview(cid, ids[2]);
        assertThat(p.getList("missing.jurorId", Long.class)).containsExactly(w.juror(4).id());
        assertThat(p.getList("missing.count", Integer.class)).containsExactly(1);
        assertThat(p.getList("result.places.entryIds.flatten()", Long.class)).isEqualTo(winners);
        // The shortlist PDF counts the final jury's ballots (it said "Open: 0 of 0 done." for every final round).
        byte[] pdf = ORGANISER.as().get("/api/competitions/{cid}/exports/shortlist.pdf", cid).then().statusCode(200)
                .extract().asByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Open: 4 of 5 done.");
        }
        // Publishing before the final round closed is refused; so is closing on a missing ballot.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("to", "PUBLISHED"))
                .post("/api/competitions/{cid}/transitions", cid).then().statusCode(409);
        close(cid, ids[2], Map.of()).then().statusCode(409)
                .body("missing.jurorId", org.hamcrest.Matchers.contains((int) w.juror(4).id()))
                .body("detail", org.hamcrest.Matchers.matchesPattern(
                        "Ballots of the final jury missing in round '.+': 1; close with excuse .*"));
        close(cid, ids[2], Map.of("excuse", List.of(w.juror(4).id()))).then().statusCode(422); // no reason

        JsonPath closed = close(cid, ids[2], Map.of("excuse", List.of(w.juror(4).id()),
                "reason", "travelling on the day")).then().statusCode(200).extract().jsonPath();
        assertThat(closed.getString("digest")).hasSize(64);
        assertThat(closed.getList("result.places.place", Integer.class)).containsExactly(1, 2);
        assertThat(closed.getList("result.places.entryIds.flatten()", Long.class)).isEqualTo(winners);
        assertThat(closed.getList("result.mentions", Long.class)).isEqualTo(awards.mentions());
        assertThat(closed.getList("remedies.kind")).containsExactly("EXCUSE");
        ballot(w.juror(4), cid, ids[2], rotated(shortlist, 0)).then().statusCode(409); // after the close
        // The organiser's page of the round shows the sealed result and that its seal holds.
        String code = ORGANISER.as().get("/api/entries/{eid}", winners.get(0)).then().statusCode(200).extract()
                .jsonPath().getString("code");
        String page = org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password())
                .get("/organiser/competitions/" + cid + "/rounds/" + ids[2] + "/final").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Place 1").contains(code).contains(closed.getString("digest"))
                .contains("data-valid=\"true\"");
        putJury(cid, ids[2], finalJury).then().statusCode(409);

        JsonPath result = ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2])
                .then().statusCode(200).body("method", equalTo("SCHULZE")).body("ballots", equalTo(4))
                .extract().jsonPath();
        assertThat(result.getString("digest")).isEqualTo(closed.getString("digest"));
        long a = shortlist.get(0);
        long b = shortlist.get(1);
        assertThat(result.getInt("pairwise.'" + a + "'.'" + b + "'")).isEqualTo(expected.d(a, b));

        // The seal holds, and a changed ballot breaks it.
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, ids[2]).then().statusCode(200)
                .body("valid", equalTo(true));
        String sealed = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select canonical_json from final_result where round_id = :r").setParameter("r", ids[2])
                .getSingleResult());
        assertThat(sealed).contains("\"tieBreakSeed\":" + expected.tieBreakSeed()).contains("travelling on the day")
                .contains("\"inputDigest\":\"" + expected.inputDigest() + "\"");
        long tampered = w.juror(0).id();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update final_ballot set ballot = :b"
                        + " where round_id = :r and juror_id = :j").setParameter("b", "[[" + shortlist.get(3) + "],["
                        + shortlist.get(2) + "],[" + shortlist.get(1) + "],[" + shortlist.get(0) + "]]")
                .setParameter("r", ids[2]).setParameter("j", tampered).executeUpdate());
        try {
            ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, ids[2]).then()
                    .statusCode(200).body("valid", equalTo(false)).body("digestMatches", equalTo(false));
        } finally {
            String original = org.juryroom.rounds.math.CanonicalJson.write(cast.get(tampered));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update final_ballot set ballot = :b"
                    + " where round_id = :r and juror_id = :j").setParameter("b", original)
                    .setParameter("r", ids[2]).setParameter("j", tampered).executeUpdate());
        }
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, ids[2]).then().statusCode(200)
                .body("valid", equalTo(true));

        // Public only once published, and without juror ids.
        JudgingFixtures.anonymous().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2])
                .then().statusCode(404);
        JudgingFixtures.transition(cid, "PUBLISHED");
        String open = JudgingFixtures.anonymous().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2])
                .then().statusCode(200).body("places.entryIds.flatten()", equalTo(winners.stream()
                        .map(Long::intValue).toList()))
                // The public answer's caching rule, as the public shortlist API's: caches revalidate every use.
                .header("Cache-Control", org.juryroom.publishing.PublicCaching.REVALIDATE).extract().asString();
        assertThat(open).doesNotContain("jurorId");
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2]).then().statusCode(200)
                .header("Cache-Control", org.juryroom.publishing.PublicCaching.PERSONAL);

        // The public shortlist shows the winners above it; each school sees each entry's result.
        JsonPath pub = JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then()
                .statusCode(200).extract().jsonPath();
        assertThat(pub.getList("winners.place", Integer.class)).containsExactly(1, 2, null);
        assertThat(pub.getList("winners.specialMention", Boolean.class)).containsExactly(false, false, true);
        String gallery = JudgingFixtures.anonymous().get("/shortlist/{cid}", cid).then().statusCode(200).extract()
                .asString();
        assertThat(gallery).contains("Winners").contains("Place 1").contains("Special mention");
        Map<Long, String> expectedResult = new HashMap<>();
        w.entries().forEach(e -> expectedResult.put(e, shortlist.contains(e) ? "SHORTLISTED" : "NOT_SHORTLISTED"));
        expectedResult.put(winners.get(0), "WINNER");
        expectedResult.put(winners.get(1), "WINNER");
        awards.mentions().forEach(e -> expectedResult.put(e, "SPECIAL_MENTION"));
        for (int s = 0; s < w.schools().size(); s++) {
            JudgingFixtures.SchoolAccount school = w.school(s);
            JsonPath mineList = school.login().as().get("/api/competitions/{cid}/entries", cid).then().statusCode(200)
                    .extract().jsonPath();
            for (long eid : mineList.getList("items.id", Long.class)) {
                assertThat(mineList.getString("items.find { it.id == " + eid + " }.result")).as("entry " + eid)
                        .isEqualTo(expectedResult.get(eid));
            }
            String portal = org.juryroom.web.WebSession.signIn(school.login().username(), school.login().password())
                    .get("/school").then().statusCode(200).extract().asString();
            for (long eid : mineList.getList("items.id", Long.class)) {
                assertThat(portal).contains("data-result=\"" + expectedResult.get(eid) + "\"");
            }
            if (mineList.getList("items.id", Long.class).contains(winners.get(0))) {
                assertThat(portal).contains("Winner: place 1");
            }
        }

        // A winner held after publication leaves the public result as it leaves the gallery: not in a place, a
        // mention or the head-to-head counts. The organisers' result, the seal and its verification keep it.
        long first = winners.get(0);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL",
                "note", "The statement tells of something that happened.")).post("/api/entries/{eid}/concerns", first)
                .then().statusCode(201);
        JsonPath shown = JudgingFixtures.anonymous().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2])
                .then().statusCode(200).extract().jsonPath();
        assertThat(shown.getList("places.entryIds.flatten()", Long.class)).doesNotContain(first)
                .contains(winners.get(1));
        assertThat(shown.getList("mentions", Long.class)).doesNotContain(first);
        assertThat(shown.getMap("pairwise")).doesNotContainKey(String.valueOf(first));
        assertThat(shown.getMap("pairwise").values().toString()).doesNotContain(first + "=");
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result", cid, ids[2]).jsonPath()
                .getList("places.entryIds.flatten()", Long.class)).contains(first);
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, ids[2]).then().statusCode(200)
                .body("valid", equalTo(true));
    }

    static void declareConflict(JurorAccount j, JudgingFixtures.SchoolAccount school) {
        j.login().as().contentType(ContentType.JSON).body(Map.of("schoolId", school.id(), "reason", "my niece"))
                .post("/api/me/conflicts").then().statusCode(201);
    }

    static String finalPage(long cid, long rid) {
        return org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password())
                .get("/organiser/competitions/" + cid + "/rounds/" + rid + "/final").then().statusCode(200)
                .extract().asString();
    }

    /** The jury set while PENDING is checked at the freeze; a conflict declared after a ballot blocks the count. */
    @Test
    void aConflictedFinalJurorIsRefusedAtTheFreezeTheBallotThePreviewAndTheClose() {
        World w = JudgingFixtures.world(2, 2, 4, 4);
        long cid = w.cid();
        // The jury is set before the shortlist is known, with a juror conflicted with a school: the freeze refuses.
        declareConflict(w.juror(0), w.school(0));
        long fin = finalReady(w, 1, 0, 23);
        long rubric = rounds(cid).getLong("[0].id");
        close(cid, rubric, Map.of()).then().statusCode(409)
                .body("conflicted", org.hamcrest.Matchers.contains((int) w.juror(0).id()));
        assertThat(rounds(cid).getList("status")).containsExactly("OPEN", "PENDING");
        // Not open yet, the final round's preview says so; it does not list the whole jury as missing its ballots.
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, fin).then().statusCode(409)
                .body("detail", equalTo("A FINAL round is decided by the final jury's ballots, which are not open yet"))
                .body("missing", org.hamcrest.Matchers.nullValue());
        assertThat(finalPage(cid, fin)).doesNotContain("not open yet").doesNotContain("role=\"alert\"");
        putJury(cid, fin, w.jurors().subList(1, 4)).then().statusCode(200);
        List<Long> shortlist = close(cid, rubric, Map.of()).then().statusCode(200).extract().jsonPath()
                .getList("advancing", Long.class);
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "OPEN");
        putJury(cid, fin, w.jurors()).then().statusCode(409)
                .body("conflicted", org.hamcrest.Matchers.contains((int) w.juror(0).id()));

        // A ballot cast, then a conflict declared: the juror no longer sees the round, nothing is decided over it.
        ballot(w.juror(1), cid, fin, rotated(shortlist, 0)).then().statusCode(200);
        declareConflict(w.juror(1), w.school(1));
        w.juror(1).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, fin).then().statusCode(409);
        org.juryroom.web.WebSession.signIn(w.juror(1).login().username(), w.juror(1).login().password())
                .get("/jury/competitions/" + cid + "/final").then().statusCode(409);
        ballot(w.juror(2), cid, fin, rotated(shortlist, 1)).then().statusCode(200);
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, fin).then().statusCode(409)
                .body("conflicted", org.hamcrest.Matchers.contains((int) w.juror(1).id()));
        close(cid, fin, Map.of("excuse", List.of(w.juror(3).id()), "reason", "away")).then().statusCode(409)
                .body("conflicted", org.hamcrest.Matchers.contains((int) w.juror(1).id()));
        assertThat(finalPage(cid, fin)).contains("have a conflict with the school");

        // The organiser takes them off the jury: their ballot drops out of the count.
        putJury(cid, fin, w.jurors().subList(2, 4)).then().statusCode(200);
        close(cid, fin, Map.of("excuse", List.of(w.juror(3).id()), "reason", "away")).then().statusCode(200);
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result", cid, fin).then().statusCode(200)
                .body("ballots", equalTo(1));
        // The excused juror reads as excused, not as having voted.
        String page = finalPage(cid, fin);
        assertThat(page).containsPattern("value=\"" + w.juror(3).id() + "\"[^\n]*data-voted=\"false\" data-excused=\"true\"")
                .containsPattern("value=\"" + w.juror(2).id() + "\"[^\n]*data-voted=\"true\" data-excused=\"false\"")
                .contains("excused");
    }

    /** Every finalist excluded after ballots were cast: nothing is left to rank or decide, a clear 409, never a 500. */
    @Test
    void withEveryFinalistGoneThereIsNothingToDecide() {
        World w = JudgingFixtures.world(3, 2, 3, 6);
        long cid = w.cid();
        OpenFinal of = openFinal(w, 1, 1, 43);
        long fin = of.roundId();
        ballot(w.juror(0), cid, fin, rotated(of.shortlist(), 0)).then().statusCode(200);
        JudgingFixtures.Login desk = newLead();
        for (long eid : of.shortlist()) {
            exclude(desk, concern(w.school(w.entries().indexOf(eid) / 2), eid));
        }
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, fin).then().statusCode(409)
                .body("detail", containsString("nothing to decide"));
        close(cid, fin, Map.of()).then().statusCode(409); // first refused for the missing ballots, never a 500
        close(cid, fin, Map.of("excuse", w.jurors().subList(1, w.jurors().size()).stream()
                        .map(JurorAccount::id).toList(), "reason", "All gone"))
                .then().statusCode(409).body("detail", containsString("nothing to decide"));
        ballot(w.juror(1), cid, fin, List.of()).then().statusCode(409).body("detail", containsString("nothing to decide"));
        org.juryroom.web.WebSession organiser = org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        assertThat(organiser.get("/organiser/competitions/" + cid + "/rounds/" + fin + "/final").statusCode())
                .isLessThan(500);
    }

    /**
     * A held entry is no candidate and blocks the count; an excluded one drops out of the ballots cast
     * before; the seal is verified over the sealed candidates, and a changed award breaks it.
     */
    @Test
    void heldEntriesAreNoCandidatesAndTheSealCoversTheAwards() {
        World w = JudgingFixtures.world(3, 2, 3, 6);
        long cid = w.cid();
        OpenFinal of = openFinal(w, 1, 1, 41);
        long fin = of.roundId();
        List<Long> shortlist = of.shortlist();
        assertThat(shortlist).hasSize(6);
        // The ballot lists the candidates by their random code, not in the order they were made (ascending ids, as
        // the round keeps them): over six candidates, a list in creation order would pass once in 720 runs.
        List<String> codes = shortlist.stream().map(eid -> ORGANISER.as().get("/api/entries/{eid}", eid).then()
                .statusCode(200).extract().jsonPath().getString("code")).sorted().toList();
        w.juror(0).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, fin).then().statusCode(200)
                .body("candidates.code", equalTo(codes));

        // A null id or a null tie group is a 422 naming it, not a 500.
        List<List<Long>> withNull = new ArrayList<>(rotated(shortlist, 0));
        withNull.set(1, java.util.Arrays.asList(shortlist.get(1), null));
        ballot(w.juror(0), cid, fin, withNull).then().statusCode(422)
                .body("violations.message", hasItems("an entry id is null in the tie group at position: 1"));
        List<List<Long>> nullGroup = new ArrayList<>(rotated(shortlist, 0));
        nullGroup.add(null);
        ballot(w.juror(0), cid, fin, nullGroup).then().statusCode(422)
                .body("violations.message", hasItems("empty tie group at position: " + shortlist.size()));

        ballot(w.juror(0), cid, fin, rotated(shortlist, 0)).then().statusCode(200);
        long held = shortlist.get(0);
        long concern = concern(w.school(w.entries().indexOf(held) / 2), held);
        List<Long> rest = shortlist.subList(1, shortlist.size());
        w.juror(1).login().as().get("/api/competitions/{cid}/rounds/{rid}/ballot", cid, fin).then().statusCode(200)
                .body("candidates.entryId", org.hamcrest.Matchers.containsInAnyOrder(rest.stream().map(Long::intValue)
                        .toArray()));
        ballot(w.juror(1), cid, fin, rotated(shortlist, 1)).then().statusCode(422); // the held entry is not a candidate
        ballot(w.juror(1), cid, fin, rotated(rest, 1)).then().statusCode(200);
        ballot(w.juror(2), cid, fin, rotated(rest, 2)).then().statusCode(200);
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, fin).then().statusCode(409).body("held", equalTo(1))
                .body("detail", equalTo("1 shortlisted entry is held for a safeguarding review: the final round can be"
                        + " decided once the safeguarding lead has released or excluded it"));
        close(cid, fin, Map.of()).then().statusCode(409).body("held", equalTo(1));

        // The lead excludes it: juror 0's ballot counts without it.
        exclude(newLead(), concern);
        JsonPath closed = close(cid, fin, Map.of()).then().statusCode(200).extract().jsonPath();
        List<List<List<Long>>> counted = List.of(rotated(rest, 0), rotated(rest, 1), rotated(rest, 2));
        SchulzeResult.Awards awards = Schulze.compute(rest, counted).awards(1, 1);
        assertThat(closed.getList("result.places.entryIds.flatten()", Long.class))
                .isEqualTo(awards.places().get(0).entryIds());
        assertThat(closed.getList("notAdvancing", Long.class)).doesNotContain(held);
        String sealed = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select canonical_json from final_result where round_id = :r").setParameter("r", fin).getSingleResult());
        assertThat(sealed).contains("\"candidates\":" + rest.toString().replace(" ", ""));

        // A later change of an entry's status does not move the seal: it is rebuilt over the sealed candidates.
        long winner = awards.places().get(0).entryIds().get(0);
        concern(w.school(w.entries().indexOf(winner) / 2), winner);
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, fin).then().statusCode(200)
                .body("valid", equalTo(true)).body("awardsMatch", equalTo(true));

        // What the public page reads (final_award) is covered by the seal.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update final_award set place = 1"
                + " where round_id = :r and place is null").setParameter("r", fin).executeUpdate());
        try {
            ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, fin).then().statusCode(200)
                    .body("valid", equalTo(false)).body("awardsMatch", equalTo(false))
                    .body("digestMatches", equalTo(true));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update final_award set place = null"
                            + " where round_id = :r and entry_id in (:m)").setParameter("r", fin)
                    .setParameter("m", awards.mentions()).executeUpdate());
        }
        ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/result/verify", cid, fin).then().statusCode(200)
                .body("valid", equalTo(true));
    }
}
