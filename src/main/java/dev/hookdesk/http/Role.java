package dev.hookdesk.http;

/** The role of an API token (SPEC §2). */
public enum Role {
  ADMIN, AGENT, APP;

  public String key() {
    return name().toLowerCase();
  }

  public static Role of(String key) {
    return valueOf(key.toUpperCase());
  }
}
