package dev.hookdesk.store;

import java.util.Locale;

/**
 * Patterns for {@code LOWER(column) LIKE :q ESCAPE '!'} searches: the user's text is matched
 * literally, so a {@code %} or {@code _} in it is not a wildcard. ({@code !}, not a backslash:
 * JDBI's statement parser reads {@code '\'} as an escaped quote.)
 */
public final class Like {
  public static final String ESCAPE = " ESCAPE '!'";

  private Like() {}

  public static String containing(String text) {
    String escaped = text.toLowerCase(Locale.ROOT)
        .replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }
}
