package dev.hookdesk.desk.teams;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.StillReferenced;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Teams of agents. The spec names no team events, so none are emitted. */
public final class TeamService {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final AgentService agents;

  public TeamService(Jdbi jdbi, Ids ids, Clock clock, AgentService agents) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.agents = Objects.requireNonNull(agents);
  }

  public Team create(String workspaceId, String name, List<String> agentIds) {
    Objects.requireNonNull(name);
    return jdbi.inTransaction(h -> {
      checkAgents(h, workspaceId, agentIds);
      String id = ids.next("team");
      Instant now = clock.instant();
      h.createUpdate("INSERT INTO teams (id, workspace_id, name, created_at, updated_at) "
              + "VALUES (:id, :ws, :name, :now, :now)")
          .bind("id", id).bind("ws", workspaceId).bind("name", name).bind("now", now).execute();
      writeAgents(h, id, agentIds);
      return get(h, workspaceId, id);
    });
  }

  public Team update(String workspaceId, String id, Optional<String> name,
      Optional<List<String>> agentIds) {
    return jdbi.inTransaction(h -> {
      Team before = h.createQuery("SELECT id FROM teams WHERE id = :id AND workspace_id = :ws FOR UPDATE")
          .bind("id", id).bind("ws", workspaceId).mapTo(String.class).findOne()
          .map(x -> get(h, workspaceId, x)).orElseThrow(() -> new NotFound("Team", id));
      agentIds.ifPresent(a -> checkAgents(h, workspaceId, a));
      h.createUpdate("UPDATE teams SET name = :name, updated_at = :now WHERE id = :id")
          .bind("name", name.orElse(before.name())).bind("now", clock.instant()).bind("id", id)
          .execute();
      if (agentIds.isPresent()) {
        h.createUpdate("DELETE FROM team_agents WHERE team_id = :id").bind("id", id).execute();
        writeAgents(h, id, agentIds.get());
      }
      return get(h, workspaceId, id);
    });
  }

  /** Deletes a team; one that tickets still name is a 409 (their foreign key refuses it). */
  public void delete(String workspaceId, String id) {
    StillReferenced.orConflict(() -> jdbi.useTransaction(h -> {
      get(h, workspaceId, id);
      h.createUpdate("DELETE FROM team_agents WHERE team_id = :id").bind("id", id).execute();
      h.createUpdate("DELETE FROM teams WHERE id = :id").bind("id", id).execute();
    }), "Team " + id + " is still set on tickets; give them another team first");
  }

  public Team get(String workspaceId, String id) {
    return jdbi.withHandle(h -> get(h, workspaceId, id));
  }

  public Team get(Handle h, String workspaceId, String id) {
    return find(h, workspaceId, id).orElseThrow(() -> new NotFound("Team", id));
  }

  public Optional<Team> find(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT id, name, created_at, updated_at FROM teams "
            + "WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId)
        .map((rs, ctx) -> new Team(rs.getString("id"), rs.getString("name"), agentsOf(h, id),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
        .findOne();
  }

  public Page.Result<Team> list(String workspaceId, Page page) {
    return jdbi.withHandle(h -> {
      List<String> rows = h.createQuery("SELECT id FROM teams WHERE workspace_id = :ws "
              + "AND id > :after ORDER BY id LIMIT :limit")
          .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
          .bind("limit", page.limit() + 1).mapTo(String.class).list();
      List<Team> teams = new ArrayList<>();
      for (String id : rows) teams.add(get(h, workspaceId, id));
      return Page.Result.of(teams, page.limit(), Team::id);
    });
  }

  private void checkAgents(Handle h, String workspaceId, List<String> agentIds) {
    List<String> unknown = agentIds.stream()
        .filter(a -> agents.find(h, workspaceId, a).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new Invalid("agent_ids", "no such agent in this workspace: " + String.join(", ", unknown));
    }
  }

  private static void writeAgents(Handle h, String teamId, List<String> agentIds) {
    List<String> distinct = agentIds.stream().distinct().toList();
    for (int i = 0; i < distinct.size(); i++) {
      h.createUpdate("INSERT INTO team_agents (team_id, agent_id, sort_order) VALUES (:t, :a, :i)")
          .bind("t", teamId).bind("a", distinct.get(i)).bind("i", i).execute();
    }
  }

  private static List<String> agentsOf(Handle h, String teamId) {
    return h.createQuery("SELECT agent_id FROM team_agents WHERE team_id = :t ORDER BY sort_order")
        .bind("t", teamId).mapTo(String.class).list();
  }
}
