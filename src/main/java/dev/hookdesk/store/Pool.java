package dev.hookdesk.store;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection pool of the node: its name (in thread dumps and metrics), how many connections
 * it holds at most, and how long a caller waits for one before the pool gives up with
 * {@link java.sql.SQLTransientConnectionException}.
 */
public record Pool(String name, int size, Duration connectionTimeout) {
  /** The timeout of a pool whose callers would rather wait than fail (the engine, migrations). */
  public static final Duration PATIENT = Duration.ofSeconds(10);

  public Pool {
    Objects.requireNonNull(name);
    Objects.requireNonNull(connectionTimeout);
    if (size < 1) throw new IllegalArgumentException("a pool needs at least one connection");
    // HikariCP's floor; a shorter setting would be raised to its default of 30 s
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("a pool's connection timeout is at least 250 ms");
    }
  }
}
