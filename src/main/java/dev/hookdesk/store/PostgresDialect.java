package dev.hookdesk.store;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

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
  public boolean supportsNotify() {
    return true;
  }

  @Override
  public void notify(Handle h, String channel) {
    h.createQuery("SELECT pg_notify(:channel, '')").bind("channel", channel).mapTo(String.class).one();
  }

  @Override
  public AutoCloseable listen(DataSource dataSource, String channel, Runnable onNotify) {
    return PostgresListener.start(dataSource, channel, onNotify);
  }

  @Override
  public Durability durability(String url, Optional<String> user, Optional<String> password) {
    return Durability.AT_COMMIT;
  }

  @Override
  public String insertIfAbsent(String table, String columns, String values, String key) {
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
        + key + ") DO NOTHING";
  }
}
