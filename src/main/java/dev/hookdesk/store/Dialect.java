package dev.hookdesk.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What differs between the embedded H2 database and PostgreSQL. Everything else is written
 * in the SQL subset both run.
 */
public interface Dialect {

  String name();

  /** Column types substituted into migrations as Flyway placeholders ({@code ${json}}). */
  Map<String, String> placeholders();

  /** Whether {@code LOWER(column) LIKE '%…%'} can be answered from an index (pg_trgm): see {@link Substrings}. */
  boolean indexesLike();

  /** Whether the database can push notifications to other nodes (PostgreSQL LISTEN/NOTIFY). */
  boolean supportsNotify();

  /** Wakes the listeners of a channel on every node once the transaction commits; a no-op without notify. */
  void notify(Handle h, String channel);

  /** {@link #notify(Handle, String)} with a payload the listeners receive (at most a few hundred bytes). */
  void notify(Handle h, String channel, String payload);

  /**
   * A query that adds {@code :n} to {@code column} of the row whose {@code key} is {@code :id} and
   * returns the new value; the row stays locked until commit.
   */
  String incrementReturning(String table, String column, String key);

  /** An INSERT of one row that does nothing when a row with the same key exists. */
  String insertIfAbsent(String table, String columns, String values, String key);

  /**
   * Locks and returns the {@code key} of up to {@code limit} rows of a queue {@code table} that
   * match {@code where}, first in {@code order}, skipping rows other transactions hold.
   * {@code binds} binds the parameters {@code where} uses.
   */
  List<String> lockFirst(Handle h, String table, String key, String where, String order, int limit,
      Consumer<Query> binds);

  /** What a writer waits for after its commit so that a killed process loses nothing it acknowledged. */
  Durability durability(String url, Optional<String> user, Optional<String> password);

  static Dialect forUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? new PostgresDialect() : new H2Dialect();
  }
}
