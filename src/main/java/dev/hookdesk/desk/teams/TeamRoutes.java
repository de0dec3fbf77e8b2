package dev.hookdesk.desk.teams;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code /teams}: create, list, read and change teams of agents. */
public final class TeamRoutes implements Routes {
  private static final int MAX_AGENTS = 500;

  private final TeamService teams;

  public TeamRoutes(TeamService teams) {
    this.teams = Objects.requireNonNull(teams);
  }

  @Override
  public void register(Router r) {
    r.post("/teams", Access.ADMIN, this::create);
    r.get("/teams", Access.DESK, c -> c.ok(teams.list(c.workspaceId(), c.page())));
    r.get("/teams/{id}", Access.DESK, c -> c.ok(teams.get(c.workspaceId(), c.path("id"))));
    r.patch("/teams/{id}", Access.ADMIN, this::update);
    r.delete("/teams/{id}", Access.ADMIN, c -> {
      teams.delete(c.workspaceId(), c.path("id"));
      c.noContent();
    });
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("name", "agent_ids");
    String name = b.string("name", 200);
    List<String> agentIds = b.stringList("agent_ids", MAX_AGENTS, 40);
    b.done();
    c.created(teams.create(c.workspaceId(), name, agentIds));
  }

  private void update(Call c) {
    JsonBody b = c.body().allow("name", "agent_ids");
    Optional<String> name = b.optString("name", 200);
    Optional<List<String>> agentIds = b.has("agent_ids")
        ? Optional.of(b.stringList("agent_ids", MAX_AGENTS, 40)) : Optional.empty();
    b.done();
    c.ok(teams.update(c.workspaceId(), c.path("id"), name, agentIds));
  }
}
