package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.contacts.Contact;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.tickets.Ticket;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /desk}: for now the signed-in person's own tickets ("Mine"). */
public final class DeskPages implements Routes {
  static final int MINE_LIMIT = 50;

  private final ConsoleGate gate;
  private final TicketService tickets;
  private final ContactService contacts;

  public DeskPages(ConsoleGate gate, TicketService tickets, ContactService contacts) {
    this.gate = Objects.requireNonNull(gate);
    this.tickets = Objects.requireNonNull(tickets);
    this.contacts = Objects.requireNonNull(contacts);
  }

  @Override
  public void register(Router router) {
    router.raw().get("/desk", gate.desk(this::mine));
  }

  private void mine(Context ctx, ConsoleSession s) {
    // a token session acts for an agent only when its token is bound to one
    List<Ticket> mine = s.principal().agentId()
        .map(agent -> tickets.assignedTo(s.workspaceId(), agent, MINE_LIMIT)).orElse(List.of());
    Map<String, String> requesters = new HashMap<>();
    List<Pages.TicketRow> rows = mine.stream().map(t -> new Pages.TicketRow(t.id(), t.subject(),
        requesters.computeIfAbsent(t.requesterId(), id -> requester(s.workspaceId(), id)),
        t.status(), t.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString())).toList();
    gate.templates().send(ctx, 200, "desk/mine.jte",
        new Pages.Mine(DeskChrome.of(s, "Mine", "mine"), rows));
  }

  private String requester(String workspaceId, String contactId) {
    Contact c = contacts.get(workspaceId, contactId);
    if (c.name() != null && c.email() != null) return c.name() + " <" + c.email() + ">";
    return c.name() != null ? c.name() : c.email() != null ? c.email() : c.id();
  }
}
