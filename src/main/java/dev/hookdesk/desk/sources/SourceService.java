package dev.hookdesk.desk.sources;

import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Chat sources: the channels chats come from, which webhooks can filter on. */
public final class SourceService {
  private final Jdbi jdbi;
  private final Clock clock;

  public SourceService(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.clock = Objects.requireNonNull(clock);
  }

  public Source create(String workspaceId, String key, String name) {
    return jdbi.inTransaction(h -> {
      if (find(h, workspaceId, key).isPresent()) {
        throw new Conflict("A source with key '" + key + "' already exists");
      }
      h.createUpdate("INSERT INTO sources (workspace_id, source_key, name, created_at) "
              + "VALUES (:ws, :key, :name, :at)")
          .bind("ws", workspaceId).bind("key", key).bind("name", name).bind("at", clock.instant())
          .execute();
      return find(h, workspaceId, key).orElseThrow();
    });
  }

  public List<Source> list(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT source_key FROM sources "
            + "WHERE workspace_id = :ws ORDER BY source_key")
        .bind("ws", workspaceId).mapTo(String.class).list().stream()
        .map(key -> find(h, workspaceId, key).orElseThrow()).toList());
  }

  public Optional<Source> find(Handle h, String workspaceId, String key) {
    List<String> origins = origins(h, workspaceId, key);
    return h.createQuery("SELECT source_key, name, created_at FROM sources "
            + "WHERE workspace_id = :ws AND source_key = :key")
        .bind("ws", workspaceId).bind("key", key)
        .map((rs, x) -> new Source(rs.getString(1), rs.getString(2), origins,
            rs.getTimestamp(3).toInstant()))
        .findOne();
  }

  public Optional<Source> find(String workspaceId, String key) {
    return jdbi.withHandle(h -> find(h, workspaceId, key));
  }

  /** Replaces the sites allowed to embed the widget for the source (already normalized origins). */
  public Source allowOrigins(String workspaceId, String key, List<String> origins) {
    return jdbi.inTransaction(h -> {
      require(h, workspaceId, "key", key);
      h.createUpdate("DELETE FROM source_origins WHERE workspace_id = :ws AND source_key = :key")
          .bind("ws", workspaceId).bind("key", key).execute();
      for (String origin : new java.util.LinkedHashSet<>(origins)) {
        h.createUpdate("INSERT INTO source_origins (workspace_id, source_key, origin) "
                + "VALUES (:ws, :key, :origin)")
            .bind("ws", workspaceId).bind("key", key).bind("origin", origin).execute();
      }
      return find(h, workspaceId, key).orElseThrow();
    });
  }

  /** Whether any source of any workspace lets this origin embed the widget (CORS preflights carry no workspace). */
  public boolean allowedAnywhere(String origin) {
    return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM source_origins WHERE origin = :o LIMIT 1")
        .bind("o", origin).mapTo(Integer.class).findOne().isPresent());
  }

  private static List<String> origins(Handle h, String workspaceId, String key) {
    return h.createQuery("SELECT origin FROM source_origins WHERE workspace_id = :ws "
            + "AND source_key = :key ORDER BY origin")
        .bind("ws", workspaceId).bind("key", key).mapTo(String.class).list();
  }

  /** The source a request names; an unknown key is a 422 on {@code field}. */
  public Source require(Handle h, String workspaceId, String field, String key) {
    return find(h, workspaceId, key).orElseThrow(() -> new Invalid(field,
        "'" + key + "' is not a chat source of this workspace; create it with POST /sources"));
  }

  public boolean exists(String workspaceId, String key) {
    return jdbi.withHandle(h -> find(h, workspaceId, key).isPresent());
  }
}
