package org.juryroom.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures.Published;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.Race;
import org.juryroom.mail.MailSender;
import org.juryroom.web.Fixtures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * Guardians withdrawing consent at the moment the competition is published, while the public reads it:
 * once a withdrawal has answered, no public read started after it shows the name or the work, whichever
 * order the publication, the withdrawal and the readers' copies of the page land in.
 */
@QuarkusTest
class ConsentRaceTest {

    @Test
    void withdrawalsRacingThePublicationNeverLeaveTheNameOrTheWorkOnShow() {
        Random random = new Random(20261207L);
        for (int round = 0; round < Race.rounds(3); round++) {
            String child = JudgingFixtures.firstName();
            Published p = ConsentFixtures.shortlisted(JudgingFixtures.unique("Race poster"),
                    List.of(child, JudgingFixtures.firstName()));
            String otherToken = ConsentFixtures.tokens(p.other()).get(0);
            AtomicBoolean nameGone = new AtomicBoolean();
            AtomicBoolean workGone = new AtomicBoolean();
            ConcurrentLinkedQueue<String> shownAfter = new ConcurrentLinkedQueue<>();

            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> "publish " + ORGANISER.as().contentType(ContentType.JSON).body(Map.of("to", "PUBLISHED"))
                    .post("/api/competitions/{cid}/transitions", p.cid()).statusCode());
            // The name by the guardian's link, the other entry's work recorded by its school at the guardian's request.
            tasks.add(() -> {
                int status = ConsentFixtures.withdraw(p.tokens().get(0), "publishName").statusCode();
                nameGone.set(status == 200);
                return "name " + status;
            });
            tasks.add(() -> {
                int status = p.school().login().as().contentType(ContentType.JSON)
                        .body(Map.of("scopes", List.of("publishWork")))
                        .post("/api/entries/{eid}/consents/0/withdraw", p.other()).statusCode();
                workGone.set(status == 200);
                return "work " + status;
            });
            for (int reader = 0; reader < 4; reader++) {
                boolean page = random.nextBoolean();
                tasks.add(() -> {
                    for (int read = 0; read < 12; read++) {
                        boolean nameWithdrawn = nameGone.get();
                        boolean workWithdrawn = workGone.get();
                        Response r = page ? anonymous().get("/shortlist/{cid}", p.cid())
                                : anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid());
                        if (r.statusCode() == 404) {
                            continue; // not published yet
                        }
                        assertThat(r.statusCode()).isEqualTo(200);
                        if (nameWithdrawn && r.asString().contains(child)) {
                            shownAfter.add("name on " + (page ? "page" : "api"));
                        }
                        if (workWithdrawn && !page && otherWorkShown(r.jsonPath())) {
                            shownAfter.add("work on api");
                        }
                    }
                    return "read";
                });
            }
            Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);

            assertThat(outcomes).as("round %d", round).contains("publish 200", "name 200", "work 200");
            assertThat(shownAfter).as("round %d: shown after the withdrawal answered", round).isEmpty();
            // And after it all: neither is on show anywhere, and the seal still verifies.
            assertThat(anonymous().get("/shortlist/{cid}", p.cid()).asString()).doesNotContain(child);
            JsonPath api = anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid()).jsonPath();
            assertThat(api.getList("entries.participants.flatten()", String.class)).doesNotContain(child);
            assertThat(otherWorkShown(api)).isFalse();
            anonymous().get("/api/consents/{t}", otherToken).then().statusCode(200)
                    .body("active", org.hamcrest.Matchers.equalTo(List.of("judging", "publishName")));
            assertThat(ConsentFixtures.sealVerifies(p.cid())).isTrue();
        }
    }

    @Inject
    MailSender sender;

    /**
     * A guardian confirms (twice, as a double click does) while withdrawing parts of the same consent through
     * both of their links, and the school records another withdrawal: each answers 200, the consent ends up
     * confirmed with exactly what was not withdrawn in force, the entry's summary says the same, and the
     * confirmation and each withdrawal are audited once.
     */
    @Test
    void aConfirmationRacingWithdrawalsOfTheSameConsentKeepsEveryWithdrawal() {
        Random random = new Random(20261208L);
        long cid = Fixtures.openCompetition(Fixtures.unique("Confirm Race"), 10);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Confirm Race School"));
        for (int round = 0; round < Race.rounds(3); round++) {
            String email = GuardianConfirmationTest.address("race");
            long eid = GuardianConsentTest.create(school, cid, GuardianConsentTest.entry("Race " + round,
                    List.of(GuardianConsentTest.child("Ira", GuardianConfirmationTest.byEmail("Meera", email,
                            "judging", "publishWork", "publishName"))), GuardianConsentTest.ATTESTED));
            sender.run();
            String secret = GuardianConfirmationTest.single(email).token("consent");
            String withdrawal = ConsentFixtures.tokens(eid).get(0);

            List<Callable<String>> tasks = new ArrayList<>();
            tasks.add(() -> "confirm " + GuardianConfirmationTest.confirm(secret).statusCode());
            tasks.add(() -> "confirm " + GuardianConfirmationTest.confirm(secret).statusCode());
            tasks.add(() -> "name " + ConsentFixtures.withdraw(withdrawal, "publishName").statusCode());
            tasks.add(() -> "name " + ConsentFixtures.withdraw(secret, "publishName").statusCode());
            tasks.add(() -> "work " + school.api().contentType(ContentType.JSON)
                    .body(Map.of("scopes", List.of("publishWork")))
                    .post("/api/entries/{eid}/consents/0/withdraw", eid).statusCode());
            Collections.shuffle(tasks, random);
            List<String> outcomes = Race.all(tasks);

            assertThat(outcomes).as("round %d", round).containsOnly("confirm 200", "name 200", "work 200");
            JsonPath consent = anonymous().get("/api/consents/{t}", withdrawal).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(consent.getBoolean("awaitingConfirmation")).as("round %d", round).isFalse();
            assertThat(consent.getList("active", String.class)).as("round %d", round).containsExactly("judging");
            Fixtures.organiser().get("/api/entries/{eid}", eid).then().statusCode(200)
                    .body("consent.judging", org.hamcrest.Matchers.equalTo(true))
                    .body("consent.publishWork", org.hamcrest.Matchers.equalTo(false))
                    .body("consent.publishNames", org.hamcrest.Matchers.equalTo(false));
            List<Map<String, Object>> withdrawn = audit(cid, "CONSENT_WITHDRAWN", eid);
            assertThat(withdrawn.stream().mapToInt(e -> ((List<?>) ((Map<?, ?>) e.get("after")).get("scopes")).size())
                    .sum()).as("round %d: each scope withdrawn once", round).isEqualTo(2);
            assertThat(audit(cid, "CONSENT_RECORDED", eid)).as("round %d: recorded, then confirmed once", round)
                    .hasSize(2);
        }
    }

    private static List<Map<String, Object>> audit(long cid, String action, long eid) {
        List<Map<String, Object>> items = ORGANISER.as().queryParam("action", action).queryParam("size", 200)
                .get("/api/competitions/{cid}/audit", cid).then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(e -> ((Number) e.get("subjectId")).longValue() == eid).toList();
    }

    /** Whether the public shortlist shows the other entry's work, at rank 2 (its files, or it marked as published). */
    private static boolean otherWorkShown(JsonPath shortlist) {
        List<Map<String, Object>> entries = shortlist.getList("entries");
        assertThat(entries).extracting(e -> e.get("rank")).contains(2);
        return entries.stream().filter(e -> Integer.valueOf(2).equals(e.get("rank")))
                .anyMatch(e -> Boolean.TRUE.equals(e.get("workPublished"))
                        || !((List<?>) e.getOrDefault("files", List.of())).isEmpty());
    }
}
