package dev.hookdesk.desk.chats;

import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The chats an agent works from: waiting ones, their own, invitations, and a visitor's history. */
public final class ChatLists {
  private final Jdbi jdbi;
  private final ChatStore chats;
  private final Snapshots snapshots;

  public ChatLists(ChatParts parts) {
    this.jdbi = parts.jdbi;
    this.chats = parts.chats;
    this.snapshots = parts.snapshots;
  }

  /** Chats no agent is in (routing found nobody, or everyone left), oldest first. */
  public List<Chat> waiting(String workspaceId, int limit) {
    return read(h -> chats.waiting(h, workspaceId, limit));
  }

  /** Open chats the agent is in now. */
  public List<Chat> activeOf(String workspaceId, String agentId, int limit) {
    return read(h -> chats.activeOf(h, workspaceId, agentId, limit));
  }

  /** Open chats with an invitation for the agent that is still pending. */
  public List<Chat> invitingTo(String workspaceId, String agentId, int limit) {
    return read(h -> chats.invitingTo(h, workspaceId, agentId, limit));
  }

  /** The contact's chats, newest first. */
  public List<Chat> ofContact(String workspaceId, String contactId, int limit) {
    return read(h -> chats.ofContact(h, workspaceId, contactId, limit));
  }

  private List<Chat> read(Function<Handle, List<ChatRow>> query) {
    return jdbi.withHandle(h -> query.apply(h).stream().map(r -> snapshots.of(h, r)).toList());
  }
}
