package dev.hookdesk.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public Map<String, String> placeholders() {
    return Map.of("text", "TEXT");
  }

  @Override
  public boolean indexesLike() {
    return true;
  }

  @Override
  public boolean supportsNotify() {
    return true;
  }

  @Override
  public void notify(Handle h, String channel) {
    h.createQuery("SELECT pg_notify(:channel, '')").bind("channel", channel).mapTo(String.class).one();
  }

  @Override
  public void notify(Handle h, String channel, String payload) {
    h.createQuery("SELECT pg_notify(:channel, :payload)").bind("channel", channel)
        .bind("payload", payload).mapTo(String.class).one();
  }

  @Override
  public Durability durability(String url, Optional<String> user, Optional<String> password) {
    return Durability.AT_COMMIT;
  }

  @Override
  public List<String> lockFirst(Handle h, String table, String key, String where, String order,
      int limit, Consumer<Query> binds) {
    Query q = h.createQuery("SELECT " + key + " FROM " + table + " WHERE " + where + " ORDER BY "
        + order + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED");
    binds.accept(q);
    return q.mapTo(String.class).list();
  }

  @Override
  public String incrementReturning(String table, String column, String key) {
    return "UPDATE " + table + " SET " + column + " = " + column + " + :n WHERE " + key
        + " = :id RETURNING " + column;
  }

  @Override
  public String insertIfAbsent(String table, String columns, String values, String key) {
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
        + key + ") DO NOTHING";
  }
}
