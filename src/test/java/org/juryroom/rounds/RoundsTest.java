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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** Rounds through the API on the real stack: the list's rules, SCREENING → RUBRIC, the three remedies in the seal. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RoundsTest {

    @Inject
    org.juryroom.mail.MailSender sender;

    @Inject
    EntityManager em;

    static JsonPath rounds(long cid) {
        return ORGANISER.as().get("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract().jsonPath();
    }

    static Response putRounds(long cid, List<Map<String, Object>> rounds) {
        return ORGANISER.as().contentType(ContentType.JSON).body(rounds).put("/api/competitions/{cid}/rounds", cid);
    }

    static Map<String, Object> round(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** SCREENING (k, quorum) before the competition's own RUBRIC round; returns the two round ids. */
    static long[] screeningThenRubric(long cid, int k, int quorum) {
        long rubric = rounds(cid).getLong("[0].id");
        JsonPath after = putRounds(cid, List.of(
                round("kind", "SCREENING", "name", "First look", "jurorsPerEntry", k, "quorum", quorum),
                round("id", rubric, "kind", "RUBRIC", "name", "Rubric"))).then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("[1].id")).isEqualTo(rubric);
        return new long[] {after.getLong("[0].id"), rubric};
    }

    static Response vote(JurorAccount j, long eid, String vote, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("vote", vote);
        body.put("comment", comment);
        return j.login().as().contentType(ContentType.JSON).body(body).put("/api/entries/{eid}/screening", eid);
    }

    static Response close(long cid, long rid, Map<String, Object> body) {
        return ORGANISER.as().contentType(ContentType.JSON).body(body).log().ifValidationFails()
                .post("/api/competitions/{cid}/rounds/{rid}/close", cid, rid);
    }

    static JsonPath preview(long cid, long rid) {
        return ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, rid).then()
                .statusCode(200).extract().jsonPath();
    }

    static Response reassign(long cid, long rid, long jurorId) {
        return ORGANISER.as().contentType(ContentType.JSON).body(Map.of("fromJurorId", jurorId,
                "reason", "juror went missing")).post("/api/competitions/{cid}/rounds/{rid}/reassign", cid, rid);
    }

    @Test
    void aNewCompetitionHasOneRubricRoundAndTheListFollowsTheRules() {
        long cid = JudgingFixtures.openCompetition(5);
        JsonPath r = rounds(cid);
        assertThat(r.getList("kind")).containsExactly("RUBRIC");
        assertThat(r.getList("status")).containsExactly("PENDING");
        long rubric = r.getLong("[0].id");

        putRounds(cid, List.of(round("kind", "RUBRIC", "name", "A"), round("kind", "RUBRIC", "name", "B")))
                .then().statusCode(422).body("violations.field", hasItems("rounds[1].kind"));
        putRounds(cid, List.of(round("id", rubric, "kind", "RUBRIC", "name", "R"),
                round("kind", "SCREENING", "name", "S", "jurorsPerEntry", 2, "quorum", 1)))
                .then().statusCode(422).body("violations.field", hasItems("rounds[1].kind"));
        putRounds(cid, List.of(round("kind", "SCREENING", "name", "S", "jurorsPerEntry", 2, "quorum", 3),
                round("id", rubric, "kind", "RUBRIC", "name", "R")))
                .then().statusCode(422).body("violations.field", hasItems("rounds[0].quorum"))
                .body("detail", org.hamcrest.Matchers.equalTo("The rounds break 1 rule"));
        putRounds(cid, List.of(round("kind", "FINAL", "name", "F", "places", 3),
                round("id", rubric, "kind", "RUBRIC", "name", "R")))
                .then().statusCode(422).body("violations.field", hasItems("rounds[0].kind"));
        assertThat(rounds(cid).getList("id", Long.class)).containsExactly(rubric); // nothing half-written

        // The FINAL round is accepted with its places and mentions (its ballots come later).
        JsonPath three = putRounds(cid, List.of(
                round("kind", "SCREENING", "name", "S", "jurorsPerEntry", 2, "advanceTop", 40),
                round("id", rubric, "kind", "RUBRIC", "name", "R", "jurorsPerEntry", 3),
                round("kind", "FINAL", "name", "Final jury", "places", 3, "mentions", 2,
                        "closesAt", "2031-01-01T00:00:00Z")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(three.getList("kind")).containsExactly("SCREENING", "RUBRIC", "FINAL");
        assertThat(three.getList("position", Integer.class)).containsExactly(1, 2, 3);
        assertThat(three.getInt("[2].places")).isEqualTo(3);
        assertThat(three.getInt("[2].mentions")).isEqualTo(2);
        // GET's output can be sent back as it is
        List<Map<String, Object>> echoed = rounds(cid).getList("");
        putRounds(cid, echoed).then().statusCode(200);
    }

    /** A SCREENING round's work: entry → the jurors given it (voted or not). */
    @SuppressWarnings("unchecked")
    private Map<Long, java.util.Set<Long>> screeningWork(long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, java.util.Set<Long>> out = new HashMap<>();
            ((List<Object[]>) em.createNativeQuery("select entry_id, juror_id from screening_vote where round_id = ?1")
                    .setParameter(1, roundId).getResultList())
                    .forEach(r -> out.computeIfAbsent(((Number) r[0]).longValue(), x -> new TreeSet<>())
                            .add(((Number) r[1]).longValue()));
            return out;
        });
    }

    /**
     * A conflict declared during an open screening round: each of that school's entries the juror
     * had gets another screening juror of the round's jury, free of conflict, so it keeps k counted
     * votes (docs/judging.md §1). Before, the top-up read only the RUBRIC assignments: the juror's
     * vote stopped counting and the entry was left one short.
     */
    @Test
    void aConflictDeclaredInAnOpenScreeningRoundGivesTheEntryAnotherScreeningJuror() {
        World w = JudgingFixtures.world(2, 2, 5, 1);
        long[] ids = screeningThenRubric(w.cid(), 2, 1);
        // The round's own jury leaves juror 4 out; juror 3 is conflicted with school 0 from the start.
        FinalRoundTest.putJury(w.cid(), ids[0], w.jurors().subList(0, 4)).then().statusCode(200);
        JurorAccount barred = w.juror(3);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("jurorId", barred.id(), "schoolId", w.school(0).id()))
                .post("/api/competitions/{cid}/conflicts", w.cid()).then().statusCode(201);
        JudgingFixtures.assign(w.cid(), 2, 7).then().statusCode(201).body("entriesShortOfJurors.size()", equalTo(0));
        long e = w.entry(0);
        java.util.Set<Long> before = screeningWork(ids[0]).get(e);
        assertThat(before).hasSize(2).doesNotContain(barred.id(), w.juror(4).id());
        JurorAccount leaving = w.jurors().stream().filter(j -> before.contains(j.id())).findFirst().orElseThrow();
        vote(leaving, e, "YES", "cast before the conflict").then().statusCode(200);

        leaving.login().as().contentType(ContentType.JSON)
                .body(Map.of("schoolId", w.school(0).id(), "reason", "My cousin teaches there"))
                .post("/api/me/conflicts").then().statusCode(201);

        // The third juror free of the conflict on the round's jury takes the entry: two counted votes again.
        java.util.Set<Long> counted = new TreeSet<>(screeningWork(ids[0]).get(e));
        counted.remove(leaving.id());
        assertThat(counted).hasSize(2).containsAll(before.stream().filter(j -> j != leaving.id()).toList())
                .doesNotContain(barred.id(), w.juror(4).id());
        long replacement = counted.stream().filter(j -> !before.contains(j)).findFirst().orElseThrow();
        JurorAccount newcomer = w.jurors().stream().filter(j -> j.id() == replacement).findFirst().orElseThrow();
        assertThat(JudgingFixtures.queue(newcomer, w.cid())).contains(e);
        assertThat(JudgingFixtures.queue(leaving, w.cid())).doesNotContain(e);
        // The new work is the round's screening work (no RUBRIC assignment), and its close waits for the vote.
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from assignment where competition_id = ?1").setParameter(1, w.cid())
                .getSingleResult()).longValue())).isZero();
        assertThat(preview(w.cid(), ids[0]).getList("missing.jurorId", Long.class)).contains(replacement);
        ORGANISER.as().queryParam("action", "JURORS_REASSIGNED").get("/api/competitions/{cid}/audit", w.cid())
                .then().statusCode(200).body("items[0].after.round", equalTo("SCREENING"))
                .body("items[0].after.added.entryId", hasItems((int) e));
    }

    /**
     * Odd bodies a hostile or careless client sends: a stored round listed twice (before, saved once at
     * the later place, a round lost and a gap left in the positions) and a remedy naming null (before,
     * a 500). Each is a 422 naming the field, and nothing is written.
     */
    @Test
    void aRoundListedTwiceOrARemedyNamingNobodyIsA422AndNothingIsWritten() {
        World w = JudgingFixtures.world(2, 2, 3, 1);
        long[] ids = screeningThenRubric(w.cid(), 1, 1);
        putRounds(w.cid(), List.of(
                round("id", ids[0], "kind", "SCREENING", "name", "First look", "jurorsPerEntry", 1, "quorum", 1),
                round("id", ids[0], "kind", "SCREENING", "name", "Again", "jurorsPerEntry", 1, "quorum", 1),
                round("id", ids[1], "kind", "RUBRIC", "name", "Rubric")))
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.contains("rounds[1].id"));
        JsonPath kept = rounds(w.cid());
        assertThat(kept.getList("id", Long.class)).containsExactly(ids[0], ids[1]);
        assertThat(kept.getList("position", Integer.class)).containsExactly(1, 2);
        assertThat(kept.getList("name")).containsExactly("First look", "Rubric");

        JudgingFixtures.assign(w.cid(), 1, 5).then().statusCode(201);
        List<Object> nobody = new ArrayList<>();
        nobody.add(null);
        Map<String, Object> excuse = new HashMap<>();
        excuse.put("excuse", nobody);
        excuse.put("reason", "juror unwell");
        close(w.cid(), ids[0], excuse).then().statusCode(422).body("violations.field", hasItems("excuse[0]"));
        Map<String, Object> fewer = new HashMap<>();
        fewer.put("acceptFewer", java.util.Arrays.asList(w.entry(0), null));
        fewer.put("reason", "small jury");
        close(w.cid(), ids[0], fewer).then().statusCode(422).body("violations.field", hasItems("acceptFewer[1]"));
        assertThat(rounds(w.cid()).getList("status")).containsExactly("OPEN", "PENDING");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from round_remedy where round_id = ?1").setParameter(1, ids[0])
                .getSingleResult()).longValue())).isZero();
    }

    /**
     * A closing time already past is refused when set or changed (before, stored as given: a round shown as
     * closing last year); a time kept since it was set stays valid once it passes, so GET can be PUT back.
     */
    @Test
    void aClosingTimeSetInThePastIsA422AndAKeptOneCanBeSentBack() {
        long cid = JudgingFixtures.openCompetition(2);
        long rubric = rounds(cid).getLong("[0].id");
        putRounds(cid, List.of(round("kind", "SCREENING", "name", "S", "jurorsPerEntry", 1, "quorum", 1,
                "closesAt", "2001-01-01T00:00:00Z"), round("id", rubric, "kind", "RUBRIC", "name", "R")))
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.contains("rounds[0].closesAt"))
                .body("violations.message", org.hamcrest.Matchers.contains("must be in the future"));
        assertThat(rounds(cid).getList("id", Long.class)).containsExactly(rubric);
        putRounds(cid, List.of(round("id", rubric, "kind", "RUBRIC", "name", "R", "closesAt", "2031-01-01T00:00:00Z")))
                .then().statusCode(200);
        // The time passes: what GET gives goes back as it is; a change to another past time does not.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update judging_round set closes_at = now() - interval '1 day' where id = ?1")
                .setParameter(1, rubric).executeUpdate());
        putRounds(cid, rounds(cid).getList("")).then().statusCode(200);
        putRounds(cid, List.of(round("id", rubric, "kind", "RUBRIC", "name", "R", "closesAt", "2001-01-01T00:00:00Z")))
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.contains("rounds[0].closesAt"));
    }

    /**
     * An entry no juror could take in a screening round (the one juror is conflicted with its school) had no
     * vote and was dropped by the close without a word. Now it blocks the close like missing work (409,
     * {@code unjudged}) until the assignment finds it a juror or the organiser accepts it with fewer, saying why.
     */
    @Test
    void anEntryWithoutAScreeningJurorBlocksTheCloseUntilAcceptedWithFewer() {
        World w = JudgingFixtures.world(2, 1, 1, 1);
        long[] ids = screeningThenRubric(w.cid(), 1, 1);
        JurorAccount only = w.juror(0);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("jurorId", only.id(), "schoolId", w.school(0).id()))
                .post("/api/competitions/{cid}/conflicts", w.cid()).then().statusCode(201);
        JudgingFixtures.assign(w.cid(), 1, 7).then().statusCode(201).body("entriesShortOfJurors.size()", equalTo(1));
        vote(only, w.entry(1), "YES", null).then().statusCode(200);

        close(w.cid(), ids[0], Map.of()).then().statusCode(409)
                .body("unjudged", org.hamcrest.Matchers.contains((int) w.entry(0)));
        assertThat(rounds(w.cid()).getList("status")).containsExactly("OPEN", "PENDING");
        close(w.cid(), ids[0], Map.of("acceptFewer", List.of(w.entry(0)), "reason", "no juror free of a conflict"))
                .then().statusCode(200)
                .body("advancing", org.hamcrest.Matchers.contains((int) w.entry(1)))
                .body("notAdvancing", org.hamcrest.Matchers.contains((int) w.entry(0)))
                .body("remedies.kind", org.hamcrest.Matchers.contains("ACCEPT_FEWER"));
    }

    @Test
    void anOpenedRoundCannotBeChangedAndAFrozenCompetitionsRoundsNotAtAll() {
        World w = JudgingFixtures.world(2, 2, 2, 1);
        long[] ids = screeningThenRubric(w.cid(), 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 5).then().statusCode(201);
        assertThat(rounds(w.cid()).getList("status")).containsExactly("OPEN", "PENDING");
        putRounds(w.cid(), List.of(round("id", ids[0], "kind", "SCREENING", "name", "Renamed", "jurorsPerEntry", 1,
                "quorum", 1), round("id", ids[1], "kind", "RUBRIC", "name", "Rubric")))
                .then().statusCode(409);
        putRounds(w.cid(), List.of(round("id", ids[1], "kind", "RUBRIC", "name", "Rubric"))).then().statusCode(409);
        // unchanged opened round, pending rubric renamed: fine
        putRounds(w.cid(), List.of(round("id", ids[0], "kind", "SCREENING", "name", "First look", "jurorsPerEntry", 1,
                "quorum", 1), round("id", ids[1], "kind", "RUBRIC", "name", "Scoring"))).then().statusCode(200);

        // Freezing while the screening round is current is refused: the RUBRIC round is not current.
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(409);
    }

    @Test
    void votesAreForTheAssignedJurorOnlyWhileTheRoundIsOpen() {
        World w = JudgingFixtures.world(2, 1, 3, 1);
        long[] ids = screeningThenRubric(w.cid(), 1, 1);
        long eid = w.entry(0);
        JudgingFixtures.assign(w.cid(), 1, 7).then().statusCode(201);
        JurorAccount assigned = null;
        JurorAccount other = null;
        for (JurorAccount j : w.jurors()) {
            if (JudgingFixtures.queue(j, w.cid()).contains(eid)) {
                assigned = j;
            } else {
                other = j;
            }
        }
        assertThat(assigned).isNotNull();
        assertThat(other).isNotNull();
        // Screening work is work: the assignment notice counts it and the reminder finds it unfinished.
        sender.run();
        String email = ORGANISER.as().get("/api/jurors/{jid}", assigned.id()).then().statusCode(200).extract()
                .jsonPath().getString("email");
        assertThat(org.juryroom.support.Mailbox.to(email)).extracting(org.juryroom.support.Mailbox.Delivered::subject)
                .anyMatch(subject -> subject.endsWith("entries to judge"));
        assertThat(ORGANISER.as().post("/api/competitions/{cid}/reminders", w.cid()).then().statusCode(201)
                .extract().jsonPath().getList("reminded", Long.class)).contains(assigned.id());
        vote(other, eid, "YES", null).then().statusCode(404);
        vote(assigned, eid, null, "no vote").then().statusCode(422);
        vote(assigned, eid, "MAYBE", null).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)));
        vote(assigned, eid, "NO", "x".repeat(2001)).then().statusCode(422);
        // A comment that shows nothing (zero-width characters) is no comment, not an empty one an organiser reads.
        vote(assigned, eid, "NO", "\u200B\u2060 \uFEFF").then().statusCode(200)
                .body("comment", org.hamcrest.Matchers.nullValue());
        vote(assigned, eid, "YES", "Clear message for younger pupils").then().statusCode(200)
                .body("vote", equalTo("YES")).body("roundId", equalTo((int) ids[0]));
        // the queue shows the vote; the entry can be read blind; no rubric scorecard in a screening round
        assigned.login().as().queryParam("competition", w.cid()).get("/api/me/assignments").then().statusCode(200)
                .body("items.find { it.entryId == " + eid + " }.screeningVote", equalTo("YES"));
        assigned.login().as().get("/api/entries/{eid}", eid).then().statusCode(200);
        JudgingFixtures.score(assigned, eid, 5, 3, "SUBMITTED").then().statusCode(404);

        close(w.cid(), ids[0], Map.of("acceptFewer", w.entries(), "reason", "small test jury")).then().statusCode(200);
        vote(assigned, eid, "NO", null).then().statusCode(404);
        assertThat(JudgingFixtures.queue(assigned, w.cid())).isEmpty();
    }

    @Test
    void screeningThenRubricEndToEndWithTheThreeRemediesSealed() {
        World w = JudgingFixtures.world(3, 3, 4, 3);
        long cid = w.cid();
        long[] ids = screeningThenRubric(cid, 2, 1);
        JudgingFixtures.assign(cid, 2, 11).then().statusCode(201).body("assignments", equalTo(18));

        // Jurors 0-2 vote; juror 3 goes missing. Entry i: YES if i % 3 == 2, split if i % 3 == 1, else NO.
        JurorAccount missing = w.juror(3);
        Map<Long, List<String>> votes = new HashMap<>();
        for (int j = 0; j < 3; j++) {
            for (long eid : JudgingFixtures.queue(w.juror(j), cid)) {
                String v = screeningVote(w, eid, j);
                vote(w.juror(j), eid, v, null).then().statusCode(200);
                votes.computeIfAbsent(eid, x -> new ArrayList<>()).add(v);
            }
        }
        List<Long> left = JudgingFixtures.queue(missing, cid);
        assertThat(left).isNotEmpty();
        JsonPath p = preview(cid, ids[0]);
        assertThat(p.getList("missing.jurorId", Long.class)).containsExactly(missing.id());
        assertThat(p.getLong("missing[0].count")).isEqualTo(left.size());
        close(cid, ids[0], Map.of()).then().statusCode(409)
                .body("missing.jurorId", org.hamcrest.Matchers.contains((int) missing.id()))
                .body("missing[0].count", equalTo(left.size()))
                // One juror reads as one: not "N assigned votes of 1 jurors".
                .body("detail", org.hamcrest.Matchers.startsWith("Assigned votes missing in round '"))
                .body("detail", org.hamcrest.Matchers.containsString("': " + left.size()
                        + " (jurors who have not finished: 1); reassign"));

        // Remedy 1: reassign the missing juror's work; the others take it over and vote.
        JsonPath moved = reassign(cid, ids[0], missing.id()).then().statusCode(200).extract().jsonPath();
        assertThat(moved.getInt("moved")).isEqualTo(left.size());
        assertThat(JudgingFixtures.queue(missing, cid)).isEmpty();
        reassign(cid, ids[0], missing.id()).then().statusCode(409); // nothing left to move
        for (int j = 0; j < 3; j++) {
            for (long eid : JudgingFixtures.queue(w.juror(j), cid)) {
                Response mine = w.juror(j).login().as().get("/api/entries/{eid}/screening", eid);
                if (mine.jsonPath().get("vote") == null) {
                    String v = screeningVote(w, eid, j);
                    vote(w.juror(j), eid, v, "taken over").then().statusCode(200);
                    votes.computeIfAbsent(eid, x -> new ArrayList<>()).add(v);
                }
            }
        }
        assertThat(votes.values()).allSatisfy(v -> assertThat(v).hasSize(2));
        List<Long> expected = w.entries().stream().filter(e -> votes.get(e).contains("YES")).sorted().toList();
        List<Long> notExpected = w.entries().stream().filter(e -> !expected.contains(e)).sorted().toList();
        assertThat(preview(cid, ids[0]).getList("advancing", Long.class)).isEqualTo(expected);
        JsonPath closed = close(cid, ids[0], Map.of("reason", "screening done")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(closed.getList("advancing", Long.class)).isEqualTo(expected);
        assertThat(closed.getList("notAdvancing", Long.class)).isEqualTo(notExpected);
        assertThat(closed.getList("remedies.kind")).containsExactly("REASSIGN");
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "PENDING");
        close(cid, ids[0], Map.of()).then().statusCode(409);

        // RUBRIC (k=3) judges exactly the advancing entries.
        JudgingFixtures.assign(cid, 3, 12).then().statusCode(201).body("entries", equalTo(expected.size()))
                .body("assignments", equalTo(3 * expected.size()));
        TreeSet<Long> queued = new TreeSet<>();
        w.jurors().forEach(j -> queued.addAll(JudgingFixtures.queue(j, cid)));
        assertThat(List.copyOf(queued)).isEqualTo(expected);

        // No disagreement flags: this test is about missing work, not adjudication.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("rankingMethod", "Z_SCORE", "disagreementMaxSpread", 100))
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200);
        // Juror 0 skips one entry (excused), juror 1 skips one (accepted with fewer), juror 2 skips two (reassigned).
        JurorAccount excused = w.juror(0);
        JurorAccount fewer = w.juror(1);
        JurorAccount gone = w.juror(2);
        Map<JurorAccount, Integer> skip = Map.of(excused, 1, fewer, 1, gone, 2);
        Map<Long, List<Long>> skipped = new HashMap<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (JurorAccount j : w.jurors()) {
            List<Long> mine = JudgingFixtures.queue(j, cid);
            assertThat(mine.size()).isGreaterThan(skip.getOrDefault(j, 0));
            for (long eid : mine) {
                List<Long> mySkips = skipped.computeIfAbsent(j.id(), x -> new ArrayList<>());
                if (mySkips.size() < skip.getOrDefault(j, 0)) {
                    mySkips.add(eid);
                } else {
                    score(j, eid, done);
                }
            }
        }
        long acceptedEntry = skipped.get(fewer.id()).get(0);
        JsonPath rp = preview(cid, ids[1]);
        assertThat(rp.getList("missing.jurorId", Long.class)).containsExactly(excused.id(), fewer.id(), gone.id());
        // The existing freeze endpoint refuses the same way.
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(409)
                .body("missing.jurorId", org.hamcrest.Matchers.contains((int) excused.id(), (int) fewer.id(),
                        (int) gone.id()));

        // Remedy 1 again, for scorecards: the juror's two unfinished entries go to jurors not yet on them.
        reassign(cid, ids[1], gone.id()).then().statusCode(200).body("moved", equalTo(2));
        assertThat(JudgingFixtures.queue(gone, cid)).doesNotContainAnyElementsOf(skipped.get(gone.id()));
        for (JurorAccount j : w.jurors()) {
            for (long eid : JudgingFixtures.queue(j, cid)) {
                if (!skipped.getOrDefault(j.id(), List.of()).contains(eid) && !done.contains(j.id() + ":" + eid)) {
                    score(j, eid, done);
                }
            }
        }
        assertThat(preview(cid, ids[1]).getList("missing.jurorId", Long.class))
                .containsExactly(excused.id(), fewer.id());
        close(cid, ids[1], Map.of("excuse", List.of(excused.id()))).then().statusCode(422); // no reason
        List<Long> previewed = preview(cid, ids[1]).getList("advancing", Long.class);
        List<Long> topThree = JudgingFixtures.json(ORGANISER.as().queryParam("size", 3)
                .get("/api/competitions/{cid}/ranking", cid)).getList("rows.entryId", Long.class);
        JsonPath frozen = close(cid, ids[1], Map.of("excuse", List.of(excused.id()), "acceptFewer",
                List.of(acceptedEntry), "reason", "excused: ill; entry judged by two")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(frozen.getList("advancing", Long.class)).isEqualTo(previewed)
                .containsExactlyInAnyOrderElementsOf(topThree);
        assertThat(frozen.getString("digest")).hasSize(64);
        assertThat(frozen.getList("remedies.kind")).containsExactly("REASSIGN", "EXCUSE", "ACCEPT_FEWER");
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "CLOSED");

        // All three kinds of remedy are inside the seal, it verifies, and changing one breaks it.
        ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                .body("valid", equalTo(true)).body("sealFormat", equalTo(3));
        String json = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select canonical_json from shortlist where competition_id = :cid").setParameter("cid", cid)
                .getSingleResult());
        assertThat(json).contains("\"remedies\":[").contains("\"kind\":\"REASSIGN\"").contains("\"kind\":\"EXCUSE\"")
                .contains("\"kind\":\"ACCEPT_FEWER\"").contains("excused: ill; entry judged by two")
                .contains("\"entryId\":" + acceptedEntry);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .body("remedies.kind", hasItems("REASSIGN", "EXCUSE", "ACCEPT_FEWER"));
        // The organiser's shortlist page shows each sealed decision, and marks the entries they touched.
        String page = org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password())
                .get("/organiser/competitions/" + cid + "/shortlist").then().statusCode(200).extract().asString();
        assertThat(page).contains("Decisions on missing work").contains(excused.name() + " excused")
                .contains("judged by fewer jurors").contains(gone.name() + ": 2 unfinished entries moved");
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where competition_id = :cid and action = 'ROUND_REMEDY'")
                .setParameter("cid", cid).getSingleResult()).longValue());
        assertThat(audited).isEqualTo(4); // a reassignment in each round, one excuse, one acceptance
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update round_remedy set reason = 'edited'"
                + " where round_id = :rid and kind = 'EXCUSE'").setParameter("rid", ids[1]).executeUpdate());
        try {
            ORGANISER.as().get("/api/competitions/{cid}/shortlist/verify", cid).then().statusCode(200)
                    .body("valid", equalTo(false)).body("digestMatches", equalTo(false));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update round_remedy set reason ="
                    + " 'excused: ill; entry judged by two' where round_id = :rid and kind = 'EXCUSE'")
                    .setParameter("rid", ids[1]).executeUpdate());
        }
    }

    private static final int[] MARKS = {3, 7, 9, 5, 8, 2, 6, 10, 4};

    private static void score(JurorAccount j, long eid, java.util.Set<String> done) {
        JudgingFixtures.submitScore(j, eid, MARKS[(int) ((eid + j.id()) % MARKS.length)], (int) (eid % 6));
        done.add(j.id() + ":" + eid);
    }

    private static String screeningVote(World w, long eid, int juror) {
        int i = w.entries().indexOf(eid);
        return switch (i % 3) {
            case 2 -> "YES";
            case 1 -> juror % 2 == 0 ? "YES" : "NO";
            default -> "NO";
        };
    }

    /**
     * A remedy's reason is sealed in clear (format 3) and outlives the entry's erasure, as the close's reason
     * does in the round: one that names a child of the competition, in any case, is refused before anything is
     * recorded; the same close with a reason that names no one freezes.
     */
    @Test
    void aRemedysReasonThatNamesAChildIsRefusedBeforeAnythingIsSealed() {
        World w = JudgingFixtures.world(1, 2, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(w.juror(0), w.entry(0), 6, 3);
        JudgingFixtures.score(w.juror(0), w.entry(1), 4, 1, "DRAFT").then().statusCode(200);
        String child = ORGANISER.as().get("/api/entries/{eid}", w.entry(1)).then().statusCode(200).extract()
                .jsonPath().getString("participants[0].firstName");
        long rubric = rounds(w.cid()).getLong("[0].id");

        for (String reason : List.of("the juror could not finish " + child + "'s poster",
                child.toLowerCase(java.util.Locale.ROOT) + " entered late")) {
            close(w.cid(), rubric, Map.of("acceptFewer", List.of(w.entry(1)), "reason", reason)).then()
                    .statusCode(422).body("violations.field", hasItems("reason"));
        }
        // The close's own reason is kept with the round and its audit event: refused too, before the missing work's 409.
        close(w.cid(), rubric, Map.of("reason", "closed without " + child)).then().statusCode(422)
                .body("violations.field", hasItems("reason"));
        ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().statusCode(200)
                .body("status", equalTo("JUDGING"));
        ORGANISER.as().get("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(404);

        close(w.cid(), rubric, Map.of("acceptFewer", List.of(w.entry(1)), "reason", "draft left unfinished"))
                .then().statusCode(200);
        ORGANISER.as().get("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(200)
                .body("remedies.reason", org.hamcrest.Matchers.contains("draft left unfinished"));
    }

    /** The ranking page's freeze keeps its reason as the round's close reason: a name in it is refused there too. */
    @Test
    void theRankingPagesFreezeRefusesAReasonThatNamesAChild() {
        World w = JudgingFixtures.world(1, 2, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(w.juror(0), w.entry(0), 6, 3);
        JudgingFixtures.submitScore(w.juror(0), w.entry(1), 4, 1);
        String child = ORGANISER.as().get("/api/entries/{eid}", w.entry(1)).then().statusCode(200).extract()
                .jsonPath().getString("participants[0].firstName");
        var web = org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        String ranking = "/organiser/competitions/" + w.cid() + "/ranking";
        String shortlist = "/organiser/competitions/" + w.cid() + "/shortlist";

        Response named = web.post(ranking, shortlist, Map.of("reason", "frozen early, " + child + " agreed"));
        assertThat(named.statusCode()).as(named.asString()).isEqualTo(422);
        ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().body("status", equalTo("JUDGING"));
        assertThat(web.post(ranking, shortlist, Map.of("reason", "frozen early")).statusCode()).isEqualTo(303);
        ORGANISER.as().get("/api/competitions/{cid}", w.cid()).then().body("status", equalTo("FROZEN"));
    }
}
