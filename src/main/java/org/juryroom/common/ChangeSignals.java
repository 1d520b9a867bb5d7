package org.juryroom.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the caches kept in memory (the public shortlist) when the database may have changed, so that a
 * copy can be served with no database work while nothing has. A number, the generation, moves on every
 * possible change: a notification on {@link #CHANNEL} (sent at commit by the triggers of migration V36,
 * from any instance), the end of any transaction of this instance (so a request after a write here never
 * waits for the notification), and the listener's connection being lost or made. A copy checked against
 * the database (ChangeSnapshots, still the truth) after the generation was read may be served without a
 * check while the generation is unchanged and the listener is {@link #healthy()}: a notification
 * missed while it was not listening is covered by the move on reconnecting.
 * <p>
 * One dedicated connection (not from the pool, which validates and recycles its connections), LISTEN, and
 * a daemon thread blocking for notifications; on loss it reconnects with backoff. It is healthy only while
 * its own ping, sent after every 5 s of silence, comes back within 5 s: a half-open socket, or a pooler in
 * transaction mode (which takes LISTEN and delivers nothing), leaves every copy checked in the database.
 */
@ApplicationScoped
public class ChangeSignals {

    /** The channel of the triggers of V36. */
    public static final String CHANNEL = "juryroom_public_change";
    /**
     * The channel of the triggers of V37: accounts and API tokens changed (access/SignInMemory), with a
     * generation of its own so that a public change does not make every API client sign in again.
     */
    public static final String ACCOUNT_CHANNEL = "juryroom_account_change";

    private static final Logger LOG = Logger.getLogger(ChangeSignals.class);
    /** This connection's own heartbeat channel: never moves the generation. */
    static final String PING = "juryroom_change_signals_ping";
    /** How long one wait for notifications blocks; after a silent wait the listener pings itself. */
    private static final int WAIT_MILLIS = 5_000;
    /** How long its own ping may take to come back before the connection counts as lost. */
    private static final int PING_MILLIS = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong accountGeneration = new AtomicLong();
    private volatile boolean healthy;
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    /** The pool's database, user and password (the datasource's configuration). */
    public ChangeSignals(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The current generation: read it before checking or building a copy. */
    public long generation() {
        return generation.get();
    }

    /**
     * The accounts' generation: moves on a notification on {@link #ACCOUNT_CHANNEL}, on
     * {@link #accountsChanged()} and whenever the listener's connection is lost or made.
     */
    public long accountGeneration() {
        return accountGeneration.get();
    }

    /** This instance committed (or rolled back) a change of accounts or tokens: called after completion. */
    public void accountsChanged() {
        accountGeneration.incrementAndGet();
    }

    /** Whether notifications are being received now: if not, every use must check the database. */
    public boolean healthy() {
        return healthy;
    }

    /**
     * Any transaction of this instance ended (after its commit, before its request's response): it may
     * have changed what a copy shows. Read-only ones cost the next public request one database check.
     */
    void transactionEnded(@Observes @Destroyed(TransactionScoped.class) Object ignored) {
        generation.incrementAndGet();
    }

    void start(@Observes StartupEvent ignored) {
        thread = new Thread(this::listen, "change-signals");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        stopping = true;
        healthy = false;
        close(connection);
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void listen() {
        long backoff = 100;
        while (!stopping) {
            Connection c = null;
            try {
                Properties props = new Properties();
                user.ifPresent(u -> props.setProperty("user", u));
                password.ifPresent(p -> props.setProperty("password", p));
                props.setProperty("ApplicationName", "juryroom-change-signals");
                // A silent, half-open connection must fail the ping, not hang it.
                props.setProperty("socketTimeout", "15");
                c = DriverManager.getConnection(url, props);
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                    s.execute("listen " + ACCOUNT_CHANNEL);
                    s.execute("listen " + PING);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long pings = 0;
                // Healthy only once a notification is seen to arrive (a pooler in transaction mode takes
                // LISTEN and delivers nothing).
                ping(c, pg, Long.toString(pings++));
                // Changes committed while not listening were missed: every copy is checked once more.
                movedAll();
                healthy = true;
                backoff = 100;
                while (!stopping) {
                    var notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (var n : notifications) {
                            moved(n.getName());
                        }
                    } else {
                        // Silence: prove notifications still arrive (a half-open socket answers nothing).
                        ping(c, pg, Long.toString(pings++));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                healthy = false;
                movedAll();
                if (!stopping) {
                    LOG.warnf("Change notifications lost (%s); caches check the database until reconnected",
                            e.getMessage());
                }
            } finally {
                healthy = false;
                close(c);
            }
            if (!stopping) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    /** Sends this connection its own ping and fails unless it comes back in time. */
    private void ping(Connection c, PGConnection pg, String nonce) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_notify('" + PING + "', '" + nonce + "')");
        }
        if (!pingReturned(pg, nonce)) {
            throw new SQLException("no notification came back within " + PING_MILLIS + " ms");
        }
    }

    /**
     * Waits for this connection's own ping; a change notification arriving meanwhile still moves the
     * generation.
     */
    private boolean pingReturned(PGConnection pg, String nonce) throws SQLException {
        long until = System.nanoTime() + PING_MILLIS * 1_000_000L;
        while (System.nanoTime() < until) {
            var arrived = pg.getNotifications((int) Math.max(1, (until - System.nanoTime()) / 1_000_000L));
            boolean returned = false;
            for (var n : arrived == null ? new org.postgresql.PGNotification[0] : arrived) {
                if (n.getName().equals(PING)) {
                    returned |= n.getParameter().equals(nonce);
                } else {
                    moved(n.getName());
                }
            }
            if (returned) {
                return true;
            }
        }
        return false;
    }

    /** A notification arrived on {@code channel}. */
    private void moved(String channel) {
        if (channel.equals(ACCOUNT_CHANNEL)) {
            accountGeneration.incrementAndGet();
        } else if (!channel.equals(PING)) {
            generation.incrementAndGet();
        }
    }

    private void movedAll() {
        generation.incrementAndGet();
        accountGeneration.incrementAndGet();
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
