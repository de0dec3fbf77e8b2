package dev.hookdesk.desk.chats;

import java.util.List;

/** The statuses of SPEC §3 and which of them end a chat. */
final class ChatStatus {
  static final String CREATED = "created";
  static final String HANDLED = "handled";
  static final String MISSED = "missed";
  static final String CALLBACK = "callback";
  static final String COMPLETED = "completed";

  static final List<String> ALL = List.of(CREATED, HANDLED, MISSED, CALLBACK, COMPLETED);

  private ChatStatus() {}

  static boolean ended(String status) {
    return MISSED.equals(status) || COMPLETED.equals(status);
  }
}
