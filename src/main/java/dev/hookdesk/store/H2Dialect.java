package dev.hookdesk.store;

import java.util.Map;

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
}
