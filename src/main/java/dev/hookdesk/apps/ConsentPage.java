package dev.hookdesk.apps;

import dev.hookdesk.desk.web.DeskChrome;
import java.util.List;

/**
 * The model of apps/consent.jte: the app asking, each scope it asks for in words, and the
 * authorization request's parameters carried through the form.
 */
public record ConsentPage(DeskChrome chrome, String appName, String appHomepage,
    String workspaceId, List<Scope> scopes, List<Field> fields) {

  public record Scope(String key, String meaning) {}

  public record Field(String name, String value) {}

  static String meaning(String scope) {
    return switch (scope) {
      case "tickets:read" -> "Read tickets and hear ticket events";
      case "tickets:write" -> "Create and change tickets";
      case "chats:read" -> "Read chats and hear chat events";
      case "chats:write" -> "Start chats and send messages";
      case "contacts:read" -> "Read contacts and hear contact events";
      case "contacts:write" -> "Create and change contacts";
      case "agents:read" -> "See agents";
      case "webhooks:read" -> "See the webhooks it registered";
      case "webhooks:write" -> "Register and change its own webhooks";
      default -> scope;
    };
  }
}
