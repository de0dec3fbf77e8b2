package dev.hookdesk.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookdesk.console.AgentViews.AgentsPage;
import dev.hookdesk.console.AgentViews.Draft;
import dev.hookdesk.console.AgentViews.NewInvitation;
import dev.hookdesk.console.AgentViews.Row;
import dev.hookdesk.core.DomainException;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.people.People;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings → Agents: the workspace's agents with their role and sign-in state, Add agent,
 * Invite / Invite again (the link is shown on the page: Hookdesk sends no email), Change role,
 * Deactivate and Reactivate. Each is the API's action through the same reader
 * ({@code AgentManagement}) and service, so the page refuses what the API refuses, beside the
 * field or the agent's row, and writes nothing then.
 */
final class AgentSettingsRoutes implements Routes {
  static final String BASE = "/console/settings/agents";
  static final int PAGE_SIZE = 50;
  private static final List<String> FIELDS = List.of("name", "email", "role");

  private final ConsoleGate gate;
  private final AgentServices services;
  private final Clock clock;

  AgentSettingsRoutes(ConsoleGate gate, AgentServices services, Clock clock) {
    this.gate = Objects.requireNonNull(gate);
    this.services = Objects.requireNonNull(services);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What a page shows besides the list: the add form, errors, a new invitation. */
  private record Shown(Draft draft, Map<String, List<String>> errors, Map<String, List<String>> rowErrors,
      NewInvitation invitation, String added) {
    static final Shown NOTHING = new Shown(Draft.EMPTY, Map.of(), Map.of(), null, null);

    static Shown rowError(String agentId, DomainException e) {
      List<String> messages = e.errors().isEmpty() ? List.of(e.getMessage())
          : e.errors().stream().map(f -> f.field() + " " + f.message()).toList();
      return new Shown(Draft.EMPTY, Map.of(), Map.of(agentId, messages), null, null);
    }
  }

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get(BASE, gate.page((ctx, s) -> {
      String added = Optional.ofNullable(ctx.queryParam("added"))
          .flatMap(id -> services.agents().find(s.workspaceId(), id)).map(Agent::name).orElse(null);
      send(ctx, s, 200, new Shown(Draft.EMPTY, Map.of(), Map.of(), null, added));
    }));
    r.post(BASE, gate.form(this::add));
    r.post(BASE + "/{id}/invitation", gate.form(this::invite));
    r.post(BASE + "/{id}/role", gate.form((ctx, s) -> change(ctx, s, "role",
        TextNode.valueOf(Optional.ofNullable(ctx.formParam("role")).orElse("")))));
    r.get(BASE + "/{id}/deactivate", gate.page((ctx, s) -> {
      Agent a = services.agents().get(s.workspaceId(), ctx.pathParam("id"));
      gate.templates().send(ctx, 200, "console/agent_deactivate.jte", new AgentViews.DeactivatePage(
          s.chrome("Deactivate " + a.name(), "agents"), a, cursor(ctx)));
    }));
    r.post(BASE + "/{id}/deactivate", gate.form((ctx, s) -> change(ctx, s, "active", BooleanNode.FALSE)));
    r.post(BASE + "/{id}/reactivate", gate.form((ctx, s) -> change(ctx, s, "active", BooleanNode.TRUE)));
  }

  private void add(Context ctx, ConsoleSession s) {
    Draft draft = Draft.from(ctx);
    // every field is sent, also when left empty: the API then says it must not be empty
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("name", draft.name()).put("email", draft.email()).put("role", draft.role());
    Agent added;
    try {
      added = services.management().create(s.principal(), new JsonBody(body));
    } catch (Invalid e) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      e.errors().forEach(f -> errors.computeIfAbsent(FIELDS.contains(f.field()) ? f.field() : "",
          k -> new ArrayList<>()).add(f.field() + " " + f.message()));
      send(ctx, s, 422, new Shown(draft, errors, Map.of(), null, null));
      return;
    }
    ctx.redirect(BASE + "?added=" + added.id(), HttpStatus.SEE_OTHER);
  }

  private void invite(Context ctx, ConsoleSession s) {
    Agent a = services.agents().get(s.workspaceId(), ctx.pathParam("id"));
    People.Invitation i;
    try {
      i = services.people().invite(s.workspaceId(), a.id());
    } catch (Conflict | Invalid e) {
      send(ctx, s, e.status(), Shown.rowError(a.id(), e));
      return;
    }
    send(ctx, s, 200, new Shown(Draft.EMPTY, Map.of(), Map.of(), new NewInvitation(a.id(), a.name(),
        a.email(), i.url(services.publicUrl().get()), i.expiresAt()), null));
  }

  /** {@code PATCH /agents/{id}} with one field, as the API would get it. */
  private void change(Context ctx, ConsoleSession s, String field, JsonNode value) {
    String id = ctx.pathParam("id");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set(field, value);
    Agent changed;
    try {
      changed = services.management().update(s.principal(), id, new JsonBody(body));
    } catch (Conflict | Invalid e) {
      send(ctx, s, e.status(), Shown.rowError(id, e));
      return;
    }
    boolean leftSettings = s.principal().agentId().equals(Optional.of(id)) && !changed.isAdmin();
    ctx.redirect(leftSettings ? "/desk" : at(BASE, cursor(ctx)), HttpStatus.SEE_OTHER);
  }

  private void send(Context ctx, ConsoleSession s, int status, Shown shown) {
    String ws = s.workspaceId();
    String cursor = cursor(ctx);
    Page.Result<Agent> page = services.agents().list(ws, new Page(PAGE_SIZE, Optional.of(cursor)));
    var states = services.people().signInStates(ws, page.data().stream().map(Agent::id).toList());
    Optional<String> me = s.principal().agentId();
    List<Row> rows = page.data().stream().map(a -> new Row(a, states.get(a.id()), clock.instant(),
        me.equals(Optional.of(a.id())), shown.rowErrors().getOrDefault(a.id(), List.of()))).toList();
    gate.templates().send(ctx, status, "console/agents.jte", new AgentsPage(s.chrome("Agents", "agents"),
        rows, cursor, page.nextCursor(), shown.draft(), shown.errors(), shown.invitation(), shown.added()));
  }

  /** The page of the list a form came from (its hidden field) or a link asks for; empty for the first. */
  private static String cursor(Context ctx) {
    String c = ctx.method().name().equals("POST") ? ctx.formParam("cursor") : ctx.queryParam("cursor");
    return c == null ? "" : c.strip();
  }

  /** A page of Settings → Agents at a place in the list ({@code ""}: the first page). */
  static String at(String path, String cursor) {
    return cursor.isEmpty() ? path : path + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
