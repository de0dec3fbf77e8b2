package dev.hookdesk.apps;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.http.Page;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The app registry ({@code apps}): apps published by a workspace, with client credentials
 * whose secret is kept only as a SHA-256 hash.
 */
public final class Apps {
  private static final String COLUMNS = "id, workspace_id, name, description, homepage_url, "
      + "redirect_uris, scopes, client_id, created_at, updated_at";
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper mapper;

  public Apps(Jdbi jdbi, Ids ids, Clock clock, ObjectMapper mapper) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.mapper = Objects.requireNonNull(mapper);
  }

  App.WithSecret register(String workspaceId, AppForm.Draft d) {
    String id = ids.next("app");
    String clientId = "cli_" + random(18);
    String secret = "hdcs_" + random(32);
    Instant now = clock.instant();
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO apps (" + COLUMNS + ", secret_hash) VALUES "
            + "(:id, :ws, :name, :description, :homepage, :uris, :scopes, :client, :now, :now, :hash)")
        .bind("id", id).bind("ws", workspaceId).bind("name", d.name())
        .bind("description", d.description()).bind("homepage", d.homepageUrl())
        .bind("uris", Json.write(mapper, d.redirectUris())).bind("scopes", Json.write(mapper, d.scopes()))
        .bind("client", clientId).bind("now", now).bind("hash", SecretDigest.of(secret)).execute());
    return App.WithSecret.of(get(workspaceId, id), secret);
  }

  /** An app published by this workspace. */
  public App get(String workspaceId, String id) {
    return find(id).filter(a -> a.workspaceId().equals(workspaceId))
        .orElseThrow(() -> new NotFound("App", id));
  }

  /** Any registered app, whoever publishes it. */
  public Optional<App> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM apps WHERE id = :id"
            + " AND deleted_at IS NULL").bind("id", id).map(this::map).findOne());
  }

  Optional<App> byClientId(String clientId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM apps WHERE client_id = :c"
            + " AND deleted_at IS NULL").bind("c", clientId).map(this::map).findOne());
  }

  /** The app whose client credentials these are, if they are right (compared by hash, in constant time). */
  public Optional<App> authenticate(String clientId, String secret) {
    if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > 200) {
      return Optional.empty();
    }
    Optional<String> hash = jdbi.withHandle(h -> h.createQuery("SELECT secret_hash FROM apps"
            + " WHERE client_id = :c AND deleted_at IS NULL").bind("c", clientId)
        .mapTo(String.class).findOne());
    if (hash.isEmpty() || !MessageDigest.isEqual(hash.get().getBytes(), SecretDigest.of(secret).getBytes())) {
      return Optional.empty();
    }
    return byClientId(clientId);
  }

  /** The app itself, by its client credentials: role app in the workspace that publishes it. */
  public Optional<dev.hookdesk.http.Principal> client(String clientId, String secret) {
    return authenticate(clientId, secret).map(a -> new dev.hookdesk.http.Principal(a.clientId(),
        a.workspaceId(), dev.hookdesk.http.Role.APP, false, Optional.of(a.id())));
  }

  public Page.Result<App> list(String workspaceId, Page page) {
    List<App> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM apps"
            + " WHERE workspace_id = :ws AND deleted_at IS NULL AND id > :after ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse("")).bind("limit", page.limit() + 1)
        .map(this::map).list());
    return Page.Result.of(rows, page.limit(), App::id);
  }

  App update(String workspaceId, String id, AppForm.Draft d) {
    App a = get(workspaceId, id);
    jdbi.useHandle(h -> h.createUpdate("UPDATE apps SET name = :name, description = :description,"
            + " homepage_url = :homepage, redirect_uris = :uris, scopes = :scopes, updated_at = :now"
            + " WHERE id = :id")
        .bind("id", id).bind("name", d.name() != null ? d.name() : a.name())
        .bind("description", d.description() != null ? d.description() : a.description())
        .bind("homepage", d.homepageUrl() != null ? d.homepageUrl() : a.homepageUrl())
        .bind("uris", Json.write(mapper, d.redirectUris() != null ? d.redirectUris() : a.redirectUris()))
        .bind("scopes", Json.write(mapper, d.scopes() != null ? d.scopes() : a.scopes()))
        .bind("now", clock.instant()).execute());
    return get(workspaceId, id);
  }

  /** Marks the app deleted; the caller uninstalls it everywhere in the same transaction. */
  void delete(Handle h, String workspaceId, String id) {
    int n = h.createUpdate("UPDATE apps SET deleted_at = :now WHERE id = :id AND workspace_id = :ws"
            + " AND deleted_at IS NULL")
        .bind("now", clock.instant()).bind("id", id).bind("ws", workspaceId).execute();
    if (n == 0) throw new NotFound("App", id);
  }

  App.WithSecret rotateSecret(String workspaceId, String id) {
    get(workspaceId, id);
    String secret = "hdcs_" + random(32);
    jdbi.useHandle(h -> h.createUpdate("UPDATE apps SET secret_hash = :hash, updated_at = :now WHERE id = :id")
        .bind("hash", SecretDigest.of(secret)).bind("now", clock.instant()).bind("id", id).execute());
    return App.WithSecret.of(get(workspaceId, id), secret);
  }

  private String random(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(bytes));
  }

  private App map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
    return new App(rs.getString("id"), rs.getString("workspace_id"), rs.getString("name"),
        rs.getString("description"), rs.getString("homepage_url"), list(rs.getString("redirect_uris")),
        list(rs.getString("scopes")), rs.getString("client_id"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  List<String> list(String json) {
    return mapper.convertValue(Json.read(mapper, json), new TypeReference<List<String>>() {});
  }
}
