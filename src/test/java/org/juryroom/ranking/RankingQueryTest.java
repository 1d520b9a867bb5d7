package org.juryroom.ranking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.BulkData;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.ranking.math.BootstrapParams;
import org.juryroom.ranking.math.Criterion;
import org.juryroom.ranking.math.DisagreementRule;
import org.juryroom.ranking.math.JurorTotal;
import org.juryroom.ranking.math.NormalisationMethod;
import org.juryroom.ranking.math.RankedRow;
import org.juryroom.ranking.math.Ranking;
import org.juryroom.ranking.math.RankingParams;
import org.juryroom.ranking.math.RankingResult;
import org.juryroom.ranking.math.Scorecards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The SQL ranking (RankingQuery, through GET /ranking) and the pure module (Ranking.rank) must
 * give the same ranking: same order, same scores, medians, spreads and flags, same pTopN. Random
 * competitions with harsh and lenient jurors, jurors below the z-score minimum, a juror who gives
 * everyone the same marks, exact ties and conflicts (whose scorecards neither side may count).
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RankingQueryTest {

    private static final List<Criterion> RUBRIC = List.of(new Criterion("message", 2, 1, 10),
            new Criterion("craft", 1, 0, 5));
    private static final double EPS = 1e-9;

    @Inject
    EntityManager em;

    @Inject
    RankingQuery query;

    @ParameterizedTest
    @EnumSource(NormalisationMethod.class)
    void sqlRankingEqualsPureModuleOnRandomCompetitions(NormalisationMethod method) {
        for (long seed : new long[] {11, 12, 13}) {
            compareOnRandomCompetition(method, seed);
        }
    }

    private void compareOnRandomCompetition(NormalisationMethod method, long seed) {
        Random random = new Random(seed * 31 + method.ordinal());
        int shortlist = 5 + random.nextInt(10);
        long cid = JudgingFixtures.openCompetition(shortlist);
        JudgingFixtures.transition(cid, "JUDGING");
        settings(cid, method, 25.0, random.nextBoolean() ? 12.0 : null);
        List<Long> schools = BulkData.schools(em, 6, "District " + seed);
        List<Long> jurors = BulkData.jurors(em, 12);
        List<BulkData.BulkEntry> entries = BulkData.entries(em, cid, schools, List.of("poster", "essay"),
                60 + random.nextInt(60));
        // Juror 0 is harsh, 1 lenient, 2 gives everyone the same marks, 3 scores only two entries (< 3: raw).
        int[] bias = new int[jurors.size()];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = j == 0 ? -3 : j == 1 ? 3 : random.nextInt(3) - 1;
        }
        List<long[]> cards = new ArrayList<>(); // {entryId, jurorId, message, craft}
        Map<Long, Set<Long>> scoredBy = new HashMap<>();
        int juror3 = 0;
        for (BulkData.BulkEntry e : entries) {
            int quality = random.nextInt(10);
            int n = 1 + random.nextInt(5);
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < jurors.size(); j++) {
                order.add(j);
            }
            java.util.Collections.shuffle(order, random);
            for (int j : order.subList(0, n)) {
                if (j == 3 && juror3++ >= 2) {
                    continue;
                }
                int message = j == 2 ? 6 : clamp(1 + quality + bias[j] + random.nextInt(3) - 1, 1, 10);
                int craft = j == 2 ? 3 : clamp(quality / 2 + (bias[j] > 0 ? 1 : bias[j] < 0 ? -1 : 0)
                        + random.nextInt(2), 0, 5);
                cards.add(new long[] {e.id(), jurors.get(j), message, craft});
                scoredBy.computeIfAbsent(e.id(), x -> new HashSet<>()).add(jurors.get(j));
            }
        }
        // Two conflicts: those jurors' scorecards for that school's entries must not count anywhere.
        Set<String> conflicts = Set.of(jurors.get(4) + ":" + schools.get(0), jurors.get(5) + ":" + schools.get(1));
        QuarkusTransaction.requiringNew().run(() -> {
            for (long[] c : cards) {
                BulkData.scorecard(em, c[0], c[1], Map.of("message", (int) c[2], "craft", (int) c[3]));
            }
            for (String c : conflicts) {
                String[] p = c.split(":");
                em.createNativeQuery("insert into conflict (juror_id, school_id, declared_by) values (?1, ?2, 'organiser')")
                        .setParameter(1, Long.parseLong(p[0])).setParameter(2, Long.parseLong(p[1])).executeUpdate();
            }
        });

        Map<Long, Long> schoolOf = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        entries.forEach(e -> {
            schoolOf.put(e.id(), e.schoolId());
            codes.put(e.id(), e.code());
        });
        List<JurorTotal> totals = new ArrayList<>();
        for (long[] c : cards) {
            if (!conflicts.contains(c[1] + ":" + schoolOf.get(c[0]))) {
                totals.add(new JurorTotal(c[1], c[0], Scorecards.weightedTotal(RUBRIC,
                        Map.of("message", (int) c[2], "craft", (int) c[3]))));
            }
        }
        DisagreementRule rule = ORGANISER.as().get("/api/competitions/{cid}", cid).jsonPath()
                .get("disagreementMaxStdDev") == null ? DisagreementRule.spreadOnly(25.0)
                : new DisagreementRule(25.0, 12.0);
        RankingResult expected = Ranking.rank(totals, codes, RankingParams.defaults(shortlist).withMethod(method)
                .withDisagreement(rule).withBootstrap(BootstrapParams.withSeed(cid)));

        JsonPath sql = JudgingFixtures.json(ORGANISER.as().queryParam("size", 1000)
                .get("/api/competitions/{cid}/ranking", cid).then().statusCode(200).extract().response());
        List<Map<String, Object>> rows = sql.getList("rows");
        assertThat(sql.getLong("total")).isEqualTo(expected.rows().size());
        assertThat(sql.getString("method")).isEqualTo(method.name());
        assertThat(rows.stream().map(r -> ((Number) r.get("entryId")).longValue()).toList())
                .as("order for %s, seed %d", method, seed)
                .containsExactlyElementsOf(expected.rows().stream().map(RankedRow::entryId).toList());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> got = rows.get(i);
            RankedRow want = expected.rows().get(i);
            assertThat(((Number) got.get("rank")).intValue()).isEqualTo(want.rank());
            assertThat(num(got, "score")).isCloseTo(want.score(), within(EPS));
            assertThat(num(got, "rawMean")).isCloseTo(want.rawMean(), within(EPS));
            assertThat(num(got, "median")).isCloseTo(want.median(), within(EPS));
            assertThat(((Number) got.get("jurorCount")).intValue()).isEqualTo(want.jurorCount());
            assertThat(num(got, "spread")).isCloseTo(want.spread(), within(EPS));
            assertThat(num(got, "stdDev")).isCloseTo(want.stdDev(), within(EPS));
            assertThat(got.get("flagged")).isEqualTo(want.flagged());
            if (want.rank() <= shortlist + RankingParams.DEFAULT_NEAR_CUT_MARGIN) {
                // Same seed, same resampling; the values differ only in the last bits of a double.
                assertThat(num(got, "pTopN")).as("pTopN of rank %d", want.rank())
                        .isCloseTo(want.pTopN(), within(0.002));
            } else {
                assertThat(got.get("pTopN")).isNull();
            }
        }
        // Paging returns the same rows as the whole list.
        JsonPath page2 = ORGANISER.as().queryParam("page", 1).queryParam("size", 7)
                .get("/api/competitions/{cid}/ranking", cid).then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("rows.entryId", Long.class)).containsExactlyElementsOf(
                expected.rows().subList(7, 14).stream().map(RankedRow::entryId).toList());
        sameToTheLastBit(cid, method, shortlist);
    }

    /**
     * The kept ranking ({@code compute}: one statement, read in binary) and the freeze's
     * ({@code materialise}: temporary tables) give the same rows to the last bit, and their medians
     * (taken from the sorted values) are exactly what percentile_cont(0.5) gives for the same values.
     */
    private void sameToTheLastBit(long cid, NormalisationMethod method, int shortlist) {
        QuarkusTransaction.requiringNew().run(() -> {
            RankingQuery.Computed computed = query.compute(cid, method, RankingQuery.Basis.LIVE, shortlist);
            query.materialise(cid, method, RankingQuery.Basis.LIVE);
            List<RankingQuery.Row> frozenForm = query.page(0, 100_000).stream().map(r -> new RankingQuery.Row(
                    r.rank(), r.entryId(), r.code(), null, null, null, r.score(), r.rawMean(), r.median(),
                    r.jurorCount(), r.spread(), r.stdDev(), r.minValue(), r.maxValue())).toList();
            assertThat(computed.rows()).as("compute = materialise, %s", method).isEqualTo(frozenForm);
            @SuppressWarnings("unchecked")
            List<Object[]> medians = em.createNativeQuery("select entry_id, percentile_cont(0.5) within group"
                    + " (order by v), count(*) from jr_normalised group by entry_id").getResultList();
            Map<Long, Double> median = new HashMap<>();
            medians.forEach(m -> median.put(((Number) m[0]).longValue(), ((Number) m[1]).doubleValue()));
            assertThat(medians).as("some entries have an even number of values")
                    .anyMatch(m -> ((Number) m[2]).longValue() % 2 == 0);
            computed.rows().forEach(r -> assertThat(r.median()).as("median of %d", r.entryId())
                    .isEqualTo(median.get(r.entryId())));
        });
    }

    /**
     * The hand-computed case of NormalisationTest, through the database: one 0-100 criterion, so a
     * scorecard's total is its mark. Harsh juror: E1 50, E2 40, E3 30. Lenient: E2 90, E3 80, E4 70.
     * Raw means E1 50, E2 65, E3 55, E4 70; normalised, E1 > E2 > E3 > E4. The competition is
     * created without a ranking method.
     */
    private List<Long> harshAndLenient(long cid) {
        JudgingFixtures.transition(cid, "JUDGING");
        List<Long> schools = BulkData.schools(em, 1, "Hand district");
        List<Long> jurors = BulkData.jurors(em, 2);
        List<BulkData.BulkEntry> e = BulkData.entries(em, cid, schools, List.of("poster"), 4);
        QuarkusTransaction.requiringNew().run(() -> {
            int[][] marks = {{0, 0, 50}, {0, 1, 40}, {0, 2, 30}, {1, 1, 90}, {1, 2, 80}, {1, 3, 70}};
            for (int[] m : marks) {
                BulkData.scorecard(em, e.get(m[1]).id(), jurors.get(m[0]), Map.of("overall", m[2]));
            }
        });
        return e.stream().map(BulkData.BulkEntry::id).toList();
    }

    private static long oneCriterionCompetition() {
        return JudgingFixtures.openCompetition(2, Map.of("criteria", List.of(Map.of("code", "overall",
                "name", "Overall", "weight", 1, "minScore", 0, "maxScore", 100))));
    }

    @Test
    void aCompetitionCreatedWithoutAMethodRanksByPerJurorNormalisation() {
        long cid = oneCriterionCompetition();
        List<Long> e = harshAndLenient(cid);
        ORGANISER.as().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("rankingMethod", org.hamcrest.Matchers.equalTo("Z_SCORE"));
        JsonPath ranking = JudgingFixtures.json(ORGANISER.as().get("/api/competitions/{cid}/ranking", cid));
        assertThat(ranking.getString("method")).isEqualTo("Z_SCORE");
        // The normalised order, not the raw one (E4, E2, E3, E1).
        assertThat(ranking.getList("rows.entryId", Long.class)).containsExactly(e.get(0), e.get(1), e.get(2),
                e.get(3));
    }

    @Test
    void harshAndLenientJurorsDisagreeRawButAgreeNormalised() {
        long cid = oneCriterionCompetition();
        List<Long> ids = harshAndLenient(cid);
        settings(cid, NormalisationMethod.RAW_MEAN, 30.0, null);
        JsonPath raw = JudgingFixtures.json(ORGANISER.as().get("/api/competitions/{cid}/ranking", cid));
        assertThat(raw.getString("method")).isEqualTo("RAW_MEAN");
        // Raw means E1 50, E2 65, E3 55, E4 70: the lenient juror's worst entry comes first.
        assertThat(raw.getList("rows.entryId", Long.class)).containsExactly(ids.get(3), ids.get(1), ids.get(2),
                ids.get(0));

        settings(cid, NormalisationMethod.Z_SCORE, 30.0, null);
        JsonPath z = JudgingFixtures.json(ORGANISER.as().get("/api/competitions/{cid}/ranking", cid));
        assertThat(z.getList("rows.entryId", Long.class)).containsExactlyElementsOf(ids);
        double r700 = Math.sqrt(700);
        List<Double> scores = z.getList("rows.score", Double.class);
        double[] expected = {60 + r700, 60 + r700 / 2, 60 - r700 / 2, 60 - r700};
        for (int i = 0; i < expected.length; i++) {
            assertThat(scores.get(i)).isCloseTo(expected[i], within(EPS));
        }
        // Spreads 0, 50, 50, 0 against a 30-point threshold: E2 and E3 are flagged.
        assertThat(z.getList("rows.flagged", Boolean.class)).containsExactly(false, true, true, false);
    }

    private static void settings(long cid, NormalisationMethod method, double maxSpread, Double maxSd) {
        Map<String, Object> body = new HashMap<>();
        body.put("rankingMethod", method.name());
        body.put("disagreementMaxSpread", maxSpread);
        body.put("disagreementMaxStdDev", maxSd);
        ORGANISER.as().contentType(ContentType.JSON).body(body)
                .put("/api/competitions/{cid}/ranking-settings", cid).then().statusCode(200);
    }

    private static double num(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
