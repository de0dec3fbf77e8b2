package dev.hookdesk.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Apps installed in workspaces ({@code app_installations}) and the per-workspace switch of
 * their webhooks ({@code app_webhook_states}, which outlives an installation so that a disable
 * survives uninstall and reinstall). Installing and uninstalling emit {@code app.installed} and
 * {@code app.uninstalled} in the same transaction.
 */
public final class Installations {
  private static final String SELECT = """
      SELECT i.id, i.app_id, a.name AS app_name, a.client_id, i.workspace_id, i.scopes,
             i.installed_by, i.installed_at, i.uninstalled_at,
             COALESCE(s.enabled, TRUE) AS webhooks_enabled
      FROM app_installations i JOIN apps a ON a.id = i.app_id
      LEFT JOIN app_webhook_states s ON s.app_id = i.app_id AND s.workspace_id = i.workspace_id
      """;
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final EventLog events;
  private final ObjectMapper mapper;
  private final Apps apps;
  private final List<Uninstalled> onUninstall = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Changed> onChange = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told, in the uninstalling transaction, that an app's installation in a workspace ended. */
  @FunctionalInterface
  public interface Uninstalled {
    void uninstalled(Handle h, String appId, String workspaceId);
  }

  /** Told, in the changing transaction, that what an app hears of a workspace may have changed. */
  @FunctionalInterface
  interface Changed {
    void changed(Handle h, String appId, String workspaceId);
  }

