package org.juryroom.safeguarding;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.rounds.CloseHooks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Forces the interleaving the race tests otherwise only hope for: the freeze (or a round's close) of
 * one competition is held right after it counted the held entries, while a concern is raised on
 * {@code entryId}, until that concern has either committed or is seen waiting for a lock in
 * PostgreSQL. Installed with QuarkusMock in place of {@link CloseHooks}.
 */
public final class ConcernAtTheCheck extends CloseHooks {

    private final long competitionId;
    private final Login raisedBy;
    private final long entryId;
    private final DataSource dataSource;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ExecutorService probe = Executors.newSingleThreadExecutor();
    private volatile Future<Response> raised;

    public ConcernAtTheCheck(long competitionId, Login raisedBy, long entryId, DataSource dataSource) {
        this.competitionId = competitionId;
        this.raisedBy = raisedBy;
        this.entryId = entryId;
        this.dataSource = dataSource;
    }

    /** A concern of kind OTHER, as the API takes it. */
    public static Response raise(Login by, long entryId) {
        return by.as().contentType(ContentType.JSON)
                .body(Map.of("kind", "OTHER", "urgency", "NORMAL", "note", "Please look at this entry"))
                .post("/api/entries/{eid}/concerns", entryId);
    }

    @Override
    public void afterHeldCheck(long competitionId) {
        if (competitionId != this.competitionId || raised != null) {
            return;
        }
        raised = pool.submit(() -> raise(raisedBy, entryId));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!raised.isDone() && !someoneWaitsForALock()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the concern neither committed nor waited for a lock in 30 s");
                }
                Thread.sleep(5); // polling, not timing: the loop ends on an observed state
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The concern's answer, once the freeze or close it raced is over. */
    public Response raised() {
        try {
            return raised.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no concern was raised at the check", e);
        } finally {
            pool.shutdownNow();
            probe.shutdownNow();
        }
    }

    private boolean someoneWaitsForALock() {
        // A thread of its own, so never enlisted in the freeze's transaction (this runs on the freeze's thread).
        Future<Boolean> seen = probe.submit(() -> {
            try (Connection c = dataSource.getConnection();
                 ResultSet r = c.createStatement().executeQuery("select count(*) from pg_stat_activity"
                         + " where datname = current_database() and wait_event_type = 'Lock'")) {
                r.next();
                return r.getLong(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return seen.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
