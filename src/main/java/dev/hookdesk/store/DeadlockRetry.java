package dev.hookdesk.store;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * Re-runs a whole transaction that the database aborted to break a deadlock or a
 * serialisation conflict, instead of answering 500. Two actions that lock the same rows
 * in different orders (a chat and an agent, say) are rare but legal.
 */
final class DeadlockRetry extends SerializableTransactionRunner {
  /** 40001: serialization failure (both; H2 reports deadlocks so), 40P01: PostgreSQL deadlock. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  static final int MAX_RETRIES = 5;

  DeadlockRetry() {
    super();
  }

  private DeadlockRetry(TransactionHandler delegate) {
    super(delegate);
  }

  /** JDBI binds a handler per handle; the bound copy must keep this retry rule. */
  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new DeadlockRetry(getDelegate().specialize(handle));
  }

  @Override
  protected boolean isSqlState(String expected, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException e && RETRYABLE.contains(e.getSQLState())) return true;
    }
    return false;
  }
}
