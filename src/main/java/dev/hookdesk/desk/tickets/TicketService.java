package dev.hookdesk.desk.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.http.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Opening tickets, the conversation on them (replies, internal comments) and reading them. */
public final class TicketService {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper mapper;
  private final ContactService contacts;
  private final AgentService agents;
  private final QueueService queues;
  private final TicketStore store;
  private final TicketEvents events;

  public TicketService(Jdbi jdbi, Ids ids, Clock clock, EventLog events, ObjectMapper mapper,
      ContactService contacts, AgentService agents, QueueService queues) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.mapper = Objects.requireNonNull(mapper);
    this.contacts = Objects.requireNonNull(contacts);
    this.agents = Objects.requireNonNull(agents);
    this.queues = Objects.requireNonNull(queues);
    this.store = new TicketStore(mapper, contacts);
    this.events = new TicketEvents(Objects.requireNonNull(events), mapper);
  }

  /** The request's requester is either an id or an inline contact, never both. */
  public record NewTicket(String subject, String body, Optional<String> requesterId,
      Optional<ContactService.NewContact> requester, Optional<String> queueId, String priority,
      List<String> tags) {
    public NewTicket {
      Objects.requireNonNull(subject);
      Objects.requireNonNull(body);
      Objects.requireNonNull(priority);
      tags = List.copyOf(tags);
    }
  }

  /** A reply or comment with the ticket as it is after it. */
  public record Posted(Ticket ticket, TicketMessage message) {}

  public Ticket create(String workspaceId, Actor actor, NewTicket n) {
    return jdbi.inTransaction(h -> {
      Contact requester;
      try {
        requester = contacts.resolve(h, workspaceId, actor, n.requesterId(), n.requester());
      } catch (NotFound e) {
        throw new Invalid("requester_id", "no such contact in this workspace: " + n.requesterId().orElse(""));
      }
      n.queueId().ifPresent(q -> {
        if (queues.find(h, workspaceId, q).isEmpty()) {
          throw new Invalid("queue_id", "no such queue in this workspace: " + q);
        }
      });
      Instant now = clock.instant();
      // a blocked contact's tickets go straight to spam (see contact.blocked)
      Ticket t = new Ticket(ids.next("tkt"), n.subject(), Ticket.OPEN, n.priority(), null,
          n.tags(), requester.id(), requester.summary(), null, null, n.queueId().orElse(null), false,
          requester.blocked(), false, false, 1, 0, now, now, null);
      TicketMessage first = new TicketMessage(ids.next("msg"), "contact", requester.id(), n.body(),
          false, now);
      store.insert(h, workspaceId, t);
      store.insertMessage(h, t.id(), 1, first);
      events.emit(h, workspaceId, actor, "ticket.created", t, Map.of(), first);
      return t;
    });
  }

  /**
   * A public reply. A reply to a closed ticket reopens it; {@code answered} follows the author
   * of the latest reply, and its flips are events of their own.
   */
  public Posted reply(String workspaceId, Actor caller, String id, String authorType,
      String authorId, String body) {
    return jdbi.inTransaction(h -> {
      Ticket before = store.lock(h, workspaceId, id);
      checkAuthor(h, workspaceId, before, authorType, authorId);
      Rules.workable(before, "reply");
      Instant now = clock.instant();
      TicketMessage m = new TicketMessage(ids.next("msg"), authorType, authorId, body, false, now);
      store.insertMessage(h, id, before.messageCount() + before.commentCount() + 1, m);
      Ticket.Draft d = before.edit();
      d.messageCount++;
      d.answered = "agent".equals(authorType);
      d.status = Ticket.OPEN;
      d.closedAt = null;
      d.updatedAt = now;
      Ticket after = d.build();
      store.update(h, after);

      Actor actor = caller.as(authorType, authorId);
      var changes = Changes.between(before, after);
      String type = "agent".equals(authorType) ? "ticket.agent_replied" : "ticket.customer_replied";
      events.emit(h, workspaceId, actor, type, after, changes, m);
      if (changes.containsKey("status")) {
        events.emit(h, workspaceId, actor, "ticket.reopened", after, Changes.only(changes, "status"), null);
      }
      if (changes.containsKey("answered")) {
        events.emit(h, workspaceId, actor, after.answered() ? "ticket.answered" : "ticket.unanswered",
            after, Changes.only(changes, "answered"), null);
      }
      return new Posted(after, m);
    });
  }

  /** An internal note by an agent; the requester never sees it. */
  public Posted comment(String workspaceId, Actor caller, String id, String authorId, String body) {
    return jdbi.inTransaction(h -> {
      Ticket before = store.lock(h, workspaceId, id);
      checkAuthor(h, workspaceId, before, "agent", authorId);
      Rules.workable(before, "comment on it");
      Instant now = clock.instant();
      TicketMessage m = new TicketMessage(ids.next("msg"), "agent", authorId, body, true, now);
      store.insertMessage(h, id, before.messageCount() + before.commentCount() + 1, m);
      Ticket.Draft d = before.edit();
      d.commentCount++;
      d.updatedAt = now;
      Ticket after = d.build();
      store.update(h, after);
      events.emit(h, workspaceId, caller.as("agent", authorId), "ticket.comment_added", after,
          Map.of(), m);
      return new Posted(after, m);
    });
  }

  /** The snapshot with the whole conversation, internal comments included, oldest first. */
  public ObjectNode get(String workspaceId, String id) {
    return jdbi.withHandle(h -> {
      Ticket t = store.find(h, workspaceId, id).orElseThrow(() -> new NotFound("Ticket", id));
      ObjectNode out = mapper.valueToTree(t);
      out.set("messages", mapper.valueToTree(store.messages(h, id)));
      return out;
    });
  }

  /** A contact's tickets for the desk's contact page: up to {@code limit}, latest change first. */
  public List<Ticket> requestedBy(String workspaceId, String contactId, int limit) {
    return jdbi.withHandle(h -> store.requestedBy(h, workspaceId, contactId, limit));
  }

  public Page.Result<Ticket> list(String workspaceId, Optional<String> view, Page page) {
    view.ifPresent(v -> {
      if (!TicketStore.VIEWS.containsKey(v)) {
        throw new Invalid("status", "'" + v + "' is not allowed; use one of "
            + String.join(", ", List.of("open", "closed", "archived", "spam", "trashed")));
      }
    });
    List<Ticket> rows = jdbi.withHandle(h -> store.list(h, workspaceId, view, page));
    return Page.Result.of(rows, page.limit(), Ticket::id);
  }

  private void checkAuthor(Handle h, String workspaceId, Ticket t, String authorType, String authorId) {
    if ("contact".equals(authorType)) {
      if (!authorId.equals(t.requesterId())) {
        throw new Invalid("author_id", "a contact reply must come from the ticket's requester, "
            + t.requesterId());
      }
    } else if (agents.find(h, workspaceId, authorId).isEmpty()) {
      throw new Invalid("author_id", "no such agent in this workspace: " + authorId);
    }
  }
}
