package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;

/**
 * Appends {@code chat.*} events: {@code data.chat} is the snapshot after the change, beside
 * the object the event is about; the chat's source travels on the draft for webhook filters.
 */
final class ChatEvents {
  private final EventLog log;
  private final ObjectMapper mapper;
  private final List<BiConsumer<Handle, Event>> appended = new CopyOnWriteArrayList<>();

  ChatEvents(EventLog log, ObjectMapper mapper) {
    this.log = log;
    this.mapper = mapper;
  }

  /** {@code extras} are name/value pairs added beside {@code chat} in the data. */
  void emit(Handle h, String workspaceId, Actor actor, String type, Chat chat,
      Object... extras) {
    ObjectNode data = mapper.createObjectNode();
    data.set("chat", mapper.valueToTree(chat));
    for (int i = 0; i < extras.length; i += 2) {
      data.set((String) extras[i], mapper.valueToTree(extras[i + 1]));
    }
    log.appendAtCommit(h, new EventDraft(workspaceId, type, actor, data, chat.source()),
        event -> appended.forEach(l -> l.accept(h, event)));
  }

  /**
   * Told of each chat event in the transaction that appends it, once it has its sequence (just
   * before the commit), so what follows from the event (a bot's call) commits with it or not at all.
   */
  void onAppended(BiConsumer<Handle, Event> listener) {
    appended.add(listener);
  }

  /** {@code chat.status_changed}, for a snapshot whose status just changed. */
  void statusChanged(Handle h, String workspaceId, Actor actor, Chat chat) {
    var past = chat.pastStatuses();
    String previous = past.isEmpty() ? null : past.get(past.size() - 1);
    emit(h, workspaceId, actor, "chat.status_changed", chat, "previous_status", previous,
        "status", chat.status(), "past_statuses", past);
  }
}
