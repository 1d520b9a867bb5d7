package org.juryroom.publishing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.common.ChangeSignals;
import org.juryroom.consent.ConsentFixtures;
import org.juryroom.consent.ConsentFixtures.Published;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * The public shortlist's answer from memory ({@link PublicFastPath}) is the resources' answer: the same
 * status, bytes and headers for each page, language and precondition, whether it came from the REST
 * path (the first request after the generation moved, which checks the database) or from memory (the
 * next one, which borrows no connection); a signed-in caller and other preconditions still go to the
 * resources.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class PublicFastPathTest {

    @Inject
    ChangeSignals signals;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PublicFastPath fastPath;

    /** Status, body and headers of a response; the date and the connection's own headers left out. */
    private static Map<String, Object> answer(Response r) {
        Map<String, Object> a = new TreeMap<>();
        a.put("status", r.statusCode());
        a.put("body", r.asString());
        r.headers().asList().stream().filter(h -> !List.of("date", "connection", "keep-alive")
                        .contains(h.getName().toLowerCase()))
                .forEach(h -> a.merge(h.getName().toLowerCase(), h.getValue(), (x, y) -> x + " | " + y));
        return a;
    }

    /**
     * The request through the resources (right after the generation moved) and again from memory;
     * retried when something else moved the generation in between.
     */
    private Map<String, Object>[] bothWays(Supplier<RequestSpecification> request, String path) {
        dataSource.getConfiguration().setMetricsEnabled(true);
        for (int attempt = 0; attempt < 5; attempt++) {
            request.get().get(path); // the representation is built at least once
            QuarkusTransaction.requiringNew().run(() -> { });
            long generation = signals.generation();
            long borrowed = dataSource.getMetrics().acquireCount();
            long answered = fastPath.answers();
            Response checked = request.get().get(path);
            boolean checkedTheDatabase = dataSource.getMetrics().acquireCount() > borrowed
                    && fastPath.answers() == answered;
            long between = dataSource.getMetrics().acquireCount();
            Response fromMemory = request.get().get(path);
            boolean memory = dataSource.getMetrics().acquireCount() == between && fastPath.answers() == answered + 1;
            if (checkedTheDatabase && memory && signals.generation() == generation && signals.healthy()) {
                @SuppressWarnings("unchecked")
                Map<String, Object>[] pair = new Map[] {answer(checked), answer(fromMemory)};
                return pair;
            }
        }
        throw new AssertionError("no quiet pair of requests for " + path);
    }

    @Test
    void fromMemoryIsTheResourcesAnswer() throws Exception {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Fast poster"), List.of(JudgingFixtures.firstName()));
        long end = System.nanoTime() + 60_000_000_000L;
        while (!signals.healthy()) {
            assertThat(System.nanoTime()).as("the listener connects").isLessThan(end);
            Thread.sleep(20);
        }
        String api = "/api/public/competitions/" + p.cid() + "/shortlist";
        String page = "/shortlist/" + p.cid();
        String apiTag = anonymous().get(api).header("ETag");
        String pageTag = anonymous().header("Accept-Language", "bn").get(page).header("ETag");
        List<Map.Entry<String, Supplier<RequestSpecification>>> cases = List.of(
                Map.entry(api, JudgingFixtures::anonymous),
                Map.entry(api, () -> anonymous().header("If-None-Match", apiTag)),
                Map.entry(api, () -> anonymous().header("If-None-Match", "\"other\"")),
                Map.entry(page, JudgingFixtures::anonymous),
                Map.entry(page, () -> anonymous().header("Accept-Language", "bn")),
                Map.entry(page, () -> anonymous().header("Accept-Language", "bn").header("If-None-Match", pageTag)),
                Map.entry(page, () -> anonymous().cookie("juryroom-lang", "hi")),
                Map.entry(page, () -> anonymous().header("Accept",
                        "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8")),
                Map.entry(api, () -> anonymous().header("Accept", "application/json")),
                Map.entry(page + "?lang=hi", JudgingFixtures::anonymous),
                Map.entry("/shortlist", () -> anonymous().header("Accept-Language", "hi")));
        for (var c : cases) {
            Map<String, Object>[] pair = bothWays(c.getValue(), c.getKey());
            assertThat(pair[1]).as(c.getKey()).isEqualTo(pair[0]);
            assertThat((int) pair[0].get("status")).as(c.getKey()).isIn(200, 304);
        }
        // The language really differs, and a 304 carries no body.
        assertThat(bothWays(() -> anonymous().header("Accept-Language", "bn"), page)[1].get("body"))
                .isNotEqualTo(bothWays(JudgingFixtures::anonymous, page)[1].get("body"));
        assertThat(bothWays(() -> anonymous().header("If-None-Match", apiTag), api)[1].get("status")).isEqualTo(304);
    }

    /**
     * What the memory does not judge goes to the resources: a type the client does not accept (406), a
     * query parameter other than the language, a weak or listed or {@code *} If-None-Match, a second
     * Accept-Language line, a session cookie.
     */
    @Test
    void whatTheMemoryDoesNotJudgeGoesToTheResources() {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Judged poster"), List.of(JudgingFixtures.firstName()));
        String api = "/api/public/competitions/" + p.cid() + "/shortlist";
        String page = "/shortlist/" + p.cid();
        anonymous().get(api).then().statusCode(200);
        anonymous().get(page).then().statusCode(200);
        List<Supplier<Response>> declined = List.of(
                () -> anonymous().header("Accept", "text/html").get(api),
                () -> anonymous().header("Accept", "application/json").get(page),
                () -> anonymous().header("Accept", "application/json;q=0, */*;q=0.5").get(api),
                () -> anonymous().queryParam("sort", "title").get(api),
                () -> anonymous().header("If-None-Match", "W/\"" + p.cid() + "\", \"other\"").get(api),
                () -> anonymous().header("If-None-Match", "*").get(api),
                () -> anonymous().header("Accept-Language", "hi").header("Accept-Language", "bn").get(page),
                () -> anonymous().cookie("juryroom-session", "not-a-session").get(page),
                () -> anonymous().cookie("juryroom-sid", "not-a-session").get(page));
        for (int i = 0; i < declined.size(); i++) {
            long answered = fastPath.answers();
            Response r = declined.get(i).get();
            assertThat(fastPath.answers()).as("case %d went to the resources", i).isEqualTo(answered);
            if (i < 2) {
                assertThat(r.statusCode()).as("case %d", i).isEqualTo(406);
            }
        }
    }

    @Test
    void acceptsAsTheResourcesNegotiate() {
        assertThat(PublicFastPath.accepts(null, "application/json")).isTrue();
        assertThat(PublicFastPath.accepts("*/*", "application/json")).isTrue();
        assertThat(PublicFastPath.accepts("text/*", "text/html;charset=UTF-8")).isTrue();
        assertThat(PublicFastPath.accepts("text/html;q=0, */*", "text/html;charset=UTF-8")).isFalse();
        assertThat(PublicFastPath.accepts("application/json", "text/html;charset=UTF-8")).isFalse();
        assertThat(PublicFastPath.accepts("image/png, */*;q=0.1", "application/json")).isTrue();
    }

    /** A sign-in or a precondition the memory does not judge goes to the resources, which decide as before. */
    @Test
    void signedInCallersAndOtherPreconditionsGoToTheResources() {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Personal poster"), List.of(JudgingFixtures.firstName()));
        String page = "/shortlist/" + p.cid();
        anonymous().get(page).then().statusCode(200);
        anonymous().get(page).then().statusCode(200).header("Cache-Control", PublicCaching.SHARED);
        Response signedIn = JudgingFixtures.ORGANISER.as().get(page);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.header("Cache-Control")).isEqualTo(PublicCaching.PERSONAL);
        anonymous().header("If-Modified-Since", "Sat, 05 Dec 2026 00:00:00 GMT").get(page).then().statusCode(200);
    }
}
