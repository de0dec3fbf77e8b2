package dev.hookdesk.desk.agents;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/**
 * {@code /agents}: create and list agents, change their status and capacity (and, for admins,
 * who they are and may do); {@link AgentManagement} checks what callers send. Only admins read
 * a bot's {@code webhook_url}.
 */
public final class AgentRoutes implements Routes {
  private final AgentService agents;
  private final AgentManagement management;

  public AgentRoutes(AgentService agents, AgentManagement management) {
    this.agents = Objects.requireNonNull(agents);
    this.management = Objects.requireNonNull(management);
  }

  @Override
  public void register(Router r) {
    r.post("/agents", Access.AGENTS, c -> c.created(shown(c, management.create(c.principal(), c.body()))));
    r.get("/agents", Access.DESK, this::list);
    r.get("/agents/{id}", Access.DESK, c -> c.ok(shown(c, agents.get(c.workspaceId(), c.path("id")))));
    r.patch("/agents/{id}", Access.DESK,
        c -> c.ok(shown(c, management.update(c.principal(), c.path("id"), c.body()))));
  }

  private void list(Call c) {
    Page.Result<Agent> page = agents.list(c.workspaceId(), c.page());
    c.ok(new Page.Result<>(page.data().stream().map(a -> shown(c, a)).toList(), page.nextCursor()));
  }

  /** The agent as this caller may see it: with a bot's {@code webhook_url} for admins only. */
  private static Object shown(Call c, Agent a) {
    return c.principal().role() == Role.ADMIN ? new WithWebhookUrl(a, a.webhookUrl()) : a;
  }

  /** An agent and its {@code webhook_url}, which {@link Agent} leaves out of its JSON. */
  record WithWebhookUrl(@JsonUnwrapped Agent agent, String webhookUrl) {}
}
