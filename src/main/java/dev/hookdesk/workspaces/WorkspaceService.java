package dev.hookdesk.workspaces;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Role;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workspaces, the default one created on first start, and its bootstrap owner token. */
public final class WorkspaceService {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceService.class);

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final TokenService tokens;

  public WorkspaceService(Jdbi jdbi, Ids ids, Clock clock, TokenService tokens) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.tokens = Objects.requireNonNull(tokens);
  }

  /** A new workspace and its first admin token. */
  public record Created(Workspace workspace, String adminToken) {}

  /** What start-up did: the default workspace, and the generated token if one was made. */
  public record Bootstrap(String workspaceId, Optional<String> generatedToken) {}

  public Created create(String name) {
    return jdbi.inTransaction(h -> {
      Workspace ws = insert(h, name);
      var minted = tokens.mint(h, ws.id(), Role.ADMIN, "admin", false);
      return new Created(ws, minted.token());
    });
  }

  /**
   * Makes sure the default workspace and an owner token exist. With a configured token,
   * that token is registered; otherwise a token is generated only on the very first start.
   * Safe when several nodes start at once: the instance row has one fixed key.
   */
  public Bootstrap bootstrap(Optional<String> configuredToken) {
    return jdbi.inTransaction(h -> {
      Optional<String> existing = h.createQuery("SELECT default_workspace_id FROM instance WHERE id = 1")
          .mapTo(String.class).findOne();
      String wsId;
      Optional<String> generated = Optional.empty();
      if (existing.isPresent()) {
        wsId = existing.get();
      } else {
        wsId = insert(h, "Default").id();
        h.createUpdate("INSERT INTO instance (id, default_workspace_id, created_at) VALUES (1, :ws, :at)")
            .bind("ws", wsId).bind("at", clock.instant()).execute();
        if (configuredToken.isEmpty()) {
          generated = Optional.of(tokens.mint(h, wsId, Role.ADMIN, "bootstrap", true).token());
        }
        log.info("created the default workspace {}", wsId);
      }
      if (configuredToken.isPresent()) tokens.ensure(h, wsId, configuredToken.get());
      return new Bootstrap(wsId, generated);
    });
  }

  public Workspace get(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, name, created_at FROM workspaces WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Workspace(rs.getString("id"), rs.getString("name"),
            rs.getTimestamp("created_at").toInstant()))
        .findOne()).orElseThrow(() -> new NotFound("Workspace", id));
  }

  /** The workspace switch of webhook deliveries ({@code /settings/webhooks}, SPEC §5). */
  public boolean webhooksEnabled(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT webhooks_enabled FROM workspaces WHERE id = :ws")
        .bind("ws", workspaceId).mapTo(Boolean.class).one());
  }

  public void setWebhooksEnabled(String workspaceId, boolean enabled) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE workspaces SET webhooks_enabled = :on WHERE id = :ws")
        .bind("on", enabled).bind("ws", workspaceId).execute());
  }

  private Workspace insert(Handle h, String name) {
    Workspace ws = new Workspace(ids.next("ws"), name, clock.instant());
    h.createUpdate("INSERT INTO workspaces (id, name, created_at) VALUES (:id, :name, :at)")
        .bind("id", ws.id()).bind("name", ws.name()).bind("at", ws.createdAt()).execute();
    return ws;
  }
}
