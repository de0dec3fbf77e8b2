package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** How a chat ends (closed by someone, or abandoned by the contact) and its rating. */
public final class ChatEnding {
  private final ChatTransactions tx;
  private final ChatStore chats;
  private final Participation participation;
  private final Assignment assignment;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Clock clock;

  public ChatEnding(ChatParts parts) {
    this.tx = parts.tx;
    this.chats = parts.chats;
    this.participation = parts.participation;
    this.assignment = parts.assignment;
    this.snapshots = parts.snapshots;
    this.events = parts.events;
    this.clock = parts.clock;
  }

  /** {@code POST /chats/{id}/close}. */
  public Chat close(String ws, String chatId, Actor caller, String note) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      if (chat.ended()) throw new Conflict("Chat " + chatId + " is already " + chat.status());
      return end(h, chat, caller, new Chat.CloseRecord("closed", caller, note, clock.instant()));
    });
  }

  /** The contact left: missed if no agent (or bot) ever answered, else closed. */
  public Chat abandon(String ws, String chatId, Actor caller) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      if (chat.ended()) throw new Conflict("Chat " + chatId + " is already " + chat.status());
      if (ChatStatus.CALLBACK.equals(chat.status())) {
        throw new Conflict("Chat " + chatId + " waits for a callback the contact asked for; "
            + "close it with POST /chats/" + chatId + "/close once it is done");
      }
      Actor contact = caller.as("contact", chat.contactId());
      return end(h, chat, contact, new Chat.CloseRecord("contact_left", contact, null, clock.instant()));
    });
  }

  /** {@code POST /chats/{id}/rating}, by the contact. */
  public Chat rate(String ws, String chatId, Actor caller, ChatInput.Rating in) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      if (!ChatStatus.COMPLETED.equals(chat.status())) {
        throw new Conflict("Chat " + chatId + " is " + chat.status() + "; only a completed chat can be rated");
      }
      if (chat.rating() != null) throw new Conflict("Chat " + chatId + " has already been rated");
      Instant now = clock.instant();
      var rating = new Chat.Rating(in.score(), in.comment(), now);
      chats.set(h, chatId, "rating", snapshots.write(rating), now);
      Chat after = snapshots.of(h, ws, chatId);
      events.emit(h, ws, caller.as("contact", chat.contactId()), "chat.rated", after, "rating", rating);
      return after;
    });
  }

  private Chat end(org.jdbi.v3.core.Handle h, ChatRow chat, Actor actor, Chat.CloseRecord record) {
    boolean missed = chat.firstAnswerAt() == null && record.reason().equals("contact_left");
    Instant now = record.closedAt();
    List<String> freed = participation.releaseAll(h, chat);
    chats.set(h, chat.id(), "close_record", snapshots.write(record), now);
    chats.changeStatus(h, chats.get(h, chat.workspaceId(), chat.id()),
        missed ? ChatStatus.MISSED : ChatStatus.COMPLETED, now);
    Chat after = snapshots.of(h, chat.workspaceId(), chat.id());
    if (missed) {
      events.emit(h, chat.workspaceId(), actor, "chat.missed", after);
    } else {
      events.emit(h, chat.workspaceId(), actor, "chat.closed", after, "close_record", record);
    }
    events.statusChanged(h, chat.workspaceId(), actor, after);
    assignment.fillSeats(h, chat.workspaceId(), freed);
    return after;
  }
}
