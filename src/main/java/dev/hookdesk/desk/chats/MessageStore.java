package dev.hookdesk.desk.chats;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The SQL of {@code chat_messages}. */
final class MessageStore {

  void insert(Handle h, ChatMessage m) {
    h.createUpdate("INSERT INTO chat_messages (id, chat_id, author_type, author_id, text, created_at) "
            + "VALUES (:id, :chat, :type, :author, :text, :at)")
        .bind("id", m.id()).bind("chat", m.chatId()).bind("type", m.authorType())
        .bind("author", m.authorId()).bind("text", m.text()).bind("at", m.createdAt()).execute();
  }

  /** The chat's messages, oldest first (ids sort by creation time). */
  List<ChatMessage> list(Handle h, String chatId) {
    return h.createQuery("SELECT id, chat_id, author_type, author_id, text, created_at "
            + "FROM chat_messages WHERE chat_id = :chat ORDER BY id")
        .bind("chat", chatId)
        .map((rs, x) -> new ChatMessage(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .list();
  }
}
