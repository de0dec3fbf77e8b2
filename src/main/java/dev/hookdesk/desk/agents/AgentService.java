package dev.hookdesk.desk.agents;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Agents (human or bot), their status and their chat capacity. */
public final class AgentService {
  public static final List<String> KINDS = List.of("human", "bot");
  public static final List<String> STATUSES = List.of("online", "away", "offline");
  public static final List<String> ROLES = List.of("agent", "admin");

  /** Told, inside the transaction, when an agent may have room for waiting chats. */
  public interface AvailabilityListener {
    void agentAvailable(Handle h, String workspaceId, String agentId);
  }

  private static final String COLUMNS = "id, name, email, kind, status, max_chats, active_chats, "
      + "webhook_url, role, deactivated_at, app_id, created_at, updated_at";

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final List<AvailabilityListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CreationListener> creationListeners = new CopyOnWriteArrayList<>();
  private final List<DeactivationListener> deactivationListeners = new CopyOnWriteArrayList<>();

  public AgentService(Jdbi jdbi, Ids ids, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  public void onAvailable(AvailabilityListener listener) {
    listeners.add(listener);
  }

  /** Told, inside the creating transaction, of every new agent (bots get their secret here). */
  public interface CreationListener {
    void agentCreated(Handle h, String workspaceId, Agent agent);
  }

  public void onCreated(CreationListener listener) {
    creationListeners.add(listener);
  }

  /**
   * Told, inside the deactivating transaction, that an agent was deactivated: whatever lets
   * them in (sessions, tokens) ends there.
   */
  public interface DeactivationListener {
    void agentDeactivated(Handle h, String workspaceId, String agentId);
  }

  public void onDeactivated(DeactivationListener listener) {
    deactivationListeners.add(listener);
  }

  /** @param appId the app whose installation token creates this bot; null otherwise */
  public record NewAgent(String name, String email, String kind, String status, int maxChats,
      String webhookUrl, String role, String appId) {}

  public record AgentChanges(Optional<String> name, Optional<String> status,
      Optional<Integer> maxChats, Optional<String> kind, Optional<String> webhookUrl,
      Optional<String> email, Optional<String> role, Optional<Boolean> active) {}

  /** An agent with its workspace, as sign-in finds it by email across the instance. */
  public record Member(String workspaceId, Agent agent) {}

  public Agent create(String workspaceId, NewAgent a) {
    return jdbi.inTransaction(h -> {
      String id = ids.next("agt");
      Instant now = clock.instant();
      h.createUpdate("INSERT INTO agents (id, workspace_id, name, email, kind, status, max_chats, "
              + "webhook_url, role, app_id, created_at, updated_at) VALUES (:id, :ws, :name, :email, "
              + ":kind, :status, :max, :url, :role, :app, :now, :now)")
          .bind("id", id).bind("ws", workspaceId).bind("name", a.name()).bind("email", a.email())
          .bind("kind", a.kind()).bind("status", a.status()).bind("max", a.maxChats())
          .bind("url", a.webhookUrl()).bind("role", a.role()).bind("app", a.appId()).bind("now", now).execute();
      Agent created = get(h, workspaceId, id);
      creationListeners.forEach(l -> l.agentCreated(h, workspaceId, created));
      if ("online".equals(a.status())) listeners.forEach(l -> l.agentAvailable(h, workspaceId, id));
      return get(h, workspaceId, id);
    });
  }

  /** Changes an agent; a change that would leave the workspace without an active admin is refused (409). */
  public Agent update(String workspaceId, String id, AgentChanges c) {
    return jdbi.inTransaction(h -> {
      List<String> admins = WorkspaceAdmins.mayRemoveOne(c)
          ? WorkspaceAdmins.lockActive(h, workspaceId) : List.of();
      Agent before = lock(h, workspaceId, id);
      if (WorkspaceAdmins.mayRemoveOne(c)) WorkspaceAdmins.keepOne(admins, before, c);
      Instant now = clock.instant();
      boolean active = c.active().orElse(before.active());
      h.createUpdate("UPDATE agents SET name = :name, status = :status, max_chats = :max, "
              + "kind = :kind, webhook_url = :url, email = :email, role = :role, "
              + "deactivated_at = CASE WHEN :active THEN NULL ELSE COALESCE(deactivated_at, :now) END, "
              + "updated_at = :now WHERE id = :id")
          .bind("name", c.name().orElse(before.name()))
          .bind("email", c.email().orElse(before.email()))
          .bind("role", c.role().orElse(before.role()))
          .bind("active", active)
          .bind("status", c.status().orElse(before.status()))
          .bind("max", c.maxChats().orElse(before.maxChats()))
          .bind("kind", c.kind().orElse(before.kind()))
          .bind("url", c.webhookUrl().orElse(before.webhookUrl()))
          .bind("now", now).bind("id", id).execute();
      if (before.active() && !active) {
        deactivationListeners.forEach(l -> l.agentDeactivated(h, workspaceId, id));
      }
      Agent after = get(h, workspaceId, id);
      if (after.hasRoom() && (!before.hasRoom() || after.maxChats() > before.maxChats())) {
        listeners.forEach(l -> l.agentAvailable(h, workspaceId, id));
      }
      return get(h, workspaceId, id);
    });
  }

  public Agent get(String workspaceId, String id) {
    return jdbi.withHandle(h -> get(h, workspaceId, id));
  }

  public Agent get(Handle h, String workspaceId, String id) {
    return find(h, workspaceId, id).orElseThrow(() -> new NotFound("Agent", id));
  }

  public Optional<Agent> find(String workspaceId, String id) {
    return jdbi.withHandle(h -> find(h, workspaceId, id));
  }

  public Optional<Agent> find(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM agents WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, ctx) -> map(rs)).findOne();
  }

  /** Active human agents with this email (compared in lower case), in any workspace. */
  public List<Member> withEmail(String email) {
    return jdbi.withHandle(h -> h.createQuery("SELECT workspace_id, " + COLUMNS + " FROM agents "
            + "WHERE LOWER(email) = :email AND kind = 'human' AND deactivated_at IS NULL ORDER BY id")
        .bind("email", email.toLowerCase(java.util.Locale.ROOT))
        .map((rs, ctx) -> new Member(rs.getString("workspace_id"), map(rs))).list());
  }

  /** Reads the agent row with a lock, for changes to its load or status. */
  public Agent lock(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM agents WHERE id = :id AND workspace_id = :ws FOR UPDATE")
        .bind("id", id).bind("ws", workspaceId).map((rs, ctx) -> map(rs)).findOne()
        .orElseThrow(() -> new NotFound("Agent", id));
  }

  /** Online agents of a kind with room for another chat, least busy first. */
  public List<Agent> available(Handle h, String workspaceId, String kind) {
    return h.createQuery("SELECT " + COLUMNS + " FROM agents WHERE workspace_id = :ws AND kind = :kind "
            + "AND status = 'online' AND active_chats < max_chats ORDER BY active_chats, id")
        .bind("ws", workspaceId).bind("kind", kind).map((rs, ctx) -> map(rs)).list();
  }

  /** Adds {@code delta} (±1) to the agent's count of chats it takes part in. */
  public void adjustLoad(Handle h, String agentId, int delta) {
    h.createUpdate("UPDATE agents SET active_chats = CASE WHEN active_chats + :d < 0 THEN 0 "
            + "ELSE active_chats + :d END WHERE id = :id")
        .bind("d", delta).bind("id", agentId).execute();
  }

  /** The active bot agents an app created in a workspace. */
  public java.util.Set<String> botsOfApp(Handle h, String workspaceId, String appId) {
    return java.util.Set.copyOf(h.createQuery("SELECT id FROM agents WHERE workspace_id = :ws"
            + " AND app_id = :app AND kind = 'bot' AND deactivated_at IS NULL")
        .bind("ws", workspaceId).bind("app", appId).mapTo(String.class).list());
  }

  public Page.Result<Agent> list(String workspaceId, Page page) {
    List<Agent> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM agents WHERE workspace_id = :ws AND id > :after ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("limit", page.limit() + 1).map((rs, ctx) -> map(rs)).list());
    return Page.Result.of(rows, page.limit(), Agent::id);
  }

  private static Agent map(ResultSet rs) throws SQLException {
    return new Agent(rs.getString("id"), rs.getString("name"), rs.getString("email"),
        rs.getString("kind"), rs.getString("status"), rs.getInt("max_chats"),
        rs.getInt("active_chats"), rs.getString("webhook_url"), rs.getString("role"),
        rs.getTimestamp("deactivated_at") == null, rs.getString("app_id"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }
}
