package io.jifen.admin.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures answer 503 service-unavailable rather than 500: the shapes seen when PostgreSQL goes away. */
class DatabaseDownIsRecognisedTest {

    @Test
    void aConnectionErrorAnywhereInTheCauseChainIsTheDatabaseBeingDown() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new IllegalStateException(refused)))).isTrue();
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
    }

    @Test
    void aConnectionLostDuringCommitIsOnlyASuppressedExceptionOfTheRollback() {
        // what Narayana throws when the connection breaks in commit: RollbackException, the XAException suppressed
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    @Test
    void theServerShuttingDownOrStartingUpIsTheDatabaseBeingDown() {
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new SQLException("the database system is starting up",
                "57P03")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ProblemMappers.isDatabaseDown(new RuntimeException(new SQLException("canceling statement", "57014")))).isFalse();
        assertThat(ProblemMappers.isDatabaseDown(new IllegalStateException("boom"))).isFalse();
        RuntimeException cyclic = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", cyclic);
        cyclic.addSuppressed(other);
        assertThat(ProblemMappers.isDatabaseDown(cyclic)).isFalse();
    }
}
