package org.juryroom.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;

/**
 * A moment Java reads but PostgreSQL cannot hold (past 294276, before 4713 BC) is a 4xx problem, never a
 * 500: refused where it arrives (the years 1 to 9999, {@link Dates#inRange}), and, should a check be
 * missing, answered 422 by the net under the checks ({@link OutOfRangeDates}).
 */
@QuarkusTest
class FarYearsTest {

    private static final List<String> FAR = List.of("+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z");

    @Inject
    EntityManager em;

    @Test
    void theAuditTrailRefusesAMomentOutsideTheYearsOneTo9999() {
        long cid = Api.createOpenCompetition();
        for (String far : FAR) {
            for (String name : List.of("from", "to")) {
                Api.problem(Api.organiser().queryParam(name, far).get("/api/competitions/{cid}/audit", cid), 400)
                        .body("detail", containsString(name + " must be a moment in the years 1 to 9999"));
            }
        }
        Api.organiser().queryParam("from", "9999-12-31T23:59:59Z").queryParam("to", "0001-01-01T00:00:00Z")
                .get("/api/competitions/{cid}/audit", cid).then().statusCode(200);
    }

    @Test
    void aMomentTheDatabaseCannotHoldIsA422ProblemWhereverItComesFrom() {
        for (String far : List.of("+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z")) {
            Throwable refused = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("select count(*) from audit_event where at >= ?1")
                            .setParameter(1, Instant.parse(far)).getSingleResult()));
            assertThat(refused).as(far).isNotNull();
            assertThat(OutOfRangeDates.is(refused)).as(far).isTrue();
            jakarta.ws.rs.core.Response response = new ProblemMappers(null, null)
                    .unexpected((RuntimeException) refused);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(((Problem) response.getEntity()).detail()).contains("years 1 to 9999");
        }
        assertThat(OutOfRangeDates.is(new jakarta.persistence.PersistenceException(
                new java.sql.SQLException("value too long for type character varying(40)", "22001")))).isFalse();
    }
}
