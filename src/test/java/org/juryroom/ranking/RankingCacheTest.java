package org.juryroom.ranking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The ranking is computed once per change of what it counts: further pages cost no computation,
 * and a committed scorecard write is in every ranking requested after it (counted with
 * {@link RankingCache#computations()}, not timed).
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RankingCacheTest {

    @Inject
    RankingCache cache;

    @Inject
    org.juryroom.common.ChangePurge purge;

    @Inject
    io.agroal.api.AgroalDataSource db;

    private long changeRows(long cid) throws java.sql.SQLException {
        try (var c = db.getConnection();
             var s = c.prepareStatement("select count(*) from ranking_change where competition_id = ?")) {
            s.setLong(1, cid);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static JsonPath page(long cid, int page, int size) {
        return ORGANISER.as().queryParam("page", page).queryParam("size", size)
                .get("/api/competitions/{cid}/ranking", cid).then().statusCode(200).extract().jsonPath();
    }

    /** Every entry of the world scored by every juror with the lowest marks (total 0). */
    private static World scoredWorld(int jurors) {
        World w = JudgingFixtures.world(2, 3, jurors, 2);
        JudgingFixtures.assign(w.cid(), jurors, 1).then().statusCode(201);
        for (JurorAccount j : w.jurors()) {
            for (long eid : w.entries()) {
                JudgingFixtures.submitScore(j, eid, 1, 0);
            }
        }
        return w;
    }

    @Test
    void pagesAreSlicesOfOneComputationUntilAScorecardChanges() {
        World w = scoredWorld(2);
        long before = cache.computations();
        JsonPath first = page(w.cid(), 0, 2);
        List<Long> paged = new ArrayList<>(first.getList("rows.entryId", Long.class));
        paged.addAll(page(w.cid(), 1, 2).getList("rows.entryId", Long.class));
        paged.addAll(page(w.cid(), 2, 2).getList("rows.entryId", Long.class));
        assertThat(cache.computations() - before).as("three pages, one computation").isEqualTo(1);
        assertThat(first.getLong("total")).isEqualTo(6);
        assertThat(paged).containsExactlyElementsOf(page(w.cid(), 0, 100).getList("rows.entryId", Long.class));
        assertThat(first.getList("rows.title", String.class)).allMatch(t -> t.startsWith("Work "));

        long last = paged.get(5);
        JudgingFixtures.submitScore(w.juror(0), last, 10, 5);
        JsonPath after = page(w.cid(), 0, 2);
        assertThat(after.getLong("rows[0].entryId")).as("the changed scorecard is in the next request").isEqualTo(last);
        assertThat(after.getDouble("rows[0].rawMean")).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-4));
        page(w.cid(), 1, 2);
        assertThat(cache.computations() - before).as("one more computation for the change").isEqualTo(2);
    }

    /**
     * Writers commit in any order: a scorecard change begun before another but committed after it (and
     * after a request computed the ranking in between) is in the next request's ranking.
     */
    @Test
    void aChangeCommittedAfterALaterOneIsSeenOnTheNextRequest() throws Exception {
        World w = scoredWorld(2);
        // Every entry has the same marks, so the tie-break (entry codes, random) orders them: the last one
        // is the entry that changes, the first one another writer touches.
        List<Long> initial = page(w.cid(), 0, 100).getList("rows.entryId", Long.class);
        long eid = initial.get(initial.size() - 1);
        long other = initial.get(0);
        try (java.sql.Connection older = java.sql.DriverManager.getConnection(
                org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres");
             java.sql.Connection newer = java.sql.DriverManager.getConnection(
                     org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres")) {
            older.setAutoCommit(false);
            // The marks' trigger raises the scorecard's total to 100: the entry's mean becomes 50.
            older.createStatement().executeUpdate("update score s set value = c.max_score from criterion c"
                    + " where c.id = s.criterion_id and s.scorecard_id = (select id from scorecard where entry_id = "
                    + eid + " and juror_id = " + w.juror(0).id() + ")");
            newer.createStatement().executeUpdate("update scorecard set status = status where entry_id = " + other);
            assertThat(page(w.cid(), 0, 1).getLong("rows[0].entryId")).isNotEqualTo(eid);
            older.commit();
        }
        JsonPath after = page(w.cid(), 0, 1);
        assertThat(after.getLong("rows[0].entryId")).isEqualTo(eid);
        assertThat(after.getDouble("rows[0].rawMean")).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void readersPagingWhileWritersSubmitNeverSeeARankingOlderThanAWriteAnsweredBeforeTheRequest() {
        Random random = new Random(15_2026L);
        int jurors = 3;
        for (int round = 0; round < Race.rounds(3); round++) {
            World w = scoredWorld(jurors);
            // What each (juror, entry) scorecard's total is known to be at least: raised when a write is answered.
            Map<String, Double> answered = new ConcurrentHashMap<>();
            List<Callable<List<String>>> tasks = new ArrayList<>();
            List<String> pairs = new ArrayList<>();
            for (int j = 0; j < jurors; j++) {
                for (int e = 0; e < w.entries().size(); e++) {
                    pairs.add(j + "/" + e);
                }
            }
            java.util.Collections.shuffle(pairs, random);
            for (String pair : pairs.subList(0, 6)) {
                JurorAccount juror = w.juror(Integer.parseInt(pair.split("/")[0]));
                long eid = w.entry(Integer.parseInt(pair.split("/")[1]));
                String key = juror.id() + "/" + eid;
                int craft = random.nextInt(6);
                tasks.add(() -> {
                    for (int message = 2; message <= 10; message++) {
                        JudgingFixtures.submitScore(juror, eid, message, craft);
                        answered.merge(key, JudgingFixtures.total(message, craft), Math::max);
                    }
                    return List.of();
                });
            }
            for (int r = 0; r < 3; r++) {
                long seed = random.nextLong();
                tasks.add(() -> {
                    Random mine = new Random(seed);
                    List<String> stale = new ArrayList<>();
                    for (int k = 0; k < 12; k++) {
                        Map<String, Double> before = Map.copyOf(answered);
                        JsonPath p = page(w.cid(), mine.nextInt(3), 2);
                        for (Map<String, Object> row : p.<Map<String, Object>>getList("rows")) {
                            long eid = ((Number) row.get("entryId")).longValue();
                            double atLeast = w.jurors().stream()
                                    .mapToDouble(j -> before.getOrDefault(j.id() + "/" + eid, 0.0)).sum() / jurors;
                            double shown = ((Number) row.get("rawMean")).doubleValue();
                            if (shown < atLeast - 1e-4) {
                                stale.add("entry " + eid + " shown " + shown + ", answered writes make it " + atLeast);
                            }
                        }
                    }
                    return stale;
                });
            }
            List<String> stale = Race.all(tasks).stream().flatMap(List::stream).toList();
            assertThat(stale).as("round %d", round).isEmpty();

            // Settled: the ranking is exactly the last writes, and paging it again computes nothing.
            JsonPath all = page(w.cid(), 0, 100);
            for (Map<String, Object> row : all.<Map<String, Object>>getList("rows")) {
                long eid = ((Number) row.get("entryId")).longValue();
                double expected = w.jurors().stream()
                        .mapToDouble(j -> answered.getOrDefault(j.id() + "/" + eid, 0.0)).sum() / jurors;
                assertThat(((Number) row.get("rawMean")).doubleValue()).as("round %d, entry %d", round, eid)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
            }
            long settled = cache.computations();
            page(w.cid(), 1, 2);
            page(w.cid(), 2, 2);
            assertThat(cache.computations()).isEqualTo(settled);
        }
    }

    /**
     * The purge empties ranking_change of rows every snapshot has seen, yet a ranking computed before
     * changes that the purge then deleted is recomputed, not served stale: the purge leaves its own row.
     */
    @Test
    void aRankingComputedBeforeThePurgedChangesIsRecomputed() throws Exception {
        World w = scoredWorld(1);
        long before = cache.computations();
        assertThat(page(w.cid(), 0, 100).getDouble("rows[0].rawMean")).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-4));
        long changed = w.entries().get(0);
        JudgingFixtures.submitScore(w.juror(0), changed, 10, 5);
        assertThat(changeRows(w.cid())).as("rows of the scoring and the changes").isGreaterThan(1);

        assertThat(purge.purge()).isGreaterThan(0);
        assertThat(changeRows(w.cid())).as("one row, the purge's horizon").isEqualTo(1);

        JsonPath after = page(w.cid(), 0, 100);
        assertThat(after.getLong("rows[0].entryId")).as("the purged change is in the next request").isEqualTo(changed);
        assertThat(cache.computations() - before).as("recomputed once after the purge").isEqualTo(2);
        page(w.cid(), 0, 100);
        assertThat(cache.computations() - before).as("then current again").isEqualTo(2);
        purge.purge(); // other competitions' rows may go; this one's lone horizon row stays
        assertThat(changeRows(w.cid())).as("a lone horizon row is left alone").isEqualTo(1);
        page(w.cid(), 0, 100);
        assertThat(cache.computations() - before).as("a purge with nothing to delete keeps the copy current")
                .isEqualTo(2);
    }
}