  public Installations(Jdbi jdbi, Ids ids, Clock clock, EventLog events, ObjectMapper mapper, Apps apps) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.events = Objects.requireNonNull(events);
    this.mapper = Objects.requireNonNull(mapper);
    this.apps = Objects.requireNonNull(apps);
  }

  /** Told when an app's installation in a workspace ended or its webhooks were switched off. */
  public void onUninstall(Uninstalled listener) {
    onUninstall.add(Objects.requireNonNull(listener));
  }

  /** Told, in the transaction, of every install, uninstall and webhooks switch of an app in a workspace. */
  void onChange(Changed listener) {
    onChange.add(Objects.requireNonNull(listener));
  }

  /** An app that hears a workspace's events: installed there with its webhooks on. */
  record Hearing(String appId, List<String> scopes) {}

  List<Hearing> hearing(Handle h, String workspaceId) {
    return h.createQuery(SELECT + " WHERE i.workspace_id = :ws AND i.uninstalled_at IS NULL"
            + " AND COALESCE(s.enabled, TRUE) = TRUE ORDER BY i.id")
        .bind("ws", workspaceId).map(this::map).list().stream()
        .map(i -> new Hearing(i.appId(), i.scopes())).toList();
  }

  /**
   * Installs an app (or, when it is installed already, grants it these scopes instead): the
   * webhooks switch starts on unless a workspace admin turned it off before.
   */
  Installation install(Handle h, App app, String workspaceId, List<String> scopes, String installedBy,
      Actor actor) {
    Optional<Installation> current = active(h, app.id(), workspaceId);
    if (current.isPresent()) {
      h.createUpdate("UPDATE app_installations SET scopes = :scopes WHERE id = :id")
          .bind("scopes", Json.write(mapper, scopes)).bind("id", current.get().id()).execute();
      for (Changed l : onChange) l.changed(h, app.id(), workspaceId);
      return find(h, current.get().id()).orElseThrow();
    }
    String id = ids.next("ins");
    Instant now = clock.instant();
    h.createUpdate("""
            INSERT INTO app_installations (id, app_id, workspace_id, scopes, installed_by, installed_at)
            VALUES (:id, :app, :ws, :scopes, :by, :now)""")
        .bind("id", id).bind("app", app.id()).bind("ws", workspaceId)
        .bind("scopes", Json.write(mapper, scopes)).bind("by", installedBy).bind("now", now).execute();
    Installation i = find(h, id).orElseThrow();
    events.append(h, new EventDraft(workspaceId, "app.installed", actor, data(i, app)));
    for (Changed l : onChange) l.changed(h, app.id(), workspaceId);
    return i;
  }

  /** Uninstalls: its tokens stop at once (the caller revokes them in this transaction). */
  Installation uninstall(Handle h, Installation i, Actor actor) {
    h.createUpdate("UPDATE app_installations SET uninstalled_at = :now WHERE id = :id"
            + " AND uninstalled_at IS NULL").bind("now", clock.instant()).bind("id", i.id()).execute();
    Installation done = find(h, i.id()).orElseThrow();
    App app = apps.find(i.appId()).orElse(null);
    events.append(h, new EventDraft(i.workspaceId(), "app.uninstalled", actor, data(done, app)));
    for (Uninstalled l : onUninstall) l.uninstalled(h, i.appId(), i.workspaceId());
    for (Changed l : onChange) l.changed(h, i.appId(), i.workspaceId());
    return done;
  }

  public List<Installation> list(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery(SELECT
            + " WHERE i.workspace_id = :ws AND i.uninstalled_at IS NULL ORDER BY i.id")
        .bind("ws", workspaceId).map(this::map).list());
  }

  /** The active installations of an app, in every workspace. */
  List<Installation> ofApp(Handle h, String appId) {
    return h.createQuery(SELECT + " WHERE i.app_id = :app AND i.uninstalled_at IS NULL ORDER BY i.id")
        .bind("app", appId).map(this::map).list();
  }

  Installation get(String workspaceId, String id) {
    return jdbi.withHandle(h -> find(h, id)).filter(i -> i.workspaceId().equals(workspaceId) && i.active())
        .orElseThrow(() -> new NotFound("Installation", id));
  }

  Optional<Installation> find(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id).map(this::map).findOne();
  }

  Optional<Installation> active(Handle h, String appId, String workspaceId) {
    return h.createQuery(SELECT + " WHERE i.app_id = :app AND i.workspace_id = :ws"
            + " AND i.uninstalled_at IS NULL").bind("app", appId).bind("ws", workspaceId)
        .map(this::map).findOne();
  }

  /** Whether the app's webhooks deliver this workspace's events (on unless turned off). */
  boolean webhooksEnabled(Handle h, String appId, String workspaceId) {
    return h.createQuery("SELECT enabled FROM app_webhook_states WHERE app_id = :app AND workspace_id = :ws")
        .bind("app", appId).bind("ws", workspaceId).mapTo(Boolean.class).findOne().orElse(true);
  }

  void setWebhooksEnabled(String appId, String workspaceId, boolean enabled) {
    jdbi.useTransaction(h -> {
      int n = h.createUpdate("UPDATE app_webhook_states SET enabled = :on, updated_at = :now"
              + " WHERE app_id = :app AND workspace_id = :ws")
          .bind("on", enabled).bind("now", clock.instant()).bind("app", appId).bind("ws", workspaceId)
          .execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO app_webhook_states (app_id, workspace_id, enabled, updated_at)"
                + " VALUES (:app, :ws, :on, :now)")
            .bind("on", enabled).bind("now", clock.instant()).bind("app", appId).bind("ws", workspaceId)
            .execute();
      }
      if (!enabled) for (Uninstalled l : onUninstall) l.uninstalled(h, appId, workspaceId);
      for (Changed l : onChange) l.changed(h, appId, workspaceId);
    });
  }

  boolean isInstalled(String appId, String workspaceId) {
    return jdbi.withHandle(h -> active(h, appId, workspaceId)).isPresent();
  }

  boolean webhooksEnabled(String appId, String workspaceId) {
    return jdbi.withHandle(h -> webhooksEnabled(h, appId, workspaceId));
  }

  List<String> scopesOf(String json) {
    return apps.list(json);
  }

  private ObjectNode data(Installation i, App app) {
    ObjectNode data = Json.object(mapper);
    ObjectNode n = data.putObject("installation");
    n.put("id", i.id());
    ObjectNode a = n.putObject("app");
    a.put("id", i.appId()).put("name", i.appName()).put("client_id", app == null ? "" : app.clientId());
    n.set("scopes", mapper.valueToTree(i.scopes()));
    n.put("installed_by", i.installedBy());
    n.put("installed_at", Json.time(i.installedAt()));
    if (i.uninstalledAt() == null) n.putNull("uninstalled_at");
    else n.put("uninstalled_at", Json.time(i.uninstalledAt()));
    return data;
  }

  private Installation map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    java.sql.Timestamp un = rs.getTimestamp("uninstalled_at");
    return new Installation(rs.getString("id"), rs.getString("app_id"), rs.getString("app_name"),
        rs.getString("workspace_id"), apps.list(rs.getString("scopes")), rs.getString("installed_by"),
        rs.getTimestamp("installed_at").toInstant(), un == null ? null : un.toInstant(),
        rs.getBoolean("webhooks_enabled"));
  }
}
