package dev.hookdesk.workspaces;

import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /workspaces} (owner) and {@code /tokens} (admins). An admin may bind a new
 * token to an active agent ({@code agent_id}); a token bound to an agent with the agent role
 * mints personal tokens: more agent tokens bound to the same agent.
 */
public final class WorkspaceRoutes implements Routes {
  private static final List<String> ROLES = List.of("admin", "agent", "app");

  private final WorkspaceService workspaces;
  private final TokenService tokens;
  private final AgentService agents;

  public WorkspaceRoutes(WorkspaceService workspaces, TokenService tokens, AgentService agents) {
    this.workspaces = Objects.requireNonNull(workspaces);
    this.tokens = Objects.requireNonNull(tokens);
    this.agents = Objects.requireNonNull(agents);
  }

  @Override
  public void register(Router r) {
    r.post("/workspaces", Access.OWNER, this::createWorkspace);
    r.post("/tokens", Access.DESK, this::mint);
    r.get("/tokens", Access.ADMIN, c -> c.ok(tokens.list(c.workspaceId(), c.page())));
    r.delete("/tokens/{id}", Access.ADMIN, c -> {
      tokens.revoke(c.workspaceId(), c.path("id"), c.principal().tokenId());
      c.noContent();
    });
  }

  private void createWorkspace(Call c) {
    var body = c.body().allow("name");
    String name = body.string("name", 200);
    body.done();
    var created = workspaces.create(name);
    c.created(Map.of("workspace", created.workspace(), "admin_token", created.adminToken()));
  }

  private void mint(Call c) {
    Principal p = c.principal();
    JsonBody body = c.body().allow("role", "name", "agent_id");
    String role;
    if (p.role() == Role.ADMIN) {
      role = body.oneOf("role", ROLES);
      if ("app".equals(role) && body.has("agent_id")) {
        body.error("agent_id", "an app token acts for an app, not for an agent");
      }
    } else if (p.role() == Role.AGENT && p.agentId().isPresent()) {
      role = body.optOneOf("role", List.of("agent")).orElse("agent");
      body.optString("agent_id", 40).filter(a -> !a.equals(p.agentId().get())).ifPresent(a ->
          body.error("agent_id", "an agent's token mints personal tokens for its own agent ("
              + p.agentId().get() + ") only"));
    } else {
      throw new Forbidden("Minting tokens needs an admin token, or a token bound to an agent "
          + "(which mints personal tokens for that agent)");
    }
    String name = body.string("name", 200);
    Optional<String> agentId = p.role() == Role.ADMIN ? body.optString("agent_id", 40) : p.agentId();
    body.done();
    var minted = agentId.isPresent()
        ? tokens.mintFor(c.workspaceId(), Role.of(role), name, agentId.get(),
            h -> requireActive(agents.find(h, c.workspaceId(), agentId.get())
                .map(a -> agents.lock(h, c.workspaceId(), a.id())), agentId.get()))
        : tokens.mint(c.workspaceId(), Role.of(role), name);
    Map<String, Object> out = new LinkedHashMap<>(
        Map.of("id", minted.id(), "token", minted.token(), "role", role, "name", name));
    agentId.ifPresent(a -> out.put("agent_id", a));
    c.created(out);
  }

  private static void requireActive(Optional<Agent> agent, String agentId) {
    if (agent.isEmpty()) throw new Invalid("agent_id", "'" + agentId + "' is not an agent of this workspace");
    if (!agent.get().active()) throw new Invalid("agent_id", agentId + " is deactivated");
  }
}
