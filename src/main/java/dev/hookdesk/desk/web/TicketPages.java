package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.desk.tickets.Ticket;
import dev.hookdesk.desk.tickets.TicketInput;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /desk/tickets/{id}} and "New ticket": the form, checked as {@code POST /tickets} is. */
public final class TicketPages implements Routes {
  static final String[] NEW_FIELDS = {"subject", "body", "requester_name", "requester_email",
      "requester_id", "queue_id", "priority", "tags"};

  private final ConsoleGate gate;
  private final TicketService tickets;
  private final TicketPage page;
  private final Directory directory;

  TicketPages(ConsoleGate gate, TicketService tickets, TicketPage page, Directory directory) {
    this.gate = Objects.requireNonNull(gate);
    this.tickets = Objects.requireNonNull(tickets);
    this.page = Objects.requireNonNull(page);
    this.directory = Objects.requireNonNull(directory);
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get("/desk/tickets/new", gate.desk((ctx, s) -> {
      Map<String, String> values = new java.util.HashMap<>();
      String requester = ctx.queryParam("requester_id");
      if (requester != null) values.put("requester_id", requester);
      form(ctx, s, 200, values, Map.of());
    }));
    r.post("/desk/tickets", gate.deskForm(this::create));
    r.get("/desk/tickets/{id}", gate.desk((ctx, s) -> show(gate, page, ctx, s, 200, Map.of(), Map.of())));
  }

  /** The ticket page, or the desk's 404 for an id that is not a ticket of the session's workspace. */
  static void show(ConsoleGate gate, TicketPage page, Context ctx, ConsoleSession s, int status,
      Map<String, List<String>> errors, Map<String, String> values) {
    try {
      page.send(ctx, s, ctx.pathParam("id"), status, errors, values);
    } catch (NotFound e) {
      DeskErrors.send(gate, ctx, s, 404, e.getMessage() + " in this workspace.");
    }
  }

  private void create(Context ctx, ConsoleSession s) {
    FormBody f = new FormBody(ctx);
    f.put("subject", "subject").put("body", "body").put("requester_id", "requester_id")
        .put("queue_id", "queue_id").put("priority", "priority");
    if (!f.text("requester_name").isEmpty() || !f.text("requester_email").isEmpty()) {
      var requester = f.json.putObject("requester");
      if (!f.text("requester_name").isEmpty()) requester.put("name", f.text("requester_name"));
      if (!f.text("requester_email").isEmpty()) requester.put("email", f.text("requester_email"));
    }
    if (!f.text("tags").isEmpty()) f.putList("tags", "tags");
    Ticket t;
    try {
      t = tickets.create(s.workspaceId(), s.actor(), TicketInput.newTicket(f.body()));
    } catch (DomainException e) {
      form(ctx, s, e.status(), f.values(NEW_FIELDS), FormBody.errors(e, "form"));
      return;
    }
    ctx.redirect("/desk/tickets/" + t.id(), HttpStatus.SEE_OTHER);
  }

  private void form(Context ctx, ConsoleSession s, int status, Map<String, String> values,
      Map<String, List<String>> errors) {
    var queues = directory.queues(s.workspaceId()).stream()
        .map(q -> new Pages.Option(q.id(), q.name())).toList();
    gate.templates().send(ctx, status, "desk/new_ticket.jte", new Pages.NewTicket(
        DeskChrome.of(s, "New ticket", "tickets"), values, queues, Ticket.PRIORITIES, errors));
  }
}
