package dev.hookdesk.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The SQL of the {@code webhooks} table; custom header values are stored sealed. */
final class WebhookStore {
  private static final String COLUMNS = "id, workspace_id, app_id, scope, url, description, events, "
      + "sources, private_payload, headers, enabled, timeout_ms, retry_schedule, secret, "
      + "previous_secret, previous_secret_until, disabled_reason, created_at, updated_at, deleted_at, deleted_by, "
      + "app_filters";

  private final ObjectMapper mapper;
  private final CustomHeaders headers;

  WebhookStore(ObjectMapper mapper, CustomHeaders headers) {
    this.mapper = mapper;
    this.headers = headers;
  }

  void insert(Handle h, Webhook w, String sealedSecret, Instant now) {
    h.createUpdate("INSERT INTO webhooks (" + COLUMNS + ") VALUES (:id, :ws, :app, :scope, :url, "
            + ":description, :events, :sources, :private, :headers, :enabled, :timeout, :retry, "
            + ":secret, NULL, NULL, NULL, :now, :now, NULL, NULL, :filters)")
        .bind("id", w.id()).bind("ws", w.workspaceId()).bind("app", w.appId())
        .bind("secret", sealedSecret).bind("now", now)
        .bindMap(fields(w)).execute();
  }

  void update(Handle h, Webhook w, String disabledReason, Instant now) {
    h.createUpdate("UPDATE webhooks SET scope = :scope, url = :url, description = :description, "
            + "events = :events, sources = :sources, private_payload = :private, headers = :headers, "
            + "enabled = :enabled, timeout_ms = :timeout, retry_schedule = :retry, app_filters = :filters, "
            + "disabled_reason = :reason, updated_at = :now WHERE id = :id")
        .bind("id", w.id()).bind("reason", disabledReason).bind("now", now)
        .bindMap(fields(w)).execute();
  }

  void setDeleted(Handle h, String id, Instant deletedAt, String deletedBy, Instant now) {
    h.createUpdate("UPDATE webhooks SET deleted_at = :deleted, deleted_by = :by, updated_at = :now"
            + " WHERE id = :id")
        .bind("id", id).bind("deleted", deletedAt).bind("by", deletedBy).bind("now", now).execute();
  }

  void rotate(Handle h, String id, String sealedNew, String sealedPrevious, Instant until, Instant now) {
    h.createUpdate("UPDATE webhooks SET secret = :secret, previous_secret = :previous, "
            + "previous_secret_until = :until, updated_at = :now WHERE id = :id")
        .bind("id", id).bind("secret", sealedNew).bind("previous", sealedPrevious)
        .bind("until", until).bind("now", now).execute();
  }

