package dev.hookdesk.desk.web;

import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.queues.Queue;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.desk.teams.Team;
import dev.hookdesk.desk.teams.TeamService;
import dev.hookdesk.desk.tickets.Ticket;
import dev.hookdesk.http.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names the desk shows instead of ids: agents, teams, queues and requesters, read from
 * their owners' services.
 */
final class Directory {
  private static final Page ALL = new Page(Page.MAX_LIMIT, Optional.empty());

  private final AgentService agents;
  private final TeamService teams;
  private final QueueService queues;
  private final ContactService contacts;

  Directory(AgentService agents, TeamService teams, QueueService queues, ContactService contacts) {
    this.agents = Objects.requireNonNull(agents);
    this.teams = Objects.requireNonNull(teams);
    this.queues = Objects.requireNonNull(queues);
    this.contacts = Objects.requireNonNull(contacts);
  }

  List<Agent> agents(String ws) {
    return agents.list(ws, ALL).data().stream().filter(Agent::active).toList();
  }

  List<Team> teams(String ws) {
    return teams.list(ws, ALL).data();
  }

  List<Queue> queues(String ws) {
    return queues.list(ws, ALL).data();
  }

  Map<String, String> agentNames(String ws) {
    return agents.list(ws, ALL).data().stream().collect(Collectors.toMap(Agent::id, Agent::name));
  }

  Map<String, Contact> requesters(String ws, Collection<String> ids) {
    return contacts.getAll(ws, Set.copyOf(ids)).stream()
        .collect(Collectors.toMap(Contact::id, Function.identity()));
  }

  Contact requester(String ws, String id) {
    return contacts.get(ws, id);
  }

  List<String> contactsMatching(String ws, String text, int limit) {
    return contacts.idsMatching(ws, text, limit);
  }

  /** The rows of a ticket list, with requester and assignee names. */
  List<Pages.TicketRow> rows(String ws, List<Ticket> tickets) {
    Map<String, Contact> people = requesters(ws, tickets.stream().map(Ticket::requesterId).toList());
    Map<String, String> names = tickets.stream().anyMatch(t -> t.assigneeId() != null)
        ? agentNames(ws) : Map.of();
    return tickets.stream().map(t -> new Pages.TicketRow(t.id(), t.subject(),
        label(people.get(t.requesterId()), t.requesterId()), state(t), t.priority(),
        t.assigneeId() == null ? "" : names.getOrDefault(t.assigneeId(), t.assigneeId()),
        time(t.updatedAt()))).toList();
  }

  static String label(Contact c, String id) {
    if (c == null) return id;
    if (c.name() != null && c.email() != null) return c.name() + " <" + c.email() + ">";
    return c.name() != null ? c.name() : c.email() != null ? c.email() : c.id();
  }

  /** The status with the flags on top of it, as words. */
  static String state(Ticket t) {
    StringBuilder s = new StringBuilder(t.status());
    if (t.archived()) s.append(", archived");
    if (t.spam()) s.append(", spam");
    if (t.trashed()) s.append(", in the trash");
    return s.toString();
  }

  static String time(Instant at) {
    return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
