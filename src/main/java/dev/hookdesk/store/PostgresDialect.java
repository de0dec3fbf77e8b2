package dev.hookdesk.store;

import java.util.Map;

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
}
