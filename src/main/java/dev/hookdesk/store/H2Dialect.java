package dev.hookdesk.store;

import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

final class H2Dialect implements Dialect {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public Map<String, String> placeholders() {
    // H2 limits CHARACTER VARYING to 1 MiB; documents (events, snapshots) may be larger.
    return Map.of("text", "CHARACTER LARGE OBJECT");
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
