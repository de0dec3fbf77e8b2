package dev.hookdesk.desk.chats.routing;

import java.util.Objects;

/** A chat that needs an agent: what a router may base its choice on. */
public record RoutingRequest(String workspaceId, String chatId, String source, String type) {
  public RoutingRequest {
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(chatId);
    Objects.requireNonNull(source);
    Objects.requireNonNull(type);
  }
}
