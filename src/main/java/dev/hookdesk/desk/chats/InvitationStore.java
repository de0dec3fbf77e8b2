package dev.hookdesk.desk.chats;

import dev.hookdesk.core.DomainException.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The SQL of {@code chat_invitations}. */
final class InvitationStore {
  static final String PENDING = "pending";
  static final String ACCEPTED = "accepted";
  static final String REJECTED = "rejected";

  private static final String COLUMNS = "id, chat_id, agent_id, status, created_at, resolved_at";

  void insert(Handle h, Chat.Invitation i) {
    h.createUpdate("INSERT INTO chat_invitations (id, chat_id, agent_id, status, created_at) "
            + "VALUES (:id, :chat, :agent, :status, :at)")
        .bind("id", i.id()).bind("chat", i.chatId()).bind("agent", i.agentId())
        .bind("status", i.status()).bind("at", i.createdAt()).execute();
  }

  /** The invitation of this chat; one of another chat is as unknown as a missing one. */
  Chat.Invitation get(Handle h, String chatId, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM chat_invitations WHERE id = :id AND chat_id = :chat")
        .bind("id", id).bind("chat", chatId).map((rs, x) -> map(rs)).findOne()
        .orElseThrow(() -> new NotFound("Invitation", id));
  }

  void resolve(Handle h, String id, String status, Instant now) {
    h.createUpdate("UPDATE chat_invitations SET status = :status, resolved_at = :now WHERE id = :id")
        .bind("status", status).bind("now", now).bind("id", id).execute();
  }

  List<Chat.Invitation> pending(Handle h, String chatId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM chat_invitations WHERE chat_id = :chat "
            + "AND status = :status ORDER BY id")
        .bind("chat", chatId).bind("status", PENDING).map((rs, x) -> map(rs)).list();
  }

  private static Chat.Invitation map(ResultSet rs) throws SQLException {
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new Chat.Invitation(rs.getString("id"), rs.getString("chat_id"), rs.getString("agent_id"),
        rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
        resolved == null ? null : resolved.toInstant());
  }
}
