package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.http.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Live chats: creating and routing them, reading them, and the actions of their life. */
public final class ChatService {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ContactService contacts;
  private final SourceService sources;
  private final ChatStore chats = new ChatStore();
  private final MessageStore messages = new MessageStore();
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Assignment assignment;
  private final Conversation conversation;
  private final Rerouting rerouting;
  final ChatTransactions tx;
  final ChatParticipants participants;
  final ChatActions actions;
  final ChatEnding ending;
  private final ChatLists lists;

  public ChatService(Jdbi jdbi, Ids ids, Clock clock, EventLog log, ObjectMapper mapper,
      AgentService agents, ContactService contacts, SourceService sources, ChatRouter router) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.contacts = Objects.requireNonNull(contacts);
    this.sources = Objects.requireNonNull(sources);
    Objects.requireNonNull(agents);
    Objects.requireNonNull(router);
    InvitationStore invitations = new InvitationStore();
    this.snapshots = new Snapshots(chats, invitations, contacts, Objects.requireNonNull(mapper));
    this.events = new ChatEvents(Objects.requireNonNull(log), mapper);
    this.tx = new ChatTransactions(jdbi, chats);
    Participation participation = new Participation(chats, agents);
    this.assignment = new Assignment(chats, agents, router, participation, snapshots, events, clock);
    this.conversation = new Conversation(chats, messages, agents, participation, snapshots, events, ids, clock);
    this.rerouting = new Rerouting(jdbi, chats, router, assignment, snapshots, mapper);
    this.participants = new ChatParticipants(tx, chats, invitations, agents, participation,
        assignment, rerouting, snapshots, events, ids, clock);
    this.actions = new ChatActions(tx, chats, messages, snapshots, events, clock);
    this.ending = new ChatEnding(tx, chats, participation, assignment, snapshots, events, clock);
    this.lists = new ChatLists(jdbi, chats, snapshots);
    // An agent who comes online or gets room takes the oldest waiting chats, in the same
    // transaction as the change to the agent.
    agents.onAvailable(assignment::fillSeats);
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
   * A bot's answer, in the caller's transaction (the one that records the bot's call): its
   * messages are posted as the bot; with {@code handoff} it leaves ({@code chat.agent_left},
   * actor the bot) and, once that commits, a human is routed. Does nothing when the bot is no
   * longer in the chat; throws when the chat cannot take it (ended).
   */
  public void botAnswered(Handle h, String workspaceId, String chatId, String botId,
      List<String> texts, boolean handoff) {
    ChatRow chat = chats.lock(h, workspaceId, chatId);
    if (!participants.takesPart(h, chatId, botId)) return;
    Actor bot = new Actor("agent", botId, "bot");
    for (String text : texts) conversation.post(h, chat, bot, new Conversation.Draft("bot", botId, text));
    if (!handoff) return;
    Chat after = participants.leave(h, chats.lock(h, workspaceId, chatId), bot, botId);
    if (Rerouting.needsAgent(after)) {
      // on a thread of its own: the router may wait on a decision webhook (SPEC §6)
      h.afterCommit(() -> Thread.ofVirtual().name("handoff-" + chatId)
          .start(() -> rerouting.route(workspaceId, chatId, "handoff")));
    }
  }

  /**
   * Tells {@code listener} of each chat event inside the transaction that appends it (the
   * bots feature queues its calls there); it must only add to that transaction.
   */
  public void onAppended(java.util.function.BiConsumer<Handle, dev.hookdesk.events.Event> listener) {
    events.onAppended(listener);
  }

  /** The lists an agent's chat console shows. */
  public ChatLists lists() {
    return lists;
  }

  /** {@code POST /chats/{id}/participants}: the agent joins. */
  public Chat join(String workspaceId, String chatId, Actor actor, String agentId) {
    return participants.add(workspaceId, chatId, actor, agentId);
  }

  /** {@code DELETE /chats/{id}/participants/{agent}}: the agent leaves; an empty chat is routed again. */
  public Chat leave(String workspaceId, String chatId, Actor actor, String agentId) {
    return participants.remove(workspaceId, chatId, actor, agentId, "agent_left");
  }

  public Chat.Invitation invite(String workspaceId, String chatId, Actor actor, String agentId) {
    return participants.invite(workspaceId, chatId, actor, agentId);
  }

  public Chat.Invitation answer(String workspaceId, String chatId, String invitationId, Actor actor,
      boolean accept) {
    return participants.answer(workspaceId, chatId, invitationId, actor, accept);
  }

  public Chat close(String workspaceId, String chatId, Actor actor, String note) {
    return ending.close(workspaceId, chatId, actor, note);
  }

  /** Whether the agent is in the chat now. */
  public boolean takesPart(String workspaceId, String chatId, String agentId) {
    return get(workspaceId, chatId).participants().stream().anyMatch(p -> p.id().equals(agentId));
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

  public ChatMessage post(String workspaceId, String chatId, Actor actor, String authorType,
      String authorId, String text) {
    return tx.onChat(workspaceId, chatId, (h, chat) ->
        conversation.post(h, chat, actor, new Conversation.Draft(authorType, authorId, text)));
  }

  public Chat callback(String workspaceId, String chatId, Actor actor, ChatInput.Callback in) {
    return actions.callback(workspaceId, chatId, actor, in.type(), in.phone(), in.note(),
        in.preferredTime());
  }

  public Chat rate(String workspaceId, String chatId, Actor actor, ChatInput.Rating in) {
    return ending.rate(workspaceId, chatId, actor, in.score(), in.comment());
  }

  /** Records the request as {@code chat.transcript_sent}; sending the mail is not built yet. */
  public void transcript(String workspaceId, String chatId, Actor actor, String email) {
    actions.transcript(workspaceId, chatId, actor, email);
  }

  public Chat abandon(String workspaceId, String chatId, Actor actor) {
    return ending.abandon(workspaceId, chatId, actor);
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
