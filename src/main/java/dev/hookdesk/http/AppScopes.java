package dev.hookdesk.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scope an app's installation token needs for a route (SPEC §8): reading a resource needs
 * {@code <resource>:read}, changing it {@code <resource>:write}. Routes no scope covers are
 * closed to installation tokens, except the app's own routes and the event catalog.
 */
final class AppScopes {
  private static final Map<String, String> RESOURCES = Map.of("tickets", "tickets",
      "chats", "chats", "contacts", "contacts", "agents", "agents", "webhooks", "webhooks",
      "deliveries", "webhooks");
  private static final Set<String> OPEN = Set.of("apps", "event-types");
  /** An app's bot agents take part in chats: creating and changing them is chat writing. */
  private static final Map<String, String> BOTS = Map.of("POST /agents", "chats:write",
      "PATCH /agents/{id}", "chats:write");

  private AppScopes() {}

  /** Why a token with these scopes may not call the route, if it may not. */
  static Optional<String> refusal(Set<String> granted, String method, String path) {
    String first = path.split("/")[1];
    if (OPEN.contains(first)) return Optional.empty();
    String resource = RESOURCES.get(first);
    if (resource == null) {
      return Optional.of("An app's installation token cannot call " + method + " " + Router.API + path);
    }
    String needed = BOTS.getOrDefault(method + " " + path,
        resource + ("GET".equals(method) ? ":read" : ":write"));
    if (granted.contains(needed)) return Optional.empty();
    return Optional.of("This needs the scope " + needed + ", which the app was not granted");
  }
}
