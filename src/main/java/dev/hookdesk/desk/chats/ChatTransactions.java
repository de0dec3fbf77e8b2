package dev.hookdesk.desk.chats;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Runs an action on one chat in one transaction, with the chat's row locked first. */
final class ChatTransactions {
  interface Action<R> {
    R run(Handle h, ChatRow chat);
  }

  private final Jdbi jdbi;
  private final ChatStore chats;

  ChatTransactions(Jdbi jdbi, ChatStore chats) {
    this.jdbi = jdbi;
    this.chats = chats;
  }

  <R> R onChat(String workspaceId, String chatId, Action<R> action) {
    return jdbi.inTransaction(h -> action.run(h, chats.lock(h, workspaceId, chatId)));
  }

  Jdbi jdbi() {
    return jdbi;
  }
}
