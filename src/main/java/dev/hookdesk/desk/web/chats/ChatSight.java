package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which chats an agent may open and follow: admins every chat of their workspace; an agent the
 * chats waiting for someone (so any agent may look and join), the chats they are or were in,
 * and those they have a pending invitation to. Read from a chat snapshot as JSON, the shape
 * pages and the events' {@code data.chat} share, so the live stream decides without a query.
 */
final class ChatSight {
  private ChatSight() {}

  static boolean sees(JsonNode chat, Viewer v) {
    if (v.admin() || waiting(chat)) return true;
    return has(chat.path("all_participants"), "id", v.agentId())
        || has(chat.path("invitations"), "agent_id", v.agentId());
  }

  /** No agent in it, not ended, and no callback pending: a chat in the queue. */
  static boolean waiting(JsonNode chat) {
    String status = chat.path("status").asText();
    return (status.equals("created") || status.equals("handled"))
        && chat.path("participants").isEmpty();
  }

  static boolean has(JsonNode list, String field, String id) {
    for (JsonNode n : list) {
      if (id.equals(n.path(field).asText())) return true;
    }
    return false;
  }
}
