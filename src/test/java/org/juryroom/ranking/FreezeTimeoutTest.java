package org.juryroom.ranking;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.rounds.CloseHooks;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The freeze seals every scorecard (500,000 in a national competition): whichever way it starts — the API, the
 * ranking page, closing the rubric round through the API or the rounds page — it runs in a transaction of 900 s,
 * not the default 60 s. Read inside the freeze itself, at the hook every freeze passes.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class FreezeTimeoutTest {

    /** Each competition's freeze, the timeout of the transaction it ran in. */
    private final Map<Long, Integer> timeouts = new ConcurrentHashMap<>();

    @BeforeEach
    void listen() {
        QuarkusMock.installMockForType(new CloseHooks() {
            @Override
            public void afterHeldCheck(long competitionId) {
                try {
                    TransactionImple tx = (TransactionImple) com.arjuna.ats.jta.TransactionManager.transactionManager()
                            .getTransaction();
                    timeouts.put(competitionId, tx.getTimeout());
                } catch (jakarta.transaction.SystemException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, CloseHooks.class);
    }

    private static long rubricRound(long cid) {
        return ORGANISER.as().get("/api/competitions/{cid}/rounds", cid).then().statusCode(200)
                .extract().jsonPath().getLong("find { it.kind == 'RUBRIC' }.id");
    }

    private void freezesIn900Seconds(String way, LongFunction<Response> freeze, int status) {
        long cid = FreezeRaceTest.scoredWorld(new Random(20261207L)).cid(); // only the way in differs
        Response r = freeze.apply(cid);
        assertThat(r.statusCode()).as(way + ": " + r.asString()).isEqualTo(status);
        ORGANISER.as().get("/api/competitions/{cid}", cid).then().body("status", equalTo("FROZEN"));
        assertThat(timeouts.get(cid)).as(way).isEqualTo(900);
    }

    @Test
    void theApisFreeze() {
        freezesIn900Seconds("POST /api/competitions/{cid}/shortlist",
                cid -> ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid), 201);
    }

    @Test
    void theRankingPagesFreeze() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        freezesIn900Seconds("the ranking page", cid -> web.post("/organiser/competitions/" + cid + "/ranking",
                "/organiser/competitions/" + cid + "/shortlist", Map.of()), 303);
    }

    @Test
    void closingTheRubricRoundThroughTheApi() {
        freezesIn900Seconds("POST /api/competitions/{cid}/rounds/{rid}/close",
                cid -> ORGANISER.as().contentType(ContentType.JSON).body(Map.of())
                        .post("/api/competitions/{cid}/rounds/{rid}/close", cid, rubricRound(cid)), 200);
    }

    @Test
    void closingTheRubricRoundOnTheRoundsPage() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        freezesIn900Seconds("the rounds page", cid -> web.post("/organiser/competitions/" + cid + "/rounds",
                "/organiser/competitions/" + cid + "/rounds/" + rubricRound(cid) + "/close", Map.of()), 303);
    }
}
