package org.juryroom.common;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are "the database cannot be reached" (503) and which are not (they stay 500 or their own status). */
class DatabaseOutageTest {

    @Test
    void connectionFailuresShutdownsAndPoolTimeoutsAreOutagesWhereverTheyAreInTheCauseChain() {
        assertThat(DatabaseOutage.is(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseOutage.is(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(DatabaseOutage.is(new SQLException("This connection has been closed.", "08003"))).isTrue();
        assertThat(DatabaseOutage.is(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.is(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.is(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(DatabaseOutage.is(new JDBCConnectionException("could not prepare", new SQLException("x"))))
                .isTrue();
        assertThat(DatabaseOutage.is(new IllegalStateException("wrapped",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseOutage.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.is(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(DatabaseOutage.is(new SQLException("canceling statement due to user request", "57014"))).isFalse();
        assertThat(DatabaseOutage.is(new IllegalStateException("a bug"))).isFalse();
    }

    /** A full pool is an outage to the caller (503), but its connections are alive: nothing to drop. */
    @Test
    void onlyALostConnectionIsALostConnection() {
        SQLException full = new SQLException("Sorry, acquisition timeout!");
        assertThat(DatabaseOutage.is(full)).isTrue();
        assertThat(DatabaseOutage.lostConnection(full)).isFalse();
        assertThat(DatabaseOutage.lostConnection(new IllegalStateException(new SQLException("I/O", "08006")))).isTrue();
        assertThat(DatabaseOutage.lostConnection(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutage.lostConnection(new SQLException("duplicate key", "23505"))).isFalse();
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.is(a)).isFalse();
    }
}
