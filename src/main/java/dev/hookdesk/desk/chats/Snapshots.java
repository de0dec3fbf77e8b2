package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import dev.hookdesk.desk.contacts.ContactService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Builds the {@link Chat} snapshot from its rows; stores the JSON-valued parts of a chat. */
final class Snapshots {
  private final ChatStore chats;
  private final InvitationStore invitations;
  private final ContactService contacts;
  private final ObjectMapper mapper;

  Snapshots(ChatStore chats, InvitationStore invitations, ContactService contacts, ObjectMapper mapper) {
    this.chats = chats;
    this.invitations = invitations;
    this.contacts = contacts;
    this.mapper = mapper;
  }

  Chat of(Handle h, String workspaceId, String chatId) {
    return of(h, chats.get(h, workspaceId, chatId));
  }

  Chat of(Handle h, ChatRow r) {
    List<ChatStore.Seat> seats = chats.participants(h, r.id());
    var report = new Chat.Report(millis(r.createdAt(), r.firstAnswerAt()),
        millis(r.handledAt(), r.closedAt()), millis(r.createdAt(), r.closedAt()));
    return new Chat(r.id(), r.type(), r.status(), r.pastStatuses(), r.source(),
        contacts.get(h, r.workspaceId(), r.contactId()),
        seats.stream().filter(ChatStore.Seat::active).map(ChatStore.Seat::participant).toList(),
        seats.stream().map(ChatStore.Seat::participant).toList(), invitations.pending(h, r.id()),
        read(r.callback(), Chat.Callback.class), read(r.closeRecord(), Chat.CloseRecord.class),
        report, read(r.rating(), Chat.Rating.class), r.copilotEnabled(), r.reference(),
        r.lastMessageId(), r.createdAt(), r.updatedAt(), r.closedAt());
  }

  /** A JSON column's text for a value such as the callback or the close record. */
  String write(Object value) {
    return Json.write(mapper, value);
  }

  private <T> T read(String json, Class<T> type) {
    if (json == null) return null;
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " of a chat", e);
    }
  }

  private static Long millis(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toMillis();
  }
}
