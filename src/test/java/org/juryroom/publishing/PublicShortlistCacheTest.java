package org.juryroom.publishing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.consent.ConsentFixtures;
import org.juryroom.consent.ConsentFixtures.Published;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * The public shortlist from memory (PublicShortlistCache): built once per publication state, a
 * strong ETag answered with 304, and every change the public must see shows on the next request.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class PublicShortlistCacheTest {

    private static final String API = "/api/public/competitions/{cid}/shortlist";
    private static final String PAGE = "/shortlist/{cid}";

    @Inject
    PublicShortlistCache cache;

    @Inject
    org.juryroom.common.ChangeSignals signals;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    jakarta.persistence.EntityManagerFactory emf;

    /** The tags of the page, the API and the list now; each answers its own tag with 304. */
    private static Map<String, String> tags(long cid) {
        Map<String, String> tags = new HashMap<>();
        for (String path : List.of(PAGE, API, "/shortlist")) {
            Response r = anonymous().get(path.replace("{cid}", Long.toString(cid)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String tag = r.header("ETag");
            assertThat(tag).as(path).startsWith("\"");
            assertThat(r.header("Cache-Control")).isEqualTo(PublicCaching.SHARED);
            Response again = anonymous().header("If-None-Match", tag).get(path.replace("{cid}", Long.toString(cid)));
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.header("Cache-Control")).isEqualTo(PublicCaching.SHARED);
            tags.put(path, tag);
        }
        return tags;
    }

    /** After a change: the page and the API answer the old tag with a new body (200). */
    private static void changed(long cid, Map<String, String> before) {
        for (String path : List.of(PAGE, API)) {
            Response r = anonymous().header("If-None-Match", before.get(path)).get(path.replace("{cid}",
                    Long.toString(cid)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("ETag")).as(path).isNotEqualTo(before.get(path));
        }
    }

    /** Each language has its own copy, written in that language, and the English one stays English. */
    @Test
    void eachLanguageGetsItsOwnPageInItsOwnWords() {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Languages poster"),
                List.of(JudgingFixtures.firstName()));
        String path = PAGE.replace("{cid}", Long.toString(p.cid()));
        for (int twice = 0; twice < 2; twice++) {
            assertThat(anonymous().header("Accept-Language", "hi").get(path).then().statusCode(200).extract().asString())
                    .contains("केवल पहले नाम ही दिखाए जाते हैं");
            assertThat(anonymous().header("Accept-Language", "bn").get(path).then().statusCode(200).extract().asString())
                    .contains("কেবল প্রথম নামই দেখানো হয়");
            assertThat(anonymous().header("Accept-Language", "en").get(path).then().statusCode(200).extract().asString())
                    .contains("Only first names are ever shown");
        }
    }

    @Test
    void builtOnceThenServedFromMemoryUntilSomethingChanges() {
        String title = JudgingFixtures.unique("Cached poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> first = tags(p.cid());
        var snapshot = cache.shortlist(p.cid());
        assertThat(cache.shortlist(p.cid())).as("no rebuild without a change").isSameAs(snapshot);
        assertThat(tags(p.cid())).isEqualTo(first);
        // A change of something the public does not see (a score, a draft elsewhere) keeps the copy.
        JudgingFixtures.openCompetition(1);
        assertThat(cache.shortlist(p.cid())).isSameAs(snapshot);
    }

    /**
     * Writers commit in any order: a change numbered before another but committed after it (and after
     * a request built the copy in between) is still seen. A copy keyed by the highest change number
     * missed it.
     */
    @Test
    void aChangeCommittedAfterALaterOneIsSeenOnTheNextRequest() throws Exception {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Withdrawn poster"),
                List.of(JudgingFixtures.firstName()));
        tags(p.cid());
        String withdrawn = "\"workPublished\":false";
        try (java.sql.Connection older = java.sql.DriverManager.getConnection(
                org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres");
             java.sql.Connection newer = java.sql.DriverManager.getConnection(
                     org.juryroom.support.RealStack.services().jdbcUrl(), "postgres", "postgres")) {
            older.setAutoCommit(false);
            // The older writer: the work's publication consent is withdrawn, not committed yet.
            older.createStatement().executeUpdate("update entry set consent_publish_work = false where id = "
                    + p.eid());
            newer.createStatement().executeUpdate("update category set name = name where competition_id = " + p.cid());
            assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(withdrawn);
            older.commit();
        }
        // Committed outside this app (another instance, as far as it knows): seen once its notification
        // arrives, by the database check, which must see a change committed after a later one.
        eventually("the older writer's withdrawal", () -> anonymous().get(API, p.cid()).asString().contains(withdrawn));
    }

    /**
     * A safeguarding hold made while the publication is being committed: its trigger runs while the
     * competition is still FROZEN as far as it can see, the publication commits, a request builds the
     * public copy (the hold not committed yet), then the hold commits. The next request must not show the
     * held entry. The triggers recorded changes of PUBLISHED competitions only, so the copy stayed current.
     */
    @Test
    void aHoldCommittedAfterAPublicationThatBeganFirstIsSeen() throws Exception {
        holdRacingThePublication(false);
    }

    /** The same with the organiser's mark that the work shows an identifiable child: the names go. */
    @Test
    void anIdentifiableChildMarkedDuringThePublicationIsSeen() throws Exception {
        String child = JudgingFixtures.firstName();
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Marked in flight poster"), List.of(child));
        assertThat(anonymous().get(API, p.cid()).asString()).contains(child);
        raceWithPublication(p, "update entry set identifiable_child = true where id = " + p.eid(), false);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(child);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(child);
    }

    /**
     * A hold made while the freeze is being committed (the competition still JUDGING as the hold's trigger
     * sees it), committed after the freeze, the publication and a request that built the copy.
     */
    @Test
    void aHoldMadeDuringTheFreezeAndCommittedAfterThePublicationIsSeen() throws Exception {
        holdRacingThePublication(true);
    }

    /** A hold raced against the publication (see {@link #raceWithPublication}): the held title is gone. */
    private void holdRacingThePublication(boolean fromJudging) throws Exception {
        String title = JudgingFixtures.unique("Held in flight poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        raceWithPublication(p, "update entry set hold = 'HELD' where id = " + p.eid(), fromJudging);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(title);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(title);
    }

    /**
     * In a fixed order, on connections of their own (another instance, as far as the app knows): the
     * competition is taken back to FROZEN (or, {@code fromJudging}, JUDGING); a publication (or a freeze,
     * then a publication) begins; {@code change} runs in a transaction of its own; the publication commits;
     * a request builds the public copy without the change; the change commits. Then a transaction of this
     * app ends (standing in for the change's notification, which arrives at its own pace), so the next
     * request checks the database.
     */
    private void raceWithPublication(Published p, String change, boolean fromJudging) throws Exception {
        JudgingFixtures.transition(p.cid(), "FROZEN");
        try (java.sql.Connection publication = direct(); java.sql.Connection writer = direct()) {
            if (fromJudging) {
                publication.createStatement().executeUpdate("update competition set status = 'JUDGING' where id = "
                        + p.cid());
            }
            anonymous().get(API, p.cid()).then().statusCode(404);
            publication.setAutoCommit(false);
            writer.setAutoCommit(false);
            publication.createStatement().executeUpdate("update competition set status = '"
                    + (fromJudging ? "FROZEN" : "PUBLISHED") + "', published_at = "
                    + (fromJudging ? "null" : "now()") + " where id = " + p.cid());
            writer.createStatement().executeUpdate(change);
            publication.commit();
            if (fromJudging) {
                publication.createStatement().executeUpdate("update competition set status = 'PUBLISHED',"
                        + " published_at = now() where id = " + p.cid());
                publication.commit();
            }
            anonymous().get(API, p.cid()).then().statusCode(200); // built without the change
            anonymous().get(PAGE, p.cid()).then().statusCode(200);
            writer.commit();
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> { });
    }

    /**
     * Every instance is notified of a recorded change, and only of one: a write to a competition still
     * open for submissions wakes none (it did, on every upload). A round in which something else in the
     * app notified proves nothing and is repeated.
     */
    @Test
    void onlyARecordedChangeNotifiesTheInstances() throws Exception {
        long open = JudgingFixtures.openCompetition(1);
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Notifying poster"),
                List.of(JudgingFixtures.firstName()));
        try (java.sql.Connection listener = direct(); java.sql.Connection writer = direct()) {
            listener.createStatement().execute("listen " + org.juryroom.common.ChangeSignals.CHANNEL);
            boolean quiet = false;
            for (int attempt = 0; attempt < 3 && !quiet; attempt++) {
                notifications(listener);
                writer.createStatement().executeUpdate("update category set name = name where competition_id = " + open);
                quiet = notifications(listener) == 0;
            }
            assertThat(quiet).as("a write to an open competition notifies nobody").isTrue();
            writer.createStatement().executeUpdate("update category set name = name where competition_id = " + p.cid());
            assertThat(notifications(listener)).as("a published competition's change").isPositive();
        }
    }

    /** The notifications the listener has received since it was last asked (a round trip delivers them). */
    private static int notifications(java.sql.Connection listener) throws java.sql.SQLException {
        listener.createStatement().execute("select 1");
        var received = listener.unwrap(org.postgresql.PGConnection.class).getNotifications();
        return received == null ? 0 : received.length;
    }

    @Test
    void aWithdrawalOfConsentIsSeenOnTheNextRequest() {
        String child = JudgingFixtures.firstName();
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Named poster"), List.of(child));
        Map<String, String> before = tags(p.cid());
        assertThat(anonymous().get(API, p.cid()).asString()).contains(child);
        ConsentFixtures.withdraw(p.tokens().get(0), "publishName").then().statusCode(200);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(child);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(child);
    }

    @Test
    void aSafeguardingHoldIsSeenOnTheNextRequest() {
        String title = JudgingFixtures.unique("Held poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> before = tags(p.cid());
        Map<String, Object> concern = new HashMap<>();
        concern.put("kind", "DISCLOSURE");
        concern.put("urgency", "NORMAL");
        concern.put("note", "Raised after publication.");
        ORGANISER.as().contentType(ContentType.JSON).body(concern).post("/api/entries/{eid}/concerns", p.eid())
                .then().statusCode(201);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(title);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(title);
    }

    @Test
    void anErasureIsSeenOnTheNextRequest() {
        String title = JudgingFixtures.unique("Erased poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        Map<String, String> before = tags(p.cid());
        ORGANISER.as().post("/api/entries/{eid}/erasure", p.eid()).then().statusCode(200);
        changed(p.cid(), before);
        assertThat(anonymous().get(API, p.cid()).asString()).doesNotContain(title);
        assertThat(anonymous().get(PAGE, p.cid()).asString()).doesNotContain(title);
    }

    @Test
    void anUnpublicationIsSeenOnTheNextRequestAndARepublicationToo() {
        String title = JudgingFixtures.unique("Unpublished poster");
        Published p = ConsentFixtures.published(title, List.of(JudgingFixtures.firstName()));
        String competition = ORGANISER.as().get("/api/competitions/{cid}", p.cid()).jsonPath().getString("title");
        Map<String, String> before = tags(p.cid());
        assertThat(anonymous().get("/shortlist").asString()).contains(competition);
        JudgingFixtures.transition(p.cid(), "FROZEN");
        anonymous().header("If-None-Match", before.get(PAGE)).get(PAGE, p.cid()).then().statusCode(404);
        anonymous().header("If-None-Match", before.get(API)).get(API, p.cid()).then().statusCode(404);
        Response list = anonymous().header("If-None-Match", before.get("/shortlist")).get("/shortlist");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).doesNotContain(competition);
        JudgingFixtures.transition(p.cid(), "PUBLISHED");
        assertThat(anonymous().get(API, p.cid()).asString()).contains(title);
    }

    /** Waits (bounded, not a measure of speed) until the condition holds. */
    private static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as(what).isNegative();
            Thread.sleep(20);
        }
    }

    private static java.sql.Connection direct() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(org.juryroom.support.RealStack.services().jdbcUrl(),
                "postgres", "postgres");
    }

    /** The server process ids of the change listener's connection. */
    private static List<Integer> listeners() throws java.sql.SQLException {
        try (java.sql.Connection c = direct(); var rs = c.createStatement().executeQuery(
                "select pid from pg_stat_activity where application_name = 'juryroom-change-signals'")) {
            List<Integer> pids = new java.util.ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            return pids;
        }
    }

    /**
     * While nothing changes, the page, the gallery list and the API (200 and 304, each language) are
     * served with no database work at all: no statement through Hibernate, no connection from the pool
     * (which would also catch plain JDBC). A round during which the generation moved (a transaction
     * elsewhere in the app) proves nothing and is repeated.
     */
    @Test
    void aHitRunsNoSqlAndBorrowsNoConnection() throws Exception {
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Quiet poster"), List.of(JudgingFixtures.firstName()));
        eventually("the listener is connected", signals::healthy);
        org.hibernate.stat.Statistics statistics = emf.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        dataSource.getConfiguration().setMetricsEnabled(true);
        boolean proved = false;
        for (int attempt = 0; attempt < 3 && !proved; attempt++) {
            Map<String, String> warm = tags(p.cid());
            long generation = signals.generation();
            long statements = statistics.getPrepareStatementCount();
            long borrowed = dataSource.getMetrics().acquireCount();
            for (int i = 0; i < 10; i++) {
                for (String path : List.of(PAGE, API, "/shortlist")) {
                    String url = path.replace("{cid}", Long.toString(p.cid()));
                    anonymous().get(url).then().statusCode(200);
                    anonymous().header("Accept-Language", "hi").get(url).then().statusCode(200);
                    anonymous().header("If-None-Match", warm.get(path)).get(url).then().statusCode(304);
                }
            }
            if (signals.generation() == generation && signals.healthy()) {
                assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(statements);
                assertThat(dataSource.getMetrics().acquireCount()).as("connections").isEqualTo(borrowed);
                proved = true;
            }
        }
        assertThat(proved).as("a quiet round").isTrue();
    }

    /** A transaction of this instance ends before its response: the next request checks the database. */
    @Test
    void theEndOfALocalTransactionMovesTheGeneration() {
        long before = signals.generation();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> { });
        assertThat(signals.generation()).isGreaterThan(before);
    }

    /**
     * Readers race a writer withdrawing children's names one at a time (order from a fixed seed): a
     * request sent after a withdrawal's response never shows that name again, from memory or not.
     */
    @Test
    void noRequestAfterAWithdrawalSeesTheOldNames() throws Exception {
        java.util.Random random = new java.util.Random(15);
        for (int round = 0; round < 3; round++) {
            List<String> children = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                children.add(JudgingFixtures.firstName());
            }
            Published p = ConsentFixtures.published(JudgingFixtures.unique("Raced poster"), children);
            List<Integer> order = new java.util.ArrayList<>(List.of(0, 1, 2, 3));
            java.util.Collections.shuffle(order, random);
            // withdrawn[k]: the k-th name withdrawn, once its withdrawal answered; done: how many answered.
            String[] withdrawn = new String[children.size()];
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Integer>> reads = new java.util.ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String path = r % 2 == 0 ? API : PAGE;
                reads.add(readers.submit(() -> {
                    int n = 0;
                    while (writing.get()) {
                        int answered = done.get();
                        String body = anonymous().get(path, p.cid()).then().statusCode(200).extract().asString();
                        for (int k = 0; k < answered; k++) {
                            assertThat(body).as("after withdrawal %d", k + 1).doesNotContain(withdrawn[k]);
                        }
                        n++;
                    }
                    return n;
                }));
            }
            try {
                for (int k = 0; k < order.size(); k++) {
                    ConsentFixtures.withdraw(p.tokens().get(order.get(k)), "publishName").then().statusCode(200);
                    withdrawn[k] = children.get(order.get(k));
                    done.incrementAndGet();
                }
            } finally {
                writing.set(false);
                readers.shutdown();
            }
            int total = 0;
            for (var read : reads) {
                total += read.get(); // a reader's failure is rethrown here
            }
            assertThat(total).as("reads during the withdrawals").isPositive();
        }
    }

    /**
     * A change made by another instance (here: SQL on a connection of its own) reaches this one by its
     * notification; with the listener's connection killed, the next request checks the database and
     * still sees a change made meanwhile, and the listener connects again.
     */
    @Test
    void anotherInstancesChangeIsSeenByNotificationAndWithoutTheListener() throws Exception {
        String child = JudgingFixtures.firstName();
        Published p = ConsentFixtures.published(JudgingFixtures.unique("Elsewhere poster"), List.of(child));
        eventually("the listener is connected", signals::healthy);
        tags(p.cid());
        try (java.sql.Connection elsewhere = direct()) {
            elsewhere.createStatement().executeUpdate("update entry set consent_publish_work = false where id = "
                    + p.eid());
            eventually("the other instance's change is seen",
                    () -> anonymous().get(API, p.cid()).asString().contains("\"workPublished\":false"));

            List<Integer> before = listeners();
            assertThat(before).hasSize(1);
            long generation = signals.generation();
            elsewhere.createStatement().execute("select pg_terminate_backend(" + before.get(0) + ")");
            eventually("the loss is noticed", () -> signals.generation() != generation);
            // No request since the loss: whether reconnected yet or not, the next one checks the database.
            elsewhere.createStatement().executeUpdate("update entry set consent_publish_work = true where id = "
                    + p.eid());
            assertThat(anonymous().get(API, p.cid()).asString()).contains("\"workPublished\":true");

            eventually("the listener connects again", () -> {
                try {
                    List<Integer> now = listeners();
                    return signals.healthy() && now.size() == 1 && !now.equals(before);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            tags(p.cid());
            elsewhere.createStatement().executeUpdate("update entry set consent_publish_work = false where id = "
                    + p.eid());
            eventually("a change after reconnecting is seen",
                    () -> anonymous().get(API, p.cid()).asString().contains("\"workPublished\":false"));
        }
    }
}
