package dev.hookdesk.desk.chats.routing;

/**
 * What an outside service said before the chat's transaction: an agent to try, or why there
 * is none ({@code fallbackReason}); {@code decidedBy} names the service (a webhook id).
 */
public record Advice(String agentId, String decidedBy, String fallbackReason) {
  public static final Advice NONE = new Advice(null, null, null);
}
