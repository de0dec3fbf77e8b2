package dev.hookdesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Durable H2 commits, written in groups. H2 with {@code WRITE_DELAY=0} writes a chunk of
 * every changed page at each commit, which under load cost more than the transactions
 * themselves. Here commits only change memory and the thread that committed waits for one
 * store ({@code CHECKPOINT}) that starts after its commit: every commit that arrives while a
 * store runs shares the next one. A write is on disk before its caller hears of it, as with
 * {@code WRITE_DELAY=0}.
 */
final class GroupCommit implements Durability {
  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stored = lock.newCondition();
  private long started;
  private long finished;
  private boolean storing;
  private boolean closed;
  private Connection connection;

  GroupCommit(String url, Optional<String> user, Optional<String> password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public void awaitWritesSoFar() {
    lock.lock();
    try {
      long needed = started + 1; // a store that starts after this call
      // once closed, H2 has written everything while closing; a store would reopen the file
      while (finished < needed && !closed) {
        if (storing) {
          stored.awaitUninterruptibly();
          continue;
        }
        storing = true;
        long number = ++started;
        boolean ok = false;
        lock.unlock();
        try {
          store();
          ok = true;
        } finally {
          lock.lock();
          storing = false;
          if (ok) finished = number;
          stored.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Only ever runs on one thread at a time (guarded by {@code storing}). */
  private void store() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(url, user.orElse(""), password.orElse(""));
      }
      try (Statement s = connection.createStatement()) {
        s.execute("CHECKPOINT");
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store committed writes: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      while (storing) stored.awaitUninterruptibly();
      if (connection != null) connection.close();
    } catch (SQLException e) {
      // closing at shutdown; the database closes with the pool
    } finally {
      connection = null;
      lock.unlock();
    }
  }
}