  Optional<StoredWebhook> find(Handle h, String id, boolean forUpdate) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id"
            + (forUpdate ? " FOR UPDATE" : ""))
        .bind("id", id).map((rs, x) -> map(rs)).findOne();
  }

  List<StoredWebhook> findAll(Handle h, Collection<String> ids) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids)).map((rs, x) -> map(rs)).list();
  }

  /** A page of one owner's webhooks, deleted ones or the others, in id order. */
  List<StoredWebhook> list(Handle h, Owner owner, boolean deleted, String after, int limit) {
    Query q = h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = :ws "
            + "AND scope <> 'app' AND deleted_at IS " + (deleted ? "NOT NULL" : "NULL")
            + (owner.appId().isPresent() ? " AND app_id = :app" : "")
            + " AND id > :after ORDER BY id LIMIT :limit")
        .bind("ws", owner.workspaceId()).bind("after", after).bind("limit", limit);
    owner.appId().ifPresent(a -> q.bind("app", a));
    return q.map((rs, x) -> map(rs)).list();
  }

  /** Registered (not deleted) webhooks of a workspace whose URL contains {@code part} ('_' matches any character). */
  List<StoredWebhook> withUrlContaining(Handle h, String workspaceId, String part) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = :ws"
            + " AND deleted_at IS NULL AND url LIKE :like ORDER BY id")
        .bind("ws", workspaceId).bind("like", "%" + part.replace("%", "") + "%")
        .map((rs, ctx) -> map(rs)).list();
  }

  /** Enabled, not deleted webhooks of a scope, in a workspace whose webhook switch is on. */
  List<Webhook> active(Handle h, String workspaceId, String scope) {
    return h.createQuery("SELECT " + prefixed() + " FROM webhooks w JOIN workspaces s ON s.id = w.workspace_id "
            + "WHERE w.workspace_id = :ws AND s.webhooks_enabled = TRUE AND w.enabled = TRUE "
            + "AND w.deleted_at IS NULL AND w.scope = :scope ORDER BY w.id")
        .bind("ws", workspaceId).bind("scope", scope).map((rs, x) -> map(rs).webhook()).list();
  }

  /** An app's registered (not deleted) webhooks, in id order. */
  List<StoredWebhook> ofApp(Handle h, String appId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE app_id = :app AND scope = 'app'"
            + " AND deleted_at IS NULL ORDER BY id")
        .bind("app", appId).map((rs, x) -> map(rs)).list();
  }

  /**
   * The enabled webhooks these apps registered, when the webhook switch of the workspace whose
   * event they would hear is on.
   */
  List<Webhook> activeOfApps(Handle h, Collection<String> appIds, String eventWorkspaceId) {
    if (appIds.isEmpty()) return List.of();
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE app_id IN (<apps>)"
            + " AND scope = 'app' AND enabled = TRUE AND deleted_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM workspaces s WHERE s.id = :ws AND s.webhooks_enabled = TRUE)"
            + " ORDER BY id")
        .bindList("apps", List.copyOf(appIds)).bind("ws", eventWorkspaceId)
        .map((rs, x) -> map(rs).webhook()).list();
  }

  /** Enabled, not deleted decision webhooks of a workspace (for the one-per-source rule). */
  List<Webhook> enabledOfScope(Handle h, String workspaceId, String scope) {
    return h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = :ws "
            + "AND enabled = TRUE AND deleted_at IS NULL AND scope = :scope ORDER BY id")
        .bind("ws", workspaceId).bind("scope", scope).map((rs, x) -> map(rs).webhook()).list();
  }

  /**
   * Seals the header values of rows written in clear by a version before sealing. A row
   * changed meanwhile (sealed by its writer, or by another node's start) is left alone.
   */
  int sealClearHeaders(Handle h) {
    List<Map.Entry<String, String>> rows = h.createQuery("SELECT id, headers FROM webhooks"
            + " WHERE headers LIKE '{%' AND headers <> :none")
        .bind("none", CustomHeaders.NONE)
        .map((rs, x) -> Map.entry(rs.getString("id"), rs.getString("headers"))).list();
    int sealed = 0;
    for (Map.Entry<String, String> r : rows) {
      sealed += h.createUpdate("UPDATE webhooks SET headers = :sealed WHERE id = :id AND headers = :clear")
          .bind("sealed", headers.seal(r.getKey(), headers.open(r.getKey(), r.getValue())))
          .bind("id", r.getKey()).bind("clear", r.getValue()).execute();
    }
    return sealed;
  }

  private static String prefixed() {
    StringBuilder b = new StringBuilder();
    for (String c : COLUMNS.split(", ")) b.append(b.isEmpty() ? "" : ", ").append("w.").append(c);
    return b.toString();
  }

  private Map<String, Object> fields(Webhook w) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("scope", w.scope());
    m.put("url", w.url());
    m.put("description", w.description());
    m.put("events", Json.write(mapper, w.events()));
    m.put("sources", Json.write(mapper, w.sources()));
    m.put("private", w.privatePayload());
    m.put("headers", headers.seal(w.id(), w.headers()));
    m.put("enabled", w.enabled());
    m.put("timeout", w.timeoutMs());
    m.put("retry", Json.write(mapper, RetrySchedule.format(w.retrySchedule())));
    m.put("filters", w.appFilters() == null ? null : Json.write(mapper, w.appFilters()));
    return m;
  }

  private StoredWebhook map(ResultSet rs) throws SQLException {
    List<Duration> retry = new ArrayList<>();
    for (String s : read(rs.getString("retry_schedule"), new TypeReference<List<String>>() {})) {
      retry.add(RetrySchedule.parse(s).orElseThrow());
    }
    Webhook w = new Webhook(rs.getString("id"), rs.getString("workspace_id"), rs.getString("app_id"),
        rs.getString("scope"), rs.getString("url"), rs.getString("description"),
        read(rs.getString("events"), new TypeReference<List<String>>() {}),
        read(rs.getString("sources"), new TypeReference<List<String>>() {}),
        rs.getBoolean("private_payload"),
        headers.open(rs.getString("id"), rs.getString("headers")),
        rs.getBoolean("enabled"), rs.getInt("timeout_ms"), retry,
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("deleted_at")),
        rs.getString("app_filters") == null ? null
            : read(rs.getString("app_filters"), new TypeReference<AppFilters>() {}));
    return new StoredWebhook(w, rs.getString("secret"), rs.getString("previous_secret"),
        instant(rs.getTimestamp("previous_secret_until")), rs.getString("disabled_reason"),
        instant(rs.getTimestamp("updated_at")), rs.getString("deleted_by"));
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable webhook column", e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
