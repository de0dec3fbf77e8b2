package dev.hookdesk.desk.tickets;

import dev.hookdesk.core.Actor;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/** {@code /tickets}: open, read and list tickets, and one endpoint per action (SPEC §3). */
public final class TicketRoutes implements Routes {
  private final TicketService tickets;
  private final TicketActions actions;

  public TicketRoutes(TicketService tickets, TicketActions actions) {
    this.tickets = Objects.requireNonNull(tickets);
    this.actions = Objects.requireNonNull(actions);
  }

  @Override
  public void register(Router r) {
    r.post("/tickets", Access.DESK, this::create);
    r.get("/tickets", Access.DESK,
        c -> c.ok(tickets.list(c.workspaceId(), c.query("status"), c.page())));
    r.get("/tickets/{id}", Access.DESK, c -> c.ok(tickets.get(c.workspaceId(), c.path("id"))));
    r.post("/tickets/{id}/replies", Access.DESK, this::reply);
    r.post("/tickets/{id}/comments", Access.DESK, this::comment);
    r.put("/tickets/{id}/assignee", Access.DESK, c -> {
      String agentId = required(c, "agent_id");
      c.ok(actions.assign(c.workspaceId(), c.actor(), c.path("id"), agentId));
    });
    r.delete("/tickets/{id}/assignee", Access.DESK,
        c -> c.ok(actions.unassign(c.workspaceId(), c.actor(), c.path("id"))));
    r.put("/tickets/{id}/team", Access.DESK, c -> {
      String teamId = required(c, "team_id");
      c.ok(actions.assignTeam(c.workspaceId(), c.actor(), c.path("id"), teamId));
    });
    r.delete("/tickets/{id}/team", Access.DESK,
        c -> c.ok(actions.unassignTeam(c.workspaceId(), c.actor(), c.path("id"))));
    r.put("/tickets/{id}/classification", Access.DESK, this::classify);
    r.put("/tickets/{id}/queue", Access.DESK, c -> {
      String queueId = required(c, "queue_id");
      c.ok(actions.moveToQueue(c.workspaceId(), c.actor(), c.path("id"), queueId));
    });
    lifecycle(r, "close", actions::close);
    lifecycle(r, "reopen", actions::reopen);
    lifecycle(r, "spam", actions::spam);
    lifecycle(r, "unspam", actions::unspam);
    lifecycle(r, "trash", actions::trash);
    lifecycle(r, "untrash", actions::untrash);
    lifecycle(r, "archive", actions::archive);
    lifecycle(r, "unarchive", actions::unarchive);
  }

  private interface Lifecycle {
    Ticket apply(String workspaceId, Actor actor, String id);
  }

  private static void lifecycle(Router r, String name, Lifecycle action) {
    r.post("/tickets/{id}/" + name, Access.DESK, c -> {
      JsonBody b = c.body();
      b.raw().fieldNames().forEachRemaining(f -> b.error(f, "this action takes no body"));
      b.done();
      c.ok(action.apply(c.workspaceId(), c.actor(), c.path("id")));
    });
  }

  private void create(Call c) {
    c.created(tickets.create(c.workspaceId(), c.actor(), TicketInput.newTicket(c.body())));
  }

  private void reply(Call c) {
    TicketInput.Post p = TicketInput.reply(c.body(), c.principal());
    c.created(tickets.reply(c.workspaceId(), c.actor(), c.path("id"), p.authorType(), p.authorId(),
        p.body()));
  }

  private void comment(Call c) {
    TicketInput.Post p = TicketInput.comment(c.body(), c.principal());
    c.created(tickets.comment(c.workspaceId(), c.actor(), c.path("id"), p.authorId(), p.body()));
  }

  private void classify(Call c) {
    c.ok(actions.classify(c.workspaceId(), c.actor(), c.path("id"),
        TicketInput.classification(c.body())));
  }

  private static String required(Call c, String field) {
    JsonBody b = c.body().allow(field);
    String value = b.string(field, 40);
    b.done();
    return value;
  }
}
