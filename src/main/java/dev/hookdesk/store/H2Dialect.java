package dev.hookdesk.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

final class H2Dialect implements Dialect {
  H2Dialect() {
    // H2 looks every value it creates up in a shared cache of recent values, to save memory
    // on repeated ones; the delivery engine's values are nearly all new (ids, bodies, times),
    // and the look-ups cost about 8 % of the desk's throughput (bench desk scenario). The
    // setting is read once, when H2's classes load: before the first connection.
    if (System.getProperty("h2.objectCache") == null) System.setProperty("h2.objectCache", "false");
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public Map<String, String> placeholders() {
    // Unbounded CHARACTER VARYING is stored in the row. CHARACTER LARGE OBJECT went through
    // H2's LOB store, which cost more than the rest of an insert (V10 converts old columns).
    return Map.of("text", "CHARACTER VARYING");
  }

  @Override
  public boolean indexesLike() {
    return false;
  }

  @Override
  public boolean supportsNotify() {
    return false;
  }

  @Override
  public void notify(Handle h, String channel) {
    // one node per embedded database: the in-process signal is enough
  }

  @Override
  public void notify(Handle h, String channel, String payload) {
    // as above
  }

  @Override
  public Durability durability(String url, Optional<String> user, Optional<String> password) {
    return new GroupCommit(url, user, password);
  }

  /**
   * Picks the first rows by the index, then locks those. One "ORDER BY … LIMIT … FOR UPDATE
   * SKIP LOCKED" makes H2 lock and sort every matching row: seconds per claim with a backlog
   * of a million. No other node shares an H2 file, so nothing else competes for these rows.
   */
  @Override
  public List<String> lockFirst(Handle h, String table, String key, String where, String order,
      int limit, Consumer<Query> binds) {
    Query pick = h.createQuery("SELECT " + key + " FROM " + table + " WHERE " + where
        + " ORDER BY " + order + " LIMIT " + limit);
    binds.accept(pick);
    List<String> candidates = pick.mapTo(String.class).list();
    if (candidates.isEmpty()) return candidates;
    Query lock = h.createQuery("SELECT " + key + " FROM " + table + " WHERE " + key
        + " IN (<lockFirstKeys>) AND (" + where + ") FOR UPDATE SKIP LOCKED");
    binds.accept(lock);
    return lock.bindList("lockFirstKeys", candidates).mapTo(String.class).list();
  }

  @Override
  public String incrementReturning(String table, String column, String key) {
    return "SELECT " + column + " FROM FINAL TABLE (UPDATE " + table + " SET " + column + " = "
        + column + " + :n WHERE " + key + " = :id)";
  }

  @Override
  public String insertIfAbsent(String table, String columns, String values, String key) {
    return "MERGE INTO " + table + " t USING (VALUES (" + values + ")) s (" + columns + ") ON t."
        + key + " = s." + key + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES ("
        + prefixed(columns) + ")";
  }

  private static String prefixed(String columns) {
    return String.join(", ", java.util.Arrays.stream(columns.split(","))
        .map(c -> "s." + c.trim()).toList());
  }
}
