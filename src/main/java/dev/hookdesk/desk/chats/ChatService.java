package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.http.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Live chats: creating and routing them, reading them and their conversation. Participants,
 * side actions and ending are {@link ChatParticipants}, {@link ChatActions} and {@link ChatEnding}.
 */
public final class ChatService {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ContactService contacts;
  private final SourceService sources;
  private final ChatStore chats;
  private final MessageStore messages;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Assignment assignment;
  private final Conversation conversation;
  private final Rerouting rerouting;
  private final ChatTransactions tx;

  public ChatService(ChatParts parts, SourceService sources) {
    this.jdbi = parts.jdbi;
    this.ids = parts.ids;
    this.clock = parts.clock;
    this.contacts = parts.contacts;
    this.sources = Objects.requireNonNull(sources);
    this.chats = parts.chats;
    this.messages = parts.messages;
    this.snapshots = parts.snapshots;
    this.events = parts.events;
    this.assignment = parts.assignment;
    this.conversation = parts.conversation;
    this.rerouting = parts.rerouting;
    this.tx = parts.tx;
  }

  /** {@code contactId} or {@code contact} names the creator; {@code message} is their first line. */
  public record NewChat(String source, String type, Optional<String> contactId,
      Optional<ContactService.NewContact> contact, Optional<String> message, String reference) {}

  /**
   * Creates the chat and routes it. When a decision webhook covers the source, the chat is
   * committed first and routed after, so no transaction waits on the outside service.
   */
  public Chat create(String workspaceId, Actor actor, NewChat n) {
    boolean callsOut = rerouting.callsOut(workspaceId, n.source());
    String id = ids.next("cht");
    jdbi.useTransaction(h -> {
      sources.require(h, workspaceId, "source", n.source());
      // Agents are locked before any event is appended: the same order as agent updates.
      Optional<Choice> choice = callsOut ? Optional.empty()
          : assignment.choose(h, new RoutingRequest(workspaceId, id, n.source(), n.type()), Advice.NONE);
      Contact contact = creator(h, workspaceId, actor, n);
      Instant now = clock.instant();
      chats.insert(h, new ChatRow(id, workspaceId, n.type(), ChatStatus.CREATED, List.of(), n.source(),
          contact.id(), n.reference(), false, null, null, null, null, null, null, now, now, null));
      Chat created = snapshots.of(h, workspaceId, id);
      events.emit(h, workspaceId, actor, "chat.created", created);
      events.statusChanged(h, workspaceId, actor, created);
      if (n.message().isPresent()) {
        conversation.post(h, chats.get(h, workspaceId, id), actor,
            new Conversation.Draft("contact", null, n.message().get()));
      }
      if (!callsOut) assignment.apply(h, workspaceId, id, choice, Advice.NONE);
    });
    if (callsOut) rerouting.route(workspaceId, id, RoutingRequest.CREATED);
    return get(workspaceId, id);
  }

  /**
   * Tells {@code listener} of each chat event inside the transaction that appends it (the
   * bots feature queues its calls there); it must only add to that transaction.
   */
  public void onAppended(java.util.function.BiConsumer<Handle, dev.hookdesk.events.Event> listener) {
    events.onAppended(listener);
  }

  private Contact creator(Handle h, String workspaceId, Actor actor, NewChat n) {
    Contact c;
    try {
      c = contacts.resolve(h, workspaceId, actor, n.contactId(), n.contact());
    } catch (NotFound e) {
      throw new Invalid("contact_id", "'" + n.contactId().orElse("") + "' is not a contact of this workspace");
    }
    if (c.blocked()) {
      throw new Conflict("Contact " + c.id() + " is blocked and cannot start chats");
    }
    return c;
  }

  public Chat get(String workspaceId, String id) {
    return jdbi.withHandle(h -> snapshots.of(h, workspaceId, id));
  }

  public Page.Result<Chat> list(String workspaceId, Optional<String> status, Page page) {
    return jdbi.withHandle(h -> {
      List<ChatRow> rows = chats.list(h, workspaceId, status, page);
      var result = Page.Result.of(rows, page.limit(), ChatRow::id);
      return new Page.Result<>(result.data().stream().map(r -> snapshots.of(h, r)).toList(),
          result.nextCursor());
    });
  }

  /** A message just posted, and the chat as it was right after (the snapshot its event carries). */
  public record Posted(ChatMessage message, Chat chat) {}

  public Posted post(String workspaceId, String chatId, Actor actor, String authorType,
      String authorId, String text) {
    return tx.onChat(workspaceId, chatId, (h, chat) ->
        conversation.post(h, chat, actor, new Conversation.Draft(authorType, authorId, text)));
  }

  /** Whether the workspace has this chat and this contact started it: one row read, no snapshot. */
  public boolean startedBy(String workspaceId, String chatId, String contactId) {
    return jdbi.withHandle(h -> chats.find(h, workspaceId, chatId))
        .map(c -> c.contactId().equals(contactId)).orElse(false);
  }

  /** The contact's newest chat, if it has one (the widget resumes it). */
  public Optional<Chat> latestOf(String workspaceId, String contactId) {
    return jdbi.withHandle(h -> chats.latestOf(h, workspaceId, contactId).map(r -> snapshots.of(h, r)));
  }

  /** A page of the chat's messages, oldest first. */
  public Page.Result<ChatMessage> messages(String workspaceId, String chatId, Page page) {
    return jdbi.withHandle(h -> messages.page(h, chats.get(h, workspaceId, chatId).id(), page));
  }
}
