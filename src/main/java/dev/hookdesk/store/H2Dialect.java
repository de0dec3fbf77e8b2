package dev.hookdesk.store;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

final class H2Dialect implements Dialect {
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
  public boolean supportsNotify() {
    return false;
  }

  @Override
  public void notify(Handle h, String channel) {
    // one node per embedded database: the in-process signal is enough
  }

  @Override
  public AutoCloseable listen(DataSource dataSource, String channel, Runnable onNotify) {
    return () -> { };
  }

  @Override
  public Durability durability(String url, Optional<String> user, Optional<String> password) {
    return new GroupCommit(url, user, password);
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
