package dev.hookdesk.apps;

import java.util.List;
import java.util.Optional;

/** The scopes an app may ask for and be granted (SPEC §8), and which events each lets it hear. */
public final class Scopes {
  public static final List<String> ALL = List.of("tickets:read", "tickets:write", "chats:read",
      "chats:write", "contacts:read", "contacts:write", "agents:read", "webhooks:read",
      "webhooks:write");

  private Scopes() {}

  /** The scope whose grant lets an app's webhooks hear an event type; app.* need none. */
  static Optional<String> toHear(String eventType) {
    if (eventType.startsWith("ticket.")) return Optional.of("tickets:read");
    if (eventType.startsWith("chat.")) return Optional.of("chats:read");
    if (eventType.startsWith("contact.")) return Optional.of("contacts:read");
    return Optional.empty();
  }

  /** Whether a granted set lets an app's webhooks hear this event type at all. */
  static boolean hears(List<String> granted, String eventType) {
    if (eventType.startsWith("app.")) return true;
    return toHear(eventType).map(granted::contains).orElse(false);
  }
}
