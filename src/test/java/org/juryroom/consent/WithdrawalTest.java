package org.juryroom.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures.Published;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.consent.ConsentFixtures.withdraw;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/** Withdrawing guardian consent (docs/api.md): through the link or recorded by school and organiser, at once. */
@QuarkusTest
@SuppressWarnings("unchecked")
class WithdrawalTest {

    @Inject
    JudgingWithdrawals judgingWithdrawals;

    @Test
    void aNameWithdrawnThroughTheLinkLeavesThePublicPageAtOnceAndTheSealStillVerifies() {
        String child = JudgingFixtures.firstName();
        String title = JudgingFixtures.unique("Named poster");
        Published p = ConsentFixtures.published(title, List.of(child, JudgingFixtures.firstName()));
        assertThat(anonymous().get("/shortlist/{cid}", p.cid()).asString()).contains(child);
        assertThat(publicNames(p.cid())).contains(child);
        String etag = anonymous().get("/shortlist/{cid}", p.cid()).header("ETag");

        JsonPath agreed = anonymous().get("/api/consents/{token}", p.tokens().get(0)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(agreed.getString("firstName")).isEqualTo(child);
        assertThat(agreed.getString("entryTitle")).isEqualTo(title);
        assertThat(agreed.getList("active", String.class)).containsExactly("judging", "publishWork", "publishName");
        assertThat(agreed.getMap("withdrawn")).isEmpty();

        JsonPath left = withdraw(p.tokens().get(0), "publishName").then().statusCode(200).extract().jsonPath();
        assertThat(left.getList("given", String.class)).containsExactly("judging", "publishWork", "publishName");
        assertThat(left.getList("active", String.class)).containsExactly("judging", "publishWork");
        assertThat(left.getString("withdrawn.publishName")).isNotBlank();

        // At once, and no cache may serve the old page without asking: the page's tag changed.
        Response page = anonymous().header("If-None-Match", etag).get("/shortlist/{cid}", p.cid());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo(org.juryroom.publishing.PublicCaching.SHARED);
        assertThat(page.asString()).contains(title).doesNotContain(child);
        Response api = anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid());
        assertThat(api.header("Cache-Control")).isEqualTo(org.juryroom.publishing.PublicCaching.SHARED);
        assertThat(api.jsonPath().getList("entries.participants.flatten()", String.class)).doesNotContain(child);
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/exports/shortlist.csv", p.cid()).asString())
                .doesNotContain(child);
        assertThat(ConsentFixtures.sealVerifies(p.cid())).isTrue();

        // Again: nothing changes, nothing more is recorded.
        JsonPath again = withdraw(p.tokens().get(0), "publishName").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("withdrawn.publishName")).isEqualTo(left.getString("withdrawn.publishName"));
        List<Map<String, Object>> events = audit(p.cid(), "CONSENT_WITHDRAWN");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("subjectId", (int) p.eid());
        assertThat((Map<String, Object>) events.get(0).get("after")).containsEntry("position", 0)
                .containsEntry("scopes", List.of("publishName")).containsEntry("via", "GUARDIAN_LINK");
        assertThat(events.get(0).toString()).doesNotContain(child).doesNotContain(title);
    }

    @Test
    void aWorkWithdrawnThroughTheLinkLeavesThePageTheApiAndItsFilesAtOnce() {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Shown poster"),
                List.of(JudgingFixtures.firstName()));
        JsonPath before = anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid()).jsonPath();
        assertThat(before.getBoolean("entries[0].workPublished")).isTrue();
        String fileUrl = before.getString("entries[0].files[0].url");
        long fid = before.getLong("entries[0].files[0].id");
        anonymous().get(fileUrl).then().statusCode(200);
        anonymous().get("/shortlist/{cid}/works/1/{fid}.jpg", p.cid(), fid).then().statusCode(200);

        withdraw(p.tokens().get(0), "publishWork").then().statusCode(200)
                .body("active", equalTo(List.of("judging", "publishName")));

        JsonPath after = anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid()).jsonPath();
        assertThat(after.getBoolean("entries[0].workPublished")).isFalse();
        assertThat(after.getList("entries[0].files")).isEmpty();
        anonymous().get(fileUrl).then().statusCode(404);
        anonymous().get(fileUrl + "/thumbnail").then().statusCode(404);
        anonymous().get("/shortlist/{cid}/works/1/{fid}.jpg", p.cid(), fid).then().statusCode(404);
        assertThat(anonymous().get("/shortlist/{cid}", p.cid()).asString()).doesNotContain("/works/1/");
        assertThat(ConsentFixtures.sealVerifies(p.cid())).isTrue();
    }

    @Test
    void withoutJudgingConsentTheEntryLeavesJudgingAndTheRankingForGood() {
        JudgingFixtures.World w = JudgingFixtures.world(2, 1, 2, 1);
        JudgingFixtures.assign(w.cid(), 2, 7).then().statusCode(201);
        long eid = w.entry(0);
        for (JurorAccount j : w.jurors()) {
            JudgingFixtures.submitScore(j, eid, 10, 5);
            JudgingFixtures.submitScore(j, w.entry(1), 3, 1);
        }
        assertThat(rankedEntries(w.cid())).containsExactly(eid, w.entry(1));
        List<String> tokens = ConsentFixtures.tokens(eid);

        withdraw(tokens.get(0), "judging").then().statusCode(200).body("entryWithdrawn", equalTo(true))
                .body("active", equalTo(List.of("publishWork", "publishName")));

        assertThat(judgingWithdrawals.of(eid)).containsExactly(new JudgingConsentWithdrawn(eid, "GUARDIAN_LINK"));
        for (JurorAccount j : w.jurors()) {
            j.login().as().get("/api/entries/{eid}", eid).then().statusCode(404);
            JudgingFixtures.score(j, eid, 1, 1, "SUBMITTED").then().statusCode(404);
            assertThat(JudgingFixtures.queue(j, w.cid())).doesNotContain(eid).contains(w.entry(1));
        }
        assertThat(rankedEntries(w.cid())).containsExactly(w.entry(1));
        JsonPath entry = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath();
        assertThat(entry.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(entry.getBoolean("consent.judging")).isFalse();
        // Nothing brings it back: no submit, no edit; withdrawing again changes nothing and fires nothing.
        w.school(0).login().as().post("/api/entries/{eid}/submit", eid).then().statusCode(409);
        w.school(0).login().as().contentType(ContentType.JSON).body(Map.of("consent", Map.of("judging", true,
                "publishWork", true, "publishNames", true, "attestedBy", "T"))).patch("/api/entries/{eid}", eid)
                .then().statusCode(409);
        withdraw(tokens.get(0), "judging").then().statusCode(200);
        assertThat(judgingWithdrawals.of(eid)).hasSize(1);
        // A new assignment run leaves it out.
        JudgingFixtures.assign(w.cid(), 2, 8);
        for (JurorAccount j : w.jurors()) {
            assertThat(JudgingFixtures.queue(j, w.cid())).doesNotContain(eid);
        }
        List<Map<String, Object>> left = audit(w.cid(), "ENTRY_WITHDRAWN");
        assertThat(left).hasSize(1);
        assertThat((Map<String, Object>) left.get(0).get("after")).containsEntry("reason", "CONSENT_WITHDRAWN");
    }

    @Test
    void aDraftWhoseJudgingConsentWasWithdrawnCannotBeGivenItBackOrSubmitted() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Draft poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        withdraw(ConsentFixtures.tokens(eid).get(0), "judging").then().statusCode(200);

        school.login().as().contentType(ContentType.JSON).body(Map.of("consent", Map.of("judging", true,
                "publishWork", true, "publishNames", true, "attestedBy", "T"))).patch("/api/entries/{eid}", eid)
                .then().statusCode(409);
        school.login().as().post("/api/entries/{eid}/submit", eid).then().statusCode(409);
        assertThat(ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(judgingWithdrawals.of(eid)).containsExactly(new JudgingConsentWithdrawn(eid, "GUARDIAN_LINK"));
    }

    @Test
    void afterTheFreezeAJudgingWithdrawalHidesTheRowAndTheSealKeepsItsScorecards() {
        String child = JudgingFixtures.firstName();
        String title = JudgingFixtures.unique("Top poster");
        Published p = ConsentFixtures.published(title, List.of(child));
        List<Long> frozenRanking = rankedEntries(p.cid());
        assertThat(frozenRanking).containsExactly(p.eid(), p.other());
        String code = ORGANISER.as().get("/api/entries/{eid}", p.eid()).jsonPath().getString("code");
        assertThat(rankingViews(p.cid())).allSatisfy(view -> assertThat(view).contains(code));

        withdraw(p.tokens().get(0), "judging").then().statusCode(200);

        String page = anonymous().get("/shortlist/{cid}", p.cid()).asString();
        assertThat(page).doesNotContain(title).doesNotContain(child);
        JsonPath api = anonymous().get("/api/public/competitions/{cid}/shortlist", p.cid()).jsonPath();
        assertThat(api.getList("entries.rank", Integer.class)).containsExactly(2);
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/exports/shortlist.csv", p.cid()).asString())
                .doesNotContain(title);
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/shortlist", p.cid()).jsonPath()
                .getBoolean("entries[0].held")).isTrue();
        assertThat(ConsentFixtures.sealVerifies(p.cid())).isTrue();
        // The frozen ranking keeps its sealed ranks (the other entry stays second) without the withdrawn row,
        // in the API, on the organiser's page and in both exports.
        assertThat(rankedEntries(p.cid())).containsExactly(p.other());
        ORGANISER.as().get("/api/competitions/{cid}/ranking", p.cid()).then().body("rows[0].rank", equalTo(2));
        assertThat(rankingViews(p.cid())).allSatisfy(view -> assertThat(view).doesNotContain(code));
    }

    /** The organiser's ranking page, ranking.csv and the text of ranking.pdf (PDFBox). */
    private static List<String> rankingViews(long cid) {
        String page = org.juryroom.web.WebSession.signIn(ORGANISER.username(), ORGANISER.password())
                .get("/organiser/competitions/" + cid + "/ranking").then().statusCode(200).extract().asString();
        String csv = ORGANISER.as().get("/api/competitions/{cid}/exports/ranking.csv", cid).then().statusCode(200)
                .extract().asString();
        byte[] pdf = ORGANISER.as().get("/api/competitions/{cid}/exports/ranking.pdf", cid).then().statusCode(200)
                .extract().asByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return List.of(page, csv, new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSchoolAndTheOrganiserRecordAGuardiansWithdrawal() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        SchoolAccount other = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Pair poster", "s",
                List.of(JudgingFixtures.firstName(), JudgingFixtures.firstName()), true, true);
        List<String> tokens = ConsentFixtures.tokens(eid);
        Map<String, Object> publishName = Map.of("scopes", List.of("publishName"));

        school.login().as().contentType(ContentType.JSON).body(publishName)
                .post("/api/entries/{eid}/consents/0/withdraw", eid).then().statusCode(200)
                .body("position", equalTo(0)).body("active", equalTo(List.of("judging", "publishWork")));
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("scopes", List.of("publishWork")))
                .post("/api/entries/{eid}/consents/1/withdraw", eid).then().statusCode(200)
                .body("active", equalTo(List.of("judging", "publishName")));
        other.login().as().contentType(ContentType.JSON).body(publishName)
                .post("/api/entries/{eid}/consents/1/withdraw", eid).then().statusCode(404);
        JudgingFixtures.juror().login().as().contentType(ContentType.JSON).body(publishName)
                .post("/api/entries/{eid}/consents/1/withdraw", eid).then().statusCode(403);
        school.login().as().contentType(ContentType.JSON).body(publishName)
                .post("/api/entries/{eid}/consents/2/withdraw", eid).then().statusCode(404);

        anonymous().get("/api/consents/{token}", tokens.get(1)).then().statusCode(200)
                .body("active", equalTo(List.of("judging", "publishName")));
        JsonPath entry = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath();
        assertThat(entry.getBoolean("consent.judging")).isTrue();
        assertThat(entry.getBoolean("consent.publishWork")).isFalse();
        assertThat(entry.getBoolean("consent.publishNames")).isFalse();
        assertThat(audit(cid, "CONSENT_WITHDRAWN").stream()
                .map(e -> (Object) ((Map<?, ?>) e.get("after")).get("via")).toList())
                .containsExactlyInAnyOrder("SCHOOL", "ORGANISER");
    }

    @Test
    void unknownLinksAreAllTheSameNotFoundAndBadScopesAreNamed() {
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        long eid = JudgingFixtures.draftEntry(cid, school, "Poster", "s", List.of(JudgingFixtures.firstName()),
                true, true);
        String token = ConsentFixtures.tokens(eid).get(0);

        String unknown = anonymous().get("/api/consents/{t}", "A".repeat(43)).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        for (String t : List.of("x", "not a token", "%00", "B".repeat(65), token.substring(1) + "!")) {
            assertThat(anonymous().get("/api/consents/{t}", t).then().statusCode(404).extract().asString())
                    .isEqualTo(unknown);
        }
        assertThat(withdraw("A".repeat(43), "publishName").then().statusCode(404).extract().asString())
                .isEqualTo(unknown);

        withdraw(token).then().statusCode(422).body("violations[0].field", equalTo("scopes"));
        withdraw(token, "publishName", "everything").then().statusCode(422)
                .body("violations[0].field", equalTo("scopes[1]"));
        anonymous().contentType(ContentType.JSON).body("{}").post("/api/consents/{t}/withdraw", token)
                .then().statusCode(422).body("violations[0].field", equalTo("scopes"));
        // Refused requests withdrew nothing.
        anonymous().get("/api/consents/{t}", token).then().statusCode(200)
                .body("active", equalTo(List.of("judging", "publishWork", "publishName")));
    }

    /**
     * Many withdrawals of different scopes and children of one entry at once, by the link, the school and
     * the organiser: each scope is withdrawn exactly once, and the entry's summary is the children's records.
     */
    @Test
    void concurrentWithdrawalsLeaveTheSummaryTheRecords() throws Exception {
        Random random = new Random(20261205L);
        long cid = JudgingFixtures.openCompetition(2);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                int children = 3;
                List<String> names = new ArrayList<>();
                for (int c = 0; c < children; c++) {
                    names.add(JudgingFixtures.firstName());
                }
                long eid = JudgingFixtures.draftEntry(cid, school, "Race " + round, "s", names, true, true);
                List<String> tokens = ConsentFixtures.tokens(eid);
                List<Callable<Integer>> calls = new ArrayList<>();
                Set<String> expected = new java.util.HashSet<>();
                for (int i = 0; i < 16; i++) {
                    int child = random.nextInt(children);
                    List<String> scopes = new ArrayList<>();
                    for (GuardianConsent.Scope s : GuardianConsent.Scope.values()) {
                        if (random.nextInt(3) == 0) {
                            scopes.add(s.name());
                            expected.add(child + ":" + s.name());
                        }
                    }
                    if (scopes.isEmpty()) {
                        scopes.add("publishName");
                        expected.add(child + ":publishName");
                    }
                    int via = random.nextInt(3);
                    Map<String, Object> body = Map.of("scopes", scopes);
                    calls.add(() -> (switch (via) {
                        case 0 -> anonymous().contentType(ContentType.JSON).body(body)
                                .post("/api/consents/{t}/withdraw", tokens.get(child));
                        case 1 -> school.login().as().contentType(ContentType.JSON).body(body)
                                .post("/api/entries/{eid}/consents/{p}/withdraw", eid, child);
                        default -> ORGANISER.as().contentType(ContentType.JSON).body(body)
                                .post("/api/entries/{eid}/consents/{p}/withdraw", eid, child);
                    }).statusCode());
                }
                Collections.shuffle(calls, random);
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("round " + round).containsOnly(200);

                Set<String> withdrawn = new java.util.HashSet<>();
                Map<String, Boolean> all = new java.util.HashMap<>(Map.of("judging", true, "publishWork", true,
                        "publishName", true));
                for (int c = 0; c < children; c++) {
                    JsonPath record = anonymous().get("/api/consents/{t}", tokens.get(c)).jsonPath();
                    for (String s : List.of("judging", "publishWork", "publishName")) {
                        boolean active = record.getList("active", String.class).contains(s);
                        if (!active) {
                            withdrawn.add(c + ":" + s);
                        }
                        all.merge(s, active, Boolean::logicalAnd);
                    }
                }
                assertThat(withdrawn).as("round " + round).isEqualTo(expected);
                JsonPath entry = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath();
                assertThat(entry.getBoolean("consent.judging")).isEqualTo(all.get("judging"));
                assertThat(entry.getBoolean("consent.publishWork")).isEqualTo(all.get("publishWork"));
                assertThat(entry.getBoolean("consent.publishNames")).isEqualTo(all.get("publishName"));
                long lines = audit(cid, "CONSENT_WITHDRAWN").stream()
                        .filter(e -> ((Number) e.get("subjectId")).longValue() == eid)
                        .mapToLong(e -> ((List<?>) ((Map<?, ?>) e.get("after")).get("scopes")).size()).sum();
                assertThat(lines).as("each scope withdrawn once, round " + round).isEqualTo(expected.size());
                // One event per guardian whose judging consent was withdrawn.
                assertThat(judgingWithdrawals.of(eid)).hasSize((int) expected.stream()
                        .filter(k -> k.endsWith(":judging")).count());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> rankedEntries(long cid) {
        return ORGANISER.as().queryParam("size", 100).get("/api/competitions/{cid}/ranking", cid).then()
                .statusCode(200).extract().jsonPath().getList("rows.entryId", Long.class);
    }

    private static List<Map<String, Object>> audit(long cid, String action) {
        return ORGANISER.as().queryParam("action", action).queryParam("size", 200)
                .get("/api/competitions/{cid}/audit", cid).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static List<String> publicNames(long cid) {
        return anonymous().get("/api/public/competitions/{cid}/shortlist", cid).jsonPath()
                .getList("entries.participants.flatten()", String.class);
    }
}
