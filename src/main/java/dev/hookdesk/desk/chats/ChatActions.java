package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Actions, callbacks, copilot and transcripts: the chat's side requests. */
public final class ChatActions {
  private final ChatTransactions tx;
  private final ChatStore chats;
  private final MessageStore messages;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Clock clock;

  public ChatActions(ChatParts parts) {
    this.tx = parts.tx;
    this.chats = parts.chats;
    this.messages = parts.messages;
    this.snapshots = parts.snapshots;
    this.events = parts.events;
    this.clock = parts.clock;
  }

  public record Action(String name, String by, JsonNode data, Instant occurredAt) {}

  public record Transcript(String email, List<ChatMessage> messages, Instant sentAt) {}

  /** {@code POST /chats/{id}/actions}. */
  public Action action(String ws, String chatId, Actor caller, String name, String by, JsonNode data) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      Instant now = clock.instant();
      Action a = new Action(name, by, data, now);
      Actor actor = switch (by) {
        case "contact" -> caller.as("contact", chat.contactId());
        case "system" -> caller.as("system", null);
        default -> caller;
      };
      chats.touch(h, chat.id(), now);
      events.emit(h, ws, actor, "chat.action", snapshots.of(h, ws, chatId), "action", a);
      return a;
    });
  }

  /** {@code POST /chats/{id}/callback}. */
  public Chat callback(String ws, String chatId, Actor caller, ChatInput.Callback in) {
    String type = in.type();
    String phone = in.phone();
    return tx.onChat(ws, chatId, (h, chat) -> {
      if (chat.ended()) throw new Conflict("Chat " + chatId + " is " + chat.status() + "; a callback can only be requested while it is open");
      if (ChatStatus.CALLBACK.equals(chat.status())) throw new Conflict("Chat " + chatId + " already has a callback request");
      Instant now = clock.instant();
      String number = phone != null ? phone : snapshots.of(h, chat).creator().phone();
      if (type.equals("phone") && number == null) {
        throw new Invalid("phone",
            "is required for a phone callback: the contact has no phone number on file");
      }
      var callback = new Chat.Callback(type, type.equals("phone") ? number : phone, in.note(), in.preferredTime(), now);
      chats.set(h, chatId, "callback", snapshots.write(callback), now);
      chats.changeStatus(h, chats.get(h, ws, chatId), ChatStatus.CALLBACK, now);
      Chat after = snapshots.of(h, ws, chatId);
      Actor contact = caller.as("contact", chat.contactId());
      events.emit(h, ws, contact, "chat.callback_requested", after, "callback", callback);
      events.statusChanged(h, ws, contact, after);
      return after;
    });
  }

  /** {@code PUT /chats/{id}/copilot}. */
  public Chat copilot(String ws, String chatId, Actor caller, boolean enabled) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      if (chat.ended()) throw new Conflict("Chat " + chatId + " is " + chat.status() + "; copilot cannot change on an ended chat");
      // Setting the current value again is an idempotent PUT: no change, no event.
      if (chat.copilotEnabled() == enabled) return snapshots.of(h, chat);
      chats.set(h, chatId, "copilot_enabled", enabled, clock.instant());
      Chat after = snapshots.of(h, ws, chatId);
      events.emit(h, ws, caller, enabled ? "chat.copilot_enabled" : "chat.copilot_disabled", after);
      return after;
    });
  }

  /** Records the request as {@code chat.transcript_sent}; sending the mail is not built yet. */
  public Transcript transcript(String ws, String chatId, Actor caller, String email) {
    return tx.onChat(ws, chatId, (h, chat) -> {
      Transcript t = new Transcript(email, messages.list(h, chatId), clock.instant());
      events.emit(h, ws, caller, "chat.transcript_sent", snapshots.of(h, chat), "transcript", t);
      return t;
    });
  }
}
