package dev.hookdesk.desk.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Appends {@code ticket.*} events: {@code {ticket, changes?, message?}}. */
final class TicketEvents {
  private final EventLog events;
  private final ObjectMapper mapper;

  TicketEvents(EventLog events, ObjectMapper mapper) {
    this.events = events;
    this.mapper = mapper;
  }

  void emit(Handle h, String workspaceId, Actor actor, String type, Ticket ticket,
      Map<String, Changes.Change> changes, TicketMessage message) {
    ObjectNode data = mapper.createObjectNode();
    data.set("ticket", mapper.valueToTree(ticket));
    if (!changes.isEmpty()) data.set("changes", mapper.valueToTree(changes));
    if (message != null) data.set("message", mapper.valueToTree(message));
    events.appendAtCommit(h, new EventDraft(workspaceId, type, actor, data));
  }
}
