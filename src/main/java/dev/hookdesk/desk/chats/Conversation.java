package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Messages in a chat: who may write, and the events they cause. */
final class Conversation {
  private final ChatStore chats;
  private final MessageStore messages;
  private final AgentService agents;
  private final Participation participation;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Ids ids;
  private final Clock clock;

  Conversation(ChatStore chats, MessageStore messages, AgentService agents,
      Participation participation, Snapshots snapshots, ChatEvents events, Ids ids, Clock clock) {
    this.chats = chats;
    this.messages = messages;
    this.agents = agents;
    this.participation = participation;
    this.snapshots = snapshots;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  /** A message as the request gave it; {@code authorId} is validated here against the chat. */
  record Draft(String authorType, String authorId, String text) {}

  ChatService.Posted post(Handle h, ChatRow chat, Actor caller, Draft d) {
    if (chat.ended()) {
      throw new Conflict("Chat " + chat.id() + " is " + chat.status() + "; it takes no more messages");
    }
    String authorId = author(h, chat, d);
    Instant now = clock.instant();
    ChatMessage m = new ChatMessage(ids.next("msg"), chat.id(), d.authorType(), authorId, d.text(), now);
    messages.insert(h, m);
    chats.set(h, chat.id(), "last_message_id", m.id(), now);
    boolean answer = d.authorType().equals("agent") || d.authorType().equals("bot");
    if (answer && chat.firstAnswerAt() == null) chats.set(h, chat.id(), "first_answer_at", now, now);
    Actor actor = switch (d.authorType()) {
      case "contact" -> caller.as("contact", authorId);
      case "system" -> caller.as("system", null);
      default -> caller.as("agent", authorId);
    };
    String type = d.authorType().equals("contact") ? "chat.message_received" : "chat.message_sent";
    Chat after = snapshots.of(h, chat.workspaceId(), chat.id());
    events.emit(h, chat.workspaceId(), actor, type, after, "message", m);
    return new ChatService.Posted(m, after);
  }

  private String author(Handle h, ChatRow chat, Draft d) {
    switch (d.authorType()) {
      case "contact" -> {
        if (d.authorId() != null && !d.authorId().equals(chat.contactId())) {
          throw new Invalid("author_id", "'" + d.authorId() + "' is not the contact of chat "
              + chat.id() + " (" + chat.contactId() + "); leave author_id out for the contact");
        }
        return chat.contactId();
      }
      case "system" -> {
        return null;
      }
      default -> {
        Agent a = agents.find(h, chat.workspaceId(), d.authorId()).orElseThrow(() ->
            new Invalid("author_id", "'" + d.authorId() + "' is not an agent of this workspace"));
        String kind = d.authorType().equals("bot") ? "bot" : "human";
        if (!a.kind().equals(kind)) {
          throw new Invalid("author_id", a.id() + " is a " + a.kind() + " agent; use author_type "
              + (a.isBot() ? "bot" : "agent"));
        }
        if (!participation.isParticipant(h, chat.id(), a.id())) {
          throw new Conflict("Agent " + a.id() + " is not in chat " + chat.id()
              + "; add them with POST /chats/" + chat.id() + "/participants first");
        }
        return a.id();
      }
    }
  }
}
