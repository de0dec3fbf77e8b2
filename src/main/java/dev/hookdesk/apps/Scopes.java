package dev.hookdesk.apps;

import java.util.List;
import java.util.Optional;

/** The scopes an app may ask for and be granted (SPEC §8), and which events each lets it hear. */
public final class Scopes {
  public static final List<String> ALL = List.of("tickets:read", "tickets:write", "chats:read",
      "chats:write", "contacts:read", "contacts:write", "agents:read", "webhooks:read",
      "webhooks:write");

  private Scopes() {}

  /**
   * The event resource ({@code ticket}, {@code chat}, {@code contact}) whose events a scope lets
   * an app's webhooks hear; {@code app.*} events about the app itself need none.
   */
  static Optional<String> resourceHeard(String scope) {
    return switch (scope) {
      case "tickets:read" -> Optional.of("ticket");
      case "chats:read" -> Optional.of("chat");
      case "contacts:read" -> Optional.of("contact");
      default -> Optional.empty();
    };
  }
}
