package dev.hookdesk.store;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Re-runs a whole transaction that the database aborted to break a deadlock or a
 * serialisation conflict, instead of answering 500. Two actions that lock the same rows
 * in different orders (a chat and an agent, say) are rare but legal. Once the outermost
 * transaction committed, it waits until its writes are durable ({@link DurableWrites}). Each
 * run of the outermost callback ends with the work it left {@link BeforeCommit}.
 */
final class DeadlockRetry extends SerializableTransactionRunner {
  /** 40001: serialization failure (both; H2 reports deadlocks so), 40P01: PostgreSQL deadlock. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  static final int MAX_RETRIES = 5;

  private final DurableWrites writes;

  DeadlockRetry(DurableWrites writes) {
    super();
    this.writes = writes;
  }

  private DeadlockRetry(TransactionHandler delegate, DurableWrites writes) {
    super(delegate);
    this.writes = writes;
  }

  /** JDBI binds a handler per handle; the bound copy must keep this retry rule. */
  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new DeadlockRetry(getDelegate().specialize(handle), writes);
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback)
      throws X {
    if (handle.isInTransaction()) return super.inTransaction(handle, callback);
    writes.begin();
    R result = super.inTransaction(handle, BeforeCommit.around(callback));
    writes.committed();
    return result;
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
      HandleCallback<R, X> callback) throws X {
    if (handle.isInTransaction()) return super.inTransaction(handle, level, callback);
    writes.begin();
    R result = super.inTransaction(handle, level, BeforeCommit.around(callback));
    writes.committed();
    return result;
  }

  @Override
  protected boolean isSqlState(String expected, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException e && RETRYABLE.contains(e.getSQLState())) return true;
    }
    return false;
  }
}
