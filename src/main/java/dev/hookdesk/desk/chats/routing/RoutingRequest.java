package dev.hookdesk.desk.chats.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A chat that needs an agent: what a router may base its choice on.
 *
 * @param trigger why: {@code created}, {@code handoff}, {@code agent_left} or {@code invitation_rejected}
 * @param chat the chat's snapshot as events show it (its {@code creator} is the contact); null
 *     while a new chat is routed inside its creating transaction
 */
public record RoutingRequest(String workspaceId, String chatId, String source, String type,
    String trigger, JsonNode chat) {
  public static final String CREATED = "created";

  public RoutingRequest {
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(chatId);
    Objects.requireNonNull(source);
    Objects.requireNonNull(type);
    Objects.requireNonNull(trigger);
  }

  public RoutingRequest(String workspaceId, String chatId, String source, String type) {
    this(workspaceId, chatId, source, type, CREATED, null);
  }

  /** Only a new chat may go to a bot; one that a bot handed off or lost its agent wants a human. */
  public boolean humansOnly() {
    return !trigger.equals(CREATED);
  }
}
