package dev.hookdesk.desk.chats;

import dev.hookdesk.http.Page;
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
    return select(h, chatId, "", Integer.MAX_VALUE);
  }

  /** Up to {@code page.limit()} messages after the cursor (a message id), oldest first. */
  Page.Result<ChatMessage> page(Handle h, String chatId, Page page) {
    return Page.Result.of(select(h, chatId, page.cursor().orElse(""), page.limit() + 1),
        page.limit(), ChatMessage::id);
  }

  private static List<ChatMessage> select(Handle h, String chatId, String after, int limit) {
    return h.createQuery("SELECT id, chat_id, author_type, author_id, text, created_at "
            + "FROM chat_messages WHERE chat_id = :chat AND id > :after ORDER BY id LIMIT :limit")
        .bind("chat", chatId).bind("after", after).bind("limit", limit)
        .map((rs, x) -> new ChatMessage(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
        .list();
  }
}
