package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.events.EventLog;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * What the public chat services share, built once per node: the stores, the snapshot, the
 * {@code chat.*} events (with their listeners) and routing. Opaque outside this package.
 */
public final class ChatParts {
  final Jdbi jdbi;
  final Ids ids;
  final Clock clock;
  final ObjectMapper mapper;
  final AgentService agents;
  final ContactService contacts;
  final ChatStore chats = new ChatStore();
  final MessageStore messages = new MessageStore();
  final InvitationStore invitations = new InvitationStore();
  final Snapshots snapshots;
  final ChatEvents events;
  final ChatTransactions tx;
  final Participation participation;
  final Assignment assignment;
  final Conversation conversation;
  final Rerouting rerouting;

  public ChatParts(Jdbi jdbi, Ids ids, Clock clock, EventLog log, ObjectMapper mapper,
      AgentService agents, ContactService contacts, ChatRouter router) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.mapper = Objects.requireNonNull(mapper);
    this.agents = Objects.requireNonNull(agents);
    this.contacts = Objects.requireNonNull(contacts);
    Objects.requireNonNull(router);
    this.snapshots = new Snapshots(chats, invitations, contacts, mapper);
    this.events = new ChatEvents(Objects.requireNonNull(log), mapper);
    this.tx = new ChatTransactions(jdbi, chats);
    this.participation = new Participation(chats, agents);
    this.assignment = new Assignment(chats, agents, router, participation, snapshots, events, clock);
    this.conversation = new Conversation(chats, messages, agents, participation, snapshots, events, ids, clock);
    this.rerouting = new Rerouting(jdbi, chats, router, assignment, snapshots, mapper);
    // An agent who comes online or gets room takes the oldest waiting chats, in the same
    // transaction as the change to the agent.
    agents.onAvailable(assignment::fillSeats);
  }
}
