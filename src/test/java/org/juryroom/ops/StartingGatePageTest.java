package org.juryroom.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;
import org.juryroom.common.ProblemTexts;
import org.juryroom.i18n.Languages;
import org.juryroom.web.Csrf;
import org.juryroom.web.WebSession;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What the start-up gate answers while the start steps run (the app here has finished them, so a probe address
 * asks the gate as if they had not): ahead of every other filter, before the hardening headers and the CSRF
 * nonce are set, a browser still gets the error page in its language, a script its problem document.
 */
@QuarkusTest
class StartingGatePageTest {

    static final String PROBE = "/starting-gate-probe";

    /** The probe: this address only, ahead of every filter, as the gate is. */
    @ApplicationScoped
    static class Probe {
        void route(@Observes Router router, StartingGate gate) {
            router.route(PROBE).order(-StartingGate.PRIORITY - 1).handler(ctx -> gate.handle(ctx, false));
        }
    }

    @Test
    void aBrowserWaitingForTheStartGetsThePageAScriptTheProblem() {
        String detail = ProblemTexts.localise(StartingGate.STARTING.detail(), "bn");
        Response page = given().cookie(Languages.COOKIE, "bn").accept(WebSession.BROWSER_ACCEPT).get(PROBE);
        page.then().statusCode(503).contentType(containsString("text/html")).header("Retry-After", notNullValue())
                .header("Content-Language", "bn").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY");
        assertThat(page.getCookie(Csrf.COOKIE)).as("answered before the page filters ran").isNull();
        WebSession.assertSignedOutErrorPage(page.asString(), "bn");
        assertThat(page.asString()).contains(detail);

        given().header("Accept-Language", "bn").accept("application/json").get(PROBE).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(503), "detail", equalTo(detail));
    }
}
