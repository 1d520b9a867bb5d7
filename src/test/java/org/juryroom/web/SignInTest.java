package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SignInTest {

    @Test
    void strangersAreSentToTheSignInPage() {
        given().redirects().follow(false).get("/organiser").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Sign in to JuryRoom"));
    }

    @Test
    void theApiKeepsHttpBasic() {
        given().get("/api/competitions").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void staticFilesAreServed() {
        given().get("/static/app.css").then().statusCode(200).body(containsString("JuryRoom"));
    }

    @Test
    void organiserSignsInAndTheSessionDoesNotOpenTheApi() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        Response home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/organiser");
        given().cookies(web.cookies()).get("/api/competitions").then().statusCode(401);
    }
}
