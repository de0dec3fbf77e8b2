package dev.hookdesk.desk.chats;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of {@code chats} and {@code chat_participants}. */
final class ChatStore {

  void insert(Handle h, ChatRow c) {
    h.createUpdate("INSERT INTO chats (id, workspace_id, type, status, past_statuses, source_key, "
            + "contact_id, reference, created_at, updated_at) VALUES (:id, :ws, :type, :status, '', "
            + ":source, :contact, :reference, :now, :now)")
        .bind("id", c.id()).bind("ws", c.workspaceId()).bind("type", c.type())
        .bind("status", c.status()).bind("source", c.source()).bind("contact", c.contactId())
        .bind("reference", c.reference()).bind("now", c.createdAt()).execute();
  }

  Optional<ChatRow> find(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> ChatRow.map(rs)).findOne();
  }

  ChatRow get(Handle h, String workspaceId, String id) {
    return find(h, workspaceId, id).orElseThrow(() -> new NotFound("Chat", id));
  }

  /** Reads the chat with a row lock, so concurrent actions on one chat run one after another. */
  ChatRow lock(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE id = :id "
            + "AND workspace_id = :ws FOR UPDATE")
        .bind("id", id).bind("ws", workspaceId).map((rs, x) -> ChatRow.map(rs)).findOne()
        .orElseThrow(() -> new NotFound("Chat", id));
  }

  /**
   * The oldest chat of the workspace still waiting for an agent, locked. Chats another
   * transaction holds are skipped rather than waited for, so this never deadlocks with an
   * action on that chat.
   */
  Optional<ChatRow> lockOldestWaiting(Handle h, String workspaceId) {
    // Waiting: never taken yet (created), or taken and then left by everyone (handled).
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND status IN (:created, :handled) AND NOT EXISTS (SELECT 1 FROM chat_participants p "
            + "WHERE p.chat_id = chats.id AND p.active = TRUE) "
            + "ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
        .bind("ws", workspaceId).bind("created", ChatStatus.CREATED).bind("handled", ChatStatus.HANDLED)
        .map((rs, x) -> ChatRow.map(rs)).findOne();
  }

  List<ChatRow> list(Handle h, String workspaceId, Optional<String> status, Page page) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND id > :after" + (status.isPresent() ? " AND status = :status" : "")
            + " ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("status", status.orElse(null)).bind("limit", page.limit() + 1)
        .map((rs, x) -> ChatRow.map(rs)).list();
  }

  /** Chats waiting for an agent (none in them, not ended, no callback pending), oldest first. */
  List<ChatRow> waiting(Handle h, String workspaceId, int limit) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND status IN (:created, :handled) AND NOT EXISTS (SELECT 1 FROM chat_participants p "
            + "WHERE p.chat_id = chats.id AND p.active = TRUE) ORDER BY created_at, id LIMIT :limit")
        .bind("ws", workspaceId).bind("created", ChatStatus.CREATED).bind("handled", ChatStatus.HANDLED)
        .bind("limit", limit).map((rs, x) -> ChatRow.map(rs)).list();
  }

  /** The open chats the agent is in now, most recently changed first. */
  List<ChatRow> activeOf(Handle h, String workspaceId, String agentId, int limit) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND closed_at IS NULL AND EXISTS (SELECT 1 FROM chat_participants p "
            + "WHERE p.chat_id = chats.id AND p.agent_id = :agent AND p.active = TRUE) "
            + "ORDER BY updated_at DESC, id LIMIT :limit")
        .bind("ws", workspaceId).bind("agent", agentId).bind("limit", limit)
        .map((rs, x) -> ChatRow.map(rs)).list();
  }

  /** The chats the agent has a pending invitation to, oldest invitation first. */
  List<ChatRow> invitingTo(Handle h, String workspaceId, String agentId, int limit) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND closed_at IS NULL AND EXISTS (SELECT 1 FROM chat_invitations i "
            + "WHERE i.chat_id = chats.id AND i.agent_id = :agent AND i.status = :pending) "
            + "ORDER BY created_at, id LIMIT :limit")
        .bind("ws", workspaceId).bind("agent", agentId).bind("pending", InvitationStore.PENDING).bind("limit", limit)
        .map((rs, x) -> ChatRow.map(rs)).list();
  }

  /** The contact's chats, newest first. */
  List<ChatRow> ofContact(Handle h, String workspaceId, String contactId, int limit) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND contact_id = :contact ORDER BY created_at DESC, id DESC LIMIT :limit")
        .bind("ws", workspaceId).bind("contact", contactId).bind("limit", limit)
        .map((rs, x) -> ChatRow.map(rs)).list();
  }

  Optional<ChatRow> latestOf(Handle h, String workspaceId, String contactId) {
    return h.createQuery("SELECT " + ChatRow.COLUMNS + " FROM chats WHERE workspace_id = :ws "
            + "AND contact_id = :contact ORDER BY created_at DESC, id DESC LIMIT 1")
        .bind("ws", workspaceId).bind("contact", contactId)
        .map((rs, x) -> ChatRow.map(rs)).findOne();
  }

  /** Moves the chat to a new status, remembering the old one. */
  void changeStatus(Handle h, ChatRow c, String status, Instant now) {
    List<String> past = new ArrayList<>(c.pastStatuses());
    past.add(c.status());
    Instant handledAt = c.handledAt() == null && ChatStatus.HANDLED.equals(status) ? now : c.handledAt();
    Instant closedAt = ChatStatus.ended(status) ? now : c.closedAt();
    h.createUpdate("UPDATE chats SET status = :status, past_statuses = :past, updated_at = :now, "
            + "handled_at = :handled, closed_at = :closed WHERE id = :id")
        .bind("status", status).bind("past", String.join(",", past)).bind("now", now)
        .bindByType("handled", handledAt, Instant.class).bindByType("closed", closedAt, Instant.class)
        .bind("id", c.id()).execute();
  }

  /** Sets one column ({@code column} is always a constant of the caller, never input). */
  void set(Handle h, String chatId, String column, Object value, Instant now) {
    h.createUpdate("UPDATE chats SET " + column + " = :v, updated_at = :now WHERE id = :id")
        .bind("v", value).bind("now", now).bind("id", chatId).execute();
  }

  void touch(Handle h, String chatId, Instant now) {
    h.createUpdate("UPDATE chats SET updated_at = :now WHERE id = :id")
        .bind("now", now).bind("id", chatId).execute();
  }

  /** Adds the agent to the current participants (again, if they had left). */
  void join(Handle h, String chatId, String agentId, Instant now) {
    int updated = h.createUpdate("UPDATE chat_participants SET active = TRUE "
            + "WHERE chat_id = :chat AND agent_id = :agent")
        .bind("chat", chatId).bind("agent", agentId).execute();
    if (updated == 0) {
      h.createUpdate("INSERT INTO chat_participants (chat_id, agent_id, active, joined_at) "
              + "VALUES (:chat, :agent, TRUE, :now)")
          .bind("chat", chatId).bind("agent", agentId).bind("now", now).execute();
    }
  }

  void leave(Handle h, String chatId, String agentId) {
    h.createUpdate("UPDATE chat_participants SET active = FALSE WHERE chat_id = :chat AND agent_id = :agent")
        .bind("chat", chatId).bind("agent", agentId).execute();
  }

  /** The current participants' agent ids, in a fixed order so agent rows lock in one order. */
  List<String> activeAgentIds(Handle h, String chatId) {
    return h.createQuery("SELECT agent_id FROM chat_participants WHERE chat_id = :chat "
            + "AND active = TRUE ORDER BY agent_id")
        .bind("chat", chatId).mapTo(String.class).list();
  }

  /** An agent who has been in a chat, and whether they are in it now. */
  record Seat(Chat.Participant participant, boolean active) {}

  /** Everyone who has been in the chat, in the order they first joined. */
  List<Seat> participants(Handle h, String chatId) {
    return h.createQuery("SELECT a.id, a.name, a.kind, p.joined_at, p.active FROM chat_participants p "
            + "JOIN agents a ON a.id = p.agent_id WHERE p.chat_id = :chat ORDER BY p.joined_at, a.id")
        .bind("chat", chatId)
        .map((rs, x) -> new Seat(new Chat.Participant(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()), rs.getBoolean(5)))
        .list();
  }
}
