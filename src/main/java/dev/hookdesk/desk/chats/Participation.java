package dev.hookdesk.desk.chats;

import dev.hookdesk.desk.agents.AgentService;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Agents entering and leaving a chat, with their load kept in step: every current
 * participation counts as one of the agent's active chats.
 */
final class Participation {
  private final ChatStore chats;
  private final AgentService agents;

  Participation(ChatStore chats, AgentService agents) {
    this.chats = chats;
    this.agents = agents;
  }

  /**
   * Adds the agent (whose row the caller has locked) and makes a waiting chat handled.
   * Returns whether the status changed.
   */
  boolean join(Handle h, ChatRow chat, String agentId, Instant now) {
    chats.join(h, chat.id(), agentId, now);
    agents.adjustLoad(h, agentId, 1);
    if (ChatStatus.CREATED.equals(chat.status())) {
      chats.changeStatus(h, chat, ChatStatus.HANDLED, now);
      return true;
    }
    chats.touch(h, chat.id(), now);
    return false;
  }

  void leave(Handle h, ChatRow chat, String agentId, Instant now) {
    agents.lock(h, chat.workspaceId(), agentId);
    chats.leave(h, chat.id(), agentId);
    agents.adjustLoad(h, agentId, -1);
    chats.touch(h, chat.id(), now);
  }

  /** Everyone leaves (the chat ended); returns who did, so their freed seats can be refilled. */
  List<String> releaseAll(Handle h, ChatRow chat) {
    List<String> ids = chats.activeAgentIds(h, chat.id());
    for (String id : ids) {
      agents.lock(h, chat.workspaceId(), id);
      chats.leave(h, chat.id(), id);
      agents.adjustLoad(h, id, -1);
    }
    return ids;
  }

  boolean isParticipant(Handle h, String chatId, String agentId) {
    return chats.activeAgentIds(h, chatId).contains(agentId);
  }
}
