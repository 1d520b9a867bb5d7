package org.juryroom.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL cannot be reached: connection refused or closed, the pool's acquisition timeout,
 * SQLState class 08 (connection exception) or 57P01-57P03 (the server is shutting down or
 * starting). Like the object store's outage this is 503 with Retry-After, not a 500: the request
 * can be repeated once the database is back. {@link ProblemMappers} answers it for every
 * resource; web/EarlyRefusals for what fails before a resource runs (signing in reads the users).
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private final AgroalDataSource pool;
    private final OpenedConnections opened;
    /** How many connections the pool had opened at the last flush: those it holds now are all past it when equal. */
    private final AtomicLong flushedUpTo = new AtomicLong(-1);

    public DatabaseOutage(AgroalDataSource pool, OpenedConnections opened) {
        this.pool = pool;
        this.opened = opened;
    }

    /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
    public static boolean is(Throwable failure) {
        return find(failure, true);
    }

    /**
     * Whether a connection to the database was lost or refused: an outage that is not only a full pool (whose
     * connections are alive, only all busy).
     */
    static boolean lostConnection(Throwable failure) {
        return find(failure, false);
    }

    private static boolean find(Throwable failure, boolean orPoolTimeout) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && (lost(sql) || orPoolTimeout && poolTimeout(sql))) {
                return true;
            }
            if (t instanceof JDBCConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
    }

    /** Agroal's pool gives no SQLState when no connection comes within the acquisition timeout. */
    private static boolean poolTimeout(SQLException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * When {@code failure} lost a connection, every connection the pool had then is dropped: idle ones now,
     * those in use when they come back. They went to the same server, so they are most likely dead too, and one
     * used less than a second before the outage would not be checked when borrowed (the foreground validation
     * interval): once the database is back, a short outage would otherwise fail the first requests after it with
     * one dead connection each. A full pool is not a lost connection and flushes nothing (new connections would
     * only add to the load), and the many failures of one outage flush once, not once each: only when the pool
     * has opened a connection since its last flush.
     */
    public void noticed(Throwable failure) {
        long flushed = flushedUpTo.get();
        long now = opened.count();
        if (now != flushed && lostConnection(failure) && flushedUpTo.compareAndSet(flushed, now)) {
            pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
    }

    /** The 503 for an outage; logged once, briefly (the cause is the outage, not a bug). */
    public static ProblemException problem(Throwable cause) {
        LOG.warnf("The database is not reachable: %s", cause.toString());
        ProblemException p = ProblemException.unavailable(
                "The database is not reachable right now; nothing was changed, please try again shortly");
        p.initCause(cause);
        return p;
    }
}
