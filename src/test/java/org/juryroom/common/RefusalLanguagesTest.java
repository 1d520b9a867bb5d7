package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.web.Fixtures;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals of every area, as the API answers them, in Hindi and Bengali: the detail and each
 * violation are in the reader's script, with no English word but the codes a person types and the
 * names and ids the refusal is about. The English answer is the same sentence as before (the
 * catalogue changes only what hi/bn readers get).
 */
@QuarkusTest
class RefusalLanguagesTest {

    private record Refusal(String area, int status, Function<RequestSpecification, Response> call, List<String> data) {
    }

    @Test
    void refusalsOfEveryAreaReadInHindiAndBengali() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Refusals"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Refusal School"));
        long eid = Fixtures.submittedEntry(school, cid, "poster", "Our poster", List.of("Asha"), "posters/poster-01.jpg");
        // A draft that is not ready: nobody attested the consent forms.
        Map<String, Object> unattested = new java.util.HashMap<>(Api.entryBody("essay"));
        unattested.put("consent", Map.of("judging", true, "publishWork", true, "publishNames", true));
        long draft = school.api().multiPart("entry", Api.json(unattested), "application/json")
                .multiPart("files", new File("uploads-sample/essays/essay-01.pdf"))
                .post("/api/competitions/{cid}/entries", cid).then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Refusal Juror"));
        JsonPath lead = Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Lead"), "email", "dsl@commission.example",
                        "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();

        List<Refusal> refusals = List.of(
                new Refusal("school: submit twice", 409,
                        r -> r.auth().preemptive().basic(school.username(), school.password())
                                .post("/api/entries/{eid}/submit", eid), List.of()),
                new Refusal("school: not ready", 422,
                        r -> r.auth().preemptive().basic(school.username(), school.password())
                                .post("/api/entries/{eid}/submit", draft), List.of()),
                new Refusal("uploads: a PDF for an image category", 415,
                        r -> r.auth().preemptive().basic(school.username(), school.password())
                                .multiPart("entry", Api.json(Api.entryBody("poster")), "application/json")
                                .multiPart("files", new File("uploads-sample/essays/essay-01.pdf"))
                                .post("/api/competitions/{cid}/entries", cid), List.of("essay-01.pdf", "Poster", "poster")),
                new Refusal("uploads: an empty file", 422,
                        r -> r.auth().preemptive().basic(school.username(), school.password())
                                .multiPart("files", "empty.pdf", new byte[0], "application/pdf")
                                .post("/api/entries/{eid}/files", draft), List.of("empty.pdf")),
                new Refusal("juror: the queue without a competition", 400,
                        r -> r.auth().preemptive().basic(juror.username(), juror.password()).get("/api/me/assignments"),
                        List.of()),
                new Refusal("juror: a scorecard for an entry not theirs", 404,
                        r -> r.auth().preemptive().basic(juror.username(), juror.password())
                                .get("/api/entries/{eid}/scorecard", eid), List.of()),
                new Refusal("organiser: a move the competition cannot make", 409,
                        r -> organiser(r).contentType(ContentType.JSON).body(Map.of("to", "PUBLISHED"))
                                .post("/api/competitions/{cid}/transitions", cid), List.of()),
                new Refusal("organiser: a judging deadline before the submissions close", 422,
                        r -> organiser(r).contentType(ContentType.JSON)
                                .body(Map.of("judgingClosesAt", "2020-01-01T00:00:00Z"))
                                .put("/api/competitions/{cid}/judging-deadline", cid), List.of()),
                new Refusal("organiser: a retention date in the past", 422,
                        r -> organiser(r).contentType(ContentType.JSON)
                                .body(Map.of("retainPersonalDataUntil", "2020-01-01T00:00:00Z"))
                                .put("/api/competitions/{cid}/retention", cid), List.of()),
                new Refusal("lead: an unknown queue", 400,
                        r -> r.auth().preemptive().basic(lead.getString("username"), lead.getString("password"))
                                .queryParam("status", "SOON").get("/api/safeguarding/concerns"), List.of()),
                new Refusal("guardian: a link that is not one", 404,
                        r -> r.get("/api/consents/{t}", "not-a-real-link"), List.of()),
                new Refusal("any: a method the resource lacks", 405,
                        r -> organiser(r).delete("/api/competitions"), List.of()),
                new Refusal("any: malformed JSON", 400,
                        r -> organiser(r).contentType(ContentType.JSON).body("{\"title\": ").post("/api/competitions"),
                        List.of("title")),
                new Refusal("any: a path that names nothing", 404,
                        r -> organiser(r).get("/api/no-such-thing"), List.of()),
                new Refusal("any: text where a number goes", 422,
                        r -> organiser(r).contentType(ContentType.JSON).body(Map.of("shortlistSize", "many"))
                                .post("/api/competitions"), List.of()));

        List<String> failures = new ArrayList<>();
        for (Refusal refusal : refusals) {
            String english = refusal.call().apply(given().header("Accept-Language", "en")).then()
                    .statusCode(refusal.status()).extract().jsonPath().getString("detail");
            for (String language : List.of("hi", "bn")) {
                JsonPath answer = refusal.call().apply(given().header("Accept-Language", language)).then()
                        .statusCode(refusal.status()).extract().jsonPath();
                StringBuilder text = new StringBuilder(answer.getString("detail"));
                List<String> messages = answer.getList("violations.message");
                if (messages != null) {
                    messages.forEach(m -> text.append(" | ").append(m));
                }
                String said = text.toString();
                for (String data : refusal.data()) {
                    said = said.replace(data, "");
                }
                String script = language.equals("hi") ? "\\p{IsDevanagari}" : "\\p{IsBengali}";
                if (!said.matches("(?s).*" + script + ".*")) {
                    failures.add(refusal.area() + " [" + language + "] not in the language: " + text);
                } else if (RefusalCatalogueTest.englishLeft(said) != null) {
                    failures.add(refusal.area() + " [" + language + "] " + RefusalCatalogueTest.englishLeft(said)
                            + " in: " + text);
                }
                assertThat(answer.getString("title")).as("the title stays English").matches("[A-Za-z ]+");
            }
            assertThat(english).as(refusal.area()).matches("[\\p{ASCII}×]+");
        }
        assertThat(failures).isEmpty();
    }

    private static RequestSpecification organiser(RequestSpecification r) {
        return r.auth().preemptive().basic("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
    }
}
