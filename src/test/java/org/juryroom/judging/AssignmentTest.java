package org.juryroom.judging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST /assignments on generated competitions of hundreds of entries, checked against the database. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class AssignmentTest {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    private Map<Long, Set<Long>> assignments(long cid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Set<Long>> out = new HashMap<>();
            List<Object[]> rows = em.createNativeQuery("select entry_id, juror_id from assignment where competition_id = ?1")
                    .setParameter(1, cid).getResultList();
            rows.forEach(r -> out.computeIfAbsent(((Number) r[0]).longValue(), x -> new HashSet<>())
                    .add(((Number) r[1]).longValue()));
            return out;
        });
    }

    @Test
    void hundredsOfEntriesGetKDistinctJurorsWithBalancedLoadsAndReRunsKeepScorecards() {
        long cid = JudgingFixtures.openCompetition(10);
        List<Long> schools = BulkData.schools(em, 30, JudgingFixtures.unique("District"));
        List<Long> jurors = BulkData.jurors(em, 23);
        List<BulkData.BulkEntry> entries = BulkData.entries(em, cid, schools, List.of("poster", "essay"), 450);
        Map<Long, List<String>> jury = new LinkedHashMap<>();
        jurors.forEach(j -> jury.put(j, List.of()));
        JudgingFixtures.panels(cid, jury);
        JudgingFixtures.transition(cid, "JUDGING");

        JsonPath result = JudgingFixtures.assign(cid, 3, 42).then().statusCode(201)
                .body("assignments", equalTo(450 * 3)).body("entries", equalTo(450)).body("jurors", equalTo(23))
                .body("entriesShortOfJurors.size()", equalTo(0)).body("seed", equalTo(42))
                .extract().jsonPath();
        assertThat(result.getInt("maxLoad") - result.getInt("minLoad")).isLessThanOrEqualTo(1);
        Map<Long, Set<Long>> pairs = assignments(cid);
        assertThat(pairs).hasSize(450);
        pairs.values().forEach(js -> assertThat(js).hasSize(3));
        Map<Long, Integer> load = new HashMap<>();
        pairs.values().forEach(js -> js.forEach(j -> load.merge(j, 1, Integer::sum)));
        assertThat(load.keySet()).containsExactlyInAnyOrderElementsOf(jurors);
        assertThat(load.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
                - load.values().stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);

        // A scorecard made before a re-run survives it; the re-run adds nothing.
        long scored = entries.get(0).id();
        long scorer = pairs.get(scored).iterator().next();
        QuarkusTransaction.requiringNew().run(() -> BulkData.scorecard(em, scored, scorer,
                Map.of("message", 7, "craft", 2)));
        JudgingFixtures.assign(cid, 3, 43).then().statusCode(201).body("assignments", equalTo(0));
        assertThat(assignments(cid)).isEqualTo(pairs);
        JudgingFixtures.ORGANISER.as().get("/api/entries/{eid}/scorecards", scored).then()
                .body("all.size()", equalTo(1));

        // Raising k tops every entry up by one, still balanced.
        JsonPath more = JudgingFixtures.assign(cid, 4, 44).then().statusCode(201)
                .body("assignments", equalTo(450)).extract().jsonPath();
        assertThat(more.getInt("maxLoad") - more.getInt("minLoad")).isLessThanOrEqualTo(1);
    }

    @Test
    void theSameCompetitionAndSeedGiveTheSameAssignmentAndAnotherSeedAnother() {
        // Three competitions of the same shape: the same schools and jury, 60 entries made in the same
        // order. A re-run keeps what is assigned, so each seed gets a fresh competition.
        List<Long> schools = BulkData.schools(em, 5, JudgingFixtures.unique("District"));
        List<Long> jurors = BulkData.jurors(em, 9);
        Map<Long, List<String>> jury = new LinkedHashMap<>();
        jurors.forEach(j -> jury.put(j, List.of()));
        long[] seeds = {42, 42, 43};
        List<List<Set<Long>>> plans = new java.util.ArrayList<>();
        for (long seed : seeds) {
            long cid = JudgingFixtures.openCompetition(5);
            List<BulkData.BulkEntry> entries = BulkData.entries(em, cid, schools, List.of("poster", "essay"), 60);
            JudgingFixtures.panels(cid, jury);
            JudgingFixtures.transition(cid, "JUDGING");
            JudgingFixtures.assign(cid, 3, seed).then().statusCode(201).body("seed", equalTo((int) seed))
                    .body("assignments", equalTo(60 * 3));
            Map<Long, Set<Long>> pairs = assignments(cid);
            // Entry ids differ between competitions; the n-th entry made is the same entry.
            plans.add(entries.stream().map(e -> pairs.get(e.id())).toList());
        }
        assertThat(plans.get(0)).doesNotContainNull().isEqualTo(plans.get(1));
        long differing = java.util.stream.IntStream.range(0, 60)
                .filter(i -> !plans.get(0).get(i).equals(plans.get(2).get(i))).count();
        assertThat(differing).as("entries whose jurors change with the seed").isGreaterThan(30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void conflictsAndCategoryPanelsAreRespectedAndShortfallsReported() {
        long cid = JudgingFixtures.openCompetition(10);
        List<Long> schools = BulkData.schools(em, 12, JudgingFixtures.unique("District"));
        List<Long> jurors = BulkData.jurors(em, 8);
        List<BulkData.BulkEntry> entries = BulkData.entries(em, cid, schools, List.of("poster", "essay"), 240);
        // Jurors 0-1 score essays only; juror 2 posters only; the rest everything.
        Map<Long, List<String>> jury = new LinkedHashMap<>();
        for (int i = 0; i < jurors.size(); i++) {
            jury.put(jurors.get(i), i < 2 ? List.of("essay") : i == 2 ? List.of("poster") : List.of());
        }
        JudgingFixtures.panels(cid, jury);
        // School 0 conflicts with every juror but two: its entries can reach only 2 of k = 3.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 2; i < jurors.size(); i++) {
                em.createNativeQuery("insert into conflict (juror_id, school_id, declared_by) values (?1, ?2, 'organiser')")
                        .setParameter(1, jurors.get(i)).setParameter(2, schools.get(0)).executeUpdate();
            }
            em.createNativeQuery("insert into conflict (juror_id, school_id, declared_by) values (?1, ?2, 'juror')")
                    .setParameter(1, jurors.get(5)).setParameter(2, schools.get(3)).executeUpdate();
        });
        JudgingFixtures.transition(cid, "JUDGING");
        JsonPath result = JudgingFixtures.assign(cid, 3, 7).then().statusCode(201).extract().jsonPath();

        Map<Long, Set<Long>> pairs = assignments(cid);
        Map<String, Object> shortBy = result.getMap("entriesShortOfJurors");
        for (BulkData.BulkEntry e : entries) {
            Set<Long> got = pairs.getOrDefault(e.id(), Set.of());
            for (long j : got) {
                int index = jurors.indexOf(j);
                List<String> panel = jury.get(j);
                assertThat(panel.isEmpty() || panel.contains(e.categoryCode())).isTrue();
                assertThat(e.schoolId() == schools.get(0) && index >= 2).as("conflicted juror assigned").isFalse();
                assertThat(e.schoolId() == schools.get(3) && index == 5).as("conflicted juror assigned").isFalse();
            }
            if (e.schoolId() == schools.get(0)) {
                // Only jurors 0 and 1 are free of the conflict, and they score essays only.
                int expected = e.categoryCode().equals("essay") ? 2 : 0;
                assertThat(got).hasSize(expected);
                assertThat(((Number) shortBy.get(Long.toString(e.id()))).intValue()).isEqualTo(3 - expected);
            } else {
                assertThat(got).hasSize(3);
                assertThat(shortBy).doesNotContainKey(Long.toString(e.id()));
            }
        }
    }

    /**
     * A juror whose account is deactivated cannot sign in to do work: no run or top-up gives them
     * any (they were picked like anyone, their notice suppressed, and the freeze then missed their work).
     */
    @Test
    void deactivatedJurorsAreGivenNoWorkByARunOrATopUp() {
        JudgingFixtures.World w = JudgingFixtures.world(2, 2, 3, 1);
        long gone = w.juror(0).id();
        long a = w.juror(1).id();
        long b = w.juror(2).id();
        JudgingFixtures.ORGANISER.as().post("/api/jurors/{jid}/deactivate", gone).then().statusCode(200)
                .body("active", equalTo(false));

        JudgingFixtures.assign(w.cid(), 2, 5).then().statusCode(201).body("jurors", equalTo(2))
                .body("assignments", equalTo(4 * 2)).body("entriesShortOfJurors.size()", equalTo(0));
        Map<Long, Set<Long>> pairs = assignments(w.cid());
        assertThat(pairs).hasSize(4);
        pairs.values().forEach(js -> assertThat(js).containsExactlyInAnyOrder(a, b));

        // A conflict takes juror a off school 0's entries: the top-up finds nobody rather than the deactivated juror.
        JudgingFixtures.ORGANISER.as().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("jurorId", a, "schoolId", w.school(0).id()))
                .post("/api/competitions/{cid}/conflicts", w.cid()).then().statusCode(201);
        assertThat(assignments(w.cid())).isEqualTo(pairs);
        JudgingFixtures.ORGANISER.as().queryParam("action", "JURORS_REASSIGNED")
                .get("/api/competitions/{cid}/audit", w.cid()).then().statusCode(200)
                .body("items[0].after.shortBy." + w.entry(0), equalTo(1))
                .body("items[0].after.added.size()", equalTo(0));

        // Reactivated, they are in the pool again.
        JudgingFixtures.ORGANISER.as().post("/api/jurors/{jid}/reactivate", gone).then().statusCode(200);
        JudgingFixtures.assign(w.cid(), 2, 5).then().statusCode(201).body("assignments", equalTo(2));
        assertThat(assignments(w.cid()).get(w.entry(0))).contains(gone);
    }
}
