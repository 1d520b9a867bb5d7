package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.ranking.math.Stats;
import org.juryroom.web.WebSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** A juror's own statistics: done of assigned, their marks beside the jury's, no other juror identifiable. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class JurorStatsTest {

    private static JsonPath stats(JurorAccount juror, long cid) {
        return juror.login().as().queryParam("competitionId", cid).get("/api/jurors/me/stats").then().statusCode(200)
                .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void aJurorSeesTheirMarksBesideTheJurysAndNoOtherJuror() {
        World w = JudgingFixtures.world(2, 2, 5, 1);
        JudgingFixtures.assign(w.cid(), 5, 2).then().statusCode(201);
        Random rnd = new Random(7);
        int[][][] marks = new int[4][4][]; // juror, entry -> {message, craft}
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 4; e++) {
                marks[j][e] = new int[]{1 + rnd.nextInt(10), rnd.nextInt(6)};
                JudgingFixtures.submitScore(w.juror(j), w.entry(e), marks[j][e][0], marks[j][e][1]);
            }
        }
        JudgingFixtures.score(w.juror(4), w.entry(0), 3, 1, "DRAFT").then().statusCode(200);

        // Two other jurors have scored: the jury's figures would give away the other pair's marks. Withheld.
        JsonPath early = stats(w.juror(0), w.cid());
        assertThat(early.getBoolean("juryShown")).isFalse();
        assertThat(early.getInt("minOtherJurors")).isEqualTo(3);
        assertThat((Object) early.get("totalJury")).isNull();
        assertThat(early.getList("criteria.jury")).containsOnlyNulls();
        assertYou(early, marks, 0);

        for (int e = 0; e < 4; e++) {
            marks[3][e] = new int[]{1 + rnd.nextInt(10), rnd.nextInt(6)};
            JudgingFixtures.submitScore(w.juror(3), w.entry(e), marks[3][e][0], marks[3][e][1]);
        }
        JsonPath s = stats(w.juror(0), w.cid());
        assertThat(s.getLong("assigned")).isEqualTo(4);
        assertThat(s.getLong("done")).isEqualTo(4);
        assertThat(s.getLong("drafts")).isZero();
        assertThat(s.getBoolean("juryShown")).isTrue();
        assertThat(s.getList("criteria.code")).containsExactly("message", "craft");
        assertYou(s, marks, 0);
        for (int k = 0; k < 2; k++) {
            double[] all = new double[16];
            for (int j = 0; j < 4; j++) {
                for (int e = 0; e < 4; e++) {
                    all[j * 4 + e] = marks[j][e][k];
                }
            }
            assertThat(s.getLong("criteria[" + k + "].jury.count")).isEqualTo(16);
            assertThat(s.getDouble("criteria[" + k + "].jury.mean")).isCloseTo(Stats.mean(all), within(1e-9));
            assertThat(s.getDouble("criteria[" + k + "].jury.sd")).isCloseTo(Stats.populationSd(all), within(1e-9));
        }
        List<Double> jury = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            for (int e = 0; e < 4; e++) {
                jury.add(JudgingFixtures.total(marks[j][e][0], marks[j][e][1]));
            }
        }
        double[] juryTotals = jury.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(s.getDouble("totalJury.mean")).isCloseTo(Stats.mean(juryTotals), within(1e-6));
        assertThat(s.getDouble("totalJury.sd")).isCloseTo(Stats.populationSd(juryTotals), within(1e-6));

        String body = w.juror(0).login().as().queryParam("competitionId", w.cid()).get("/api/jurors/me/stats")
                .asString();
        for (int j = 1; j < 5; j++) {
            assertThat(body).doesNotContain(w.juror(j).name()).doesNotContain(w.juror(j).login().username());
        }
        assertThat(body).doesNotContain("jurorId").doesNotContain("jurorName");

        // The juror who has only a draft: nothing counted yet, one draft, none done.
        JsonPath idle = stats(w.juror(4), w.cid());
        assertThat(idle.getLong("assigned")).isEqualTo(4);
        assertThat(idle.getLong("done")).isZero();
        assertThat(idle.getLong("drafts")).isEqualTo(1);
        assertThat(idle.getLong("totalYou.count")).isZero();
        assertThat((Object) idle.get("totalYou.mean")).isNull();

        // On the desk: the juror's figures under the queue.
        String page = WebSession.signIn(w.juror(0).login().username(), w.juror(0).login().password())
                .get("/jury/competitions/" + w.cid()).then().statusCode(200).extract().asString();
        assertThat(page).contains("How you mark").contains("4 of 4 done")
                .contains("⌀ " + org.juryroom.i18n.Numbers.score(s.getDouble("criteria[0].you.mean")));
        for (int j = 1; j < 5; j++) {
            assertThat(page).doesNotContain(w.juror(j).name());
        }
    }

    private static void assertYou(JsonPath s, int[][][] marks, int juror) {
        for (int k = 0; k < 2; k++) {
            double[] mine = new double[4];
            for (int e = 0; e < 4; e++) {
                mine[e] = marks[juror][e][k];
            }
            assertThat(s.getLong("criteria[" + k + "].you.count")).isEqualTo(4);
            assertThat(s.getDouble("criteria[" + k + "].you.mean")).isCloseTo(Stats.mean(mine), within(1e-9));
            assertThat(s.getDouble("criteria[" + k + "].you.sd")).isCloseTo(Stats.populationSd(mine), within(1e-9));
        }
        double[] totals = new double[4];
        for (int e = 0; e < 4; e++) {
            totals[e] = JudgingFixtures.total(marks[juror][e][0], marks[juror][e][1]);
        }
        assertThat(s.getDouble("totalYou.mean")).isCloseTo(Stats.mean(totals), within(1e-6));
        assertThat(s.getDouble("totalYou.sd")).isCloseTo(Stats.populationSd(totals), within(1e-6));
    }

    @Test
    void theCompetitionMustBeNamedAndExist() {
        JurorAccount juror = JudgingFixtures.juror();
        juror.login().as().get("/api/jurors/me/stats").then().statusCode(422);
        juror.login().as().queryParam("competitionId", 0).get("/api/jurors/me/stats").then().statusCode(404);
        // A competition the juror has no work in is not theirs to read, not even the jury's averages.
        long elsewhere = JudgingFixtures.openCompetition(1);
        juror.login().as().queryParam("competitionId", elsewhere).get("/api/jurors/me/stats").then().statusCode(404);
        ORGANISER.as().queryParam("competitionId", 0).get("/api/jurors/me/stats").then().statusCode(403);
    }
}
