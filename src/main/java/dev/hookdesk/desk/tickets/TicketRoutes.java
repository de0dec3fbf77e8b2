package dev.hookdesk.desk.tickets;

import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.events.Actor;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code /tickets}: open, read and list tickets, and one endpoint per action (SPEC §3). */
public final class TicketRoutes implements Routes {
  private static final int MAX_BODY = 50_000;
  private static final int MAX_TAGS = 20;
  private static final int MAX_TAG = 50;

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
    JsonBody b = c.body().allow("subject", "body", "requester_id", "requester", "queue_id",
        "priority", "tags");
    String subject = b.string("subject", 500);
    String body = b.string("body", MAX_BODY);
    Optional<String> requesterId = b.optString("requester_id", 40);
    Optional<ContactService.NewContact> requester = b.optObject("requester")
        .map(o -> ContactRoutes.read(o.allow("name", "email", "phone")));
    if (requesterId.isPresent() && requester.isPresent()) {
      b.error("requester", "give either requester_id or requester, not both");
    } else if (requesterId.isEmpty() && requester.isEmpty()
        && !b.hasError("requester_id") && !b.hasError("requester")) {
      b.error("requester_id", "is required (or give requester {name, email})");
    }
    Optional<String> queueId = b.optString("queue_id", 40);
    String priority = b.optOneOf("priority", Ticket.PRIORITIES).orElse("normal");
    List<String> tags = tags(b);
    b.done();
    c.created(tickets.create(c.workspaceId(), c.actor(), new TicketService.NewTicket(subject, body,
        requesterId, requester, queueId, priority, tags)));
  }

  private void reply(Call c) {
    JsonBody b = c.body().allow("author_type", "author_id", "body");
    String type = b.oneOf("author_type", List.of("contact", "agent"));
    String author = b.string("author_id", 40);
    String body = b.string("body", MAX_BODY);
    c.principal().refusesAuthor(type, author).ifPresent(m -> b.error("author_id", m));
    b.done();
    c.created(tickets.reply(c.workspaceId(), c.actor(), c.path("id"), type, author, body));
  }

  private void comment(Call c) {
    JsonBody b = c.body().allow("author_id", "body");
    String author = b.string("author_id", 40);
    String body = b.string("body", MAX_BODY);
    c.principal().refusesAuthor("agent", author).ifPresent(m -> b.error("author_id", m));
    b.done();
    c.created(tickets.comment(c.workspaceId(), c.actor(), c.path("id"), author, body));
  }

  private void classify(Call c) {
    JsonBody b = c.body().allow("category", "priority", "tags");
    boolean setCategory = b.raw().has("category");
    Optional<String> category = b.optString("category", 100);
    Optional<String> priority = b.optOneOf("priority", Ticket.PRIORITIES);
    Optional<List<String>> tags = b.raw().has("tags") ? Optional.of(tags(b)) : Optional.empty();
    if (!setCategory && !b.raw().has("priority") && tags.isEmpty()) {
      b.error("category", "give at least one of category, priority, tags");
    }
    b.done();
    c.ok(actions.classify(c.workspaceId(), c.actor(), c.path("id"),
        new TicketActions.Classification(setCategory, category.orElse(null), priority, tags)));
  }

  private static List<String> tags(JsonBody b) {
    return b.stringList("tags", MAX_TAGS, MAX_TAG).stream().distinct().toList();
  }

  private static String required(Call c, String field) {
    JsonBody b = c.body().allow(field);
    String value = b.string(field, 40);
    b.done();
    return value;
  }
}
