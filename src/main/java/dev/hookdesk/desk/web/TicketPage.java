package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.queues.Queue;
import dev.hookdesk.desk.teams.Team;
import dev.hookdesk.desk.tickets.Ticket;
import dev.hookdesk.desk.tickets.TicketMessage;
import dev.hookdesk.desk.tickets.TicketMoves;
import dev.hookdesk.desk.tickets.TicketViews;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders {@code /desk/tickets/{id}}: the conversation, the controls its state allows, the
 * requester with their other tickets. Its live regions reload from the whole page after a
 * change and keep their own part ({@code hx-select}), so what an agent is typing stays.
 */
final class TicketPage {
  static final int OTHERS = 10;

  private final ConsoleGate gate;
  private final TicketViews views;
  private final Directory directory;

  TicketPage(ConsoleGate gate, TicketViews views, Directory directory) {
    this.gate = Objects.requireNonNull(gate);
    this.views = Objects.requireNonNull(views);
    this.directory = Objects.requireNonNull(directory);
  }

  /** The page; {@code errors} are refusals by control, {@code values} what was typed. */
  void send(Context ctx, ConsoleSession s, String id, int status, Map<String, List<String>> errors,
      Map<String, String> values) {
    String ws = s.workspaceId();
    TicketViews.Conversation c = views.conversation(ws, id);
    Ticket t = c.ticket();
    List<Agent> agents = directory.agents(ws);
    Map<String, String> agentNames = directory.agentNames(ws);
    List<Team> teams = directory.teams(ws);
    List<Queue> queues = directory.queues(ws);
    Contact requester = directory.requester(ws, t.requesterId());

    var view = new Pages.TicketView(t.id(), t.subject(), Directory.state(t), t.priority(),
        t.category() == null ? "" : t.category(), String.join(", ", t.tags()),
        nullToEmpty(t.assigneeId()), name(agentNames, t.assigneeId()),
        nullToEmpty(t.teamId()), name(teams.stream().collect(Collectors.toMap(Team::id, Team::name)), t.teamId()),
        nullToEmpty(t.queueId()), name(queues.stream().collect(Collectors.toMap(Queue::id, Queue::name)), t.queueId()),
        Directory.time(t.createdAt()), Directory.time(t.updatedAt()));
    List<Pages.MessageView> messages = c.messages().stream()
        .map(m -> message(m, agentNames, requester)).toList();
    var page = new Pages.Ticket(DeskChrome.of(s, t.subject(), "tickets"), view, messages,
        new Pages.RequesterView(requester.id(), nullToEmpty(requester.name()),
            nullToEmpty(requester.email()), nullToEmpty(requester.phone())),
        directory.rows(ws, views.ofRequester(ws, t.requesterId(), t.id(), OTHERS)),
        options(agents, Agent::id, Agent::name), options(teams, Team::id, Team::name),
        options(queues, Queue::id, Queue::name), Ticket.PRIORITIES, TicketMoves.allowed(t),
        s.principal().agentId().orElse(""), errors, values);
    gate.templates().send(ctx, status, "desk/ticket.jte", page);
  }

  private static Pages.MessageView message(TicketMessage m, Map<String, String> agents, Contact requester) {
    String author = "contact".equals(m.authorType())
        ? Directory.label(m.authorId().equals(requester.id()) ? requester : null, m.authorId())
        : name(agents, m.authorId());
    return new Pages.MessageView(m.id(), author, m.authorType(), m.body(), m.internal(),
        Directory.time(m.createdAt()));
  }

  private static <T> List<Pages.Option> options(List<T> items, Function<T, String> id, Function<T, String> label) {
    return items.stream().map(i -> new Pages.Option(id.apply(i), label.apply(i))).toList();
  }

  private static String name(Map<String, String> names, String id) {
    return id == null ? "" : names.getOrDefault(id, id);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
