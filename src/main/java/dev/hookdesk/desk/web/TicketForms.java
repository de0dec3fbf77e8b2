package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.desk.tickets.TicketActions;
import dev.hookdesk.desk.tickets.TicketInput;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * The ticket page's controls: each posts its form here and calls the same service action as
 * the API's endpoint, with the signed-in agent as the actor ({@code via: "console"}). A
 * refusal shows the page again with the service's message beside the control.
 */
public final class TicketForms implements Routes {
  private final ConsoleGate gate;
  private final TicketService tickets;
  private final TicketActions actions;
  private final TicketPage page;

  TicketForms(ConsoleGate gate, TicketService tickets, TicketActions actions, TicketPage page) {
    this.gate = Objects.requireNonNull(gate);
    this.tickets = Objects.requireNonNull(tickets);
    this.actions = Objects.requireNonNull(actions);
    this.page = Objects.requireNonNull(page);
  }

  /** One control: what it does with the form, given the workspace, actor and ticket id. */
  private interface Control {
    void apply(FormBody form, ConsoleSession s, String ws, Actor actor, String id);
  }

  private interface Lifecycle {
    Object apply(String ws, Actor actor, String id);
  }

  @Override
  public void register(Router router) {
    on(router, "reply", "reply", (f, s, ws, a, id) -> {
      f.put("body", "body").json.put("author_type", "agent").put("author_id", me(s));
      var p = TicketInput.reply(f.body(), s.principal());
      tickets.reply(ws, a, id, p.authorType(), p.authorId(), p.body());
    });
    on(router, "note", "note", (f, s, ws, a, id) -> {
      f.put("body", "note").json.put("author_id", me(s));
      var p = TicketInput.comment(f.body(), s.principal());
      tickets.comment(ws, a, id, p.authorId(), p.body());
    });
    on(router, "assign-to-me", "assign", (f, s, ws, a, id) -> actions.assign(ws, a, id, me(s)));
    on(router, "assign", "assign",
        (f, s, ws, a, id) -> actions.assign(ws, a, id, required(f, "agent_id")));
    on(router, "unassign", "assign", (f, s, ws, a, id) -> actions.unassign(ws, a, id));
    on(router, "team", "team", (f, s, ws, a, id) -> {
      if (f.text("team_id").isEmpty()) {
        actions.unassignTeam(ws, a, id);
      } else {
        actions.assignTeam(ws, a, id, required(f, "team_id"));
      }
    });
    on(router, "queue", "queue",
        (f, s, ws, a, id) -> actions.moveToQueue(ws, a, id, required(f, "queue_id")));
    on(router, "classify", "classify", (f, s, ws, a, id) -> {
      String category = f.text("category");
      if (category.isEmpty()) f.json.putNull("category"); else f.json.put("category", category);
      f.put("priority", "priority").putList("tags", "tags");
      actions.classify(ws, a, id, TicketInput.classification(f.body()));
    });
    lifecycle(router, "close", actions::close);
    lifecycle(router, "reopen", actions::reopen);
    lifecycle(router, "spam", actions::spam);
    lifecycle(router, "unspam", actions::unspam);
    lifecycle(router, "trash", actions::trash);
    lifecycle(router, "untrash", actions::untrash);
    lifecycle(router, "archive", actions::archive);
    lifecycle(router, "unarchive", actions::unarchive);
  }

  private void lifecycle(Router router, String name, Lifecycle action) {
    on(router, name, "state", (f, s, ws, a, id) -> action.apply(ws, a, id));
  }

  private void on(Router router, String name, String control, Control c) {
    router.raw().post("/desk/tickets/{id}/" + name, gate.deskForm((ctx, s) -> {
      String id = ctx.pathParam("id");
      FormBody form = new FormBody(ctx);
      try {
        c.apply(form, s, s.workspaceId(), s.actor(), id);
      } catch (NotFound e) {
        DeskErrors.send(gate, ctx, s, 404, e.getMessage() + " in this workspace.");
        return;
      } catch (DomainException e) {
        TicketPages.show(gate, page, ctx, s, e.status(), FormBody.under(e, control),
            form.values("body", "note", "category", "tags"));
        return;
      }
      ctx.redirect("/desk/tickets/" + id, HttpStatus.SEE_OTHER);
    }));
  }

  /** The agent the session acts for; a token session bound to none writes as nobody (422). */
  private static String me(ConsoleSession s) {
    return s.principal().agentId().orElse("");
  }

  private static String required(FormBody f, String field) {
    f.put(field, field);
    JsonBody b = f.body();
    String v = b.string(field, 40);
    b.done();
    return v;
  }
}
