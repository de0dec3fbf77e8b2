package dev.hookdesk.desk.queues;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.StillReferenced;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Ticket queues. The spec names no queue events, so none are emitted. */
public final class QueueService {
  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;

  public QueueService(Jdbi jdbi, Ids ids, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  public Queue create(String workspaceId, String name) {
    Objects.requireNonNull(name);
    return jdbi.inTransaction(h -> {
      String id = ids.next("que");
      h.createUpdate("INSERT INTO queues (id, workspace_id, name, created_at) VALUES (:id, :ws, :name, :at)")
          .bind("id", id).bind("ws", workspaceId).bind("name", name).bind("at", clock.instant())
          .execute();
      return get(h, workspaceId, id);
    });
  }

  public Queue rename(String workspaceId, String id, String name) {
    Objects.requireNonNull(name);
    return jdbi.inTransaction(h -> {
      get(h, workspaceId, id);
      h.createUpdate("UPDATE queues SET name = :name WHERE id = :id")
          .bind("name", name).bind("id", id).execute();
      return get(h, workspaceId, id);
    });
  }

  /** Deletes a queue; one that still holds tickets is a 409 (their foreign key refuses it). */
  public void delete(String workspaceId, String id) {
    StillReferenced.orConflict(() -> jdbi.useTransaction(h -> {
      get(h, workspaceId, id);
      h.createUpdate("DELETE FROM queues WHERE id = :id").bind("id", id).execute();
    }), "Queue " + id + " still holds tickets; move them to another queue first");
  }

  public Queue get(String workspaceId, String id) {
    return jdbi.withHandle(h -> get(h, workspaceId, id));
  }

  public Queue get(Handle h, String workspaceId, String id) {
    return find(h, workspaceId, id).orElseThrow(() -> new NotFound("Queue", id));
  }

  public Optional<Queue> find(Handle h, String workspaceId, String id) {
    return h.createQuery("SELECT id, name, created_at FROM queues WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, ctx) -> map(rs)).findOne();
  }

  public Page.Result<Queue> list(String workspaceId, Page page) {
    List<Queue> rows = jdbi.withHandle(h -> h.createQuery("SELECT id, name, created_at FROM queues "
            + "WHERE workspace_id = :ws AND id > :after ORDER BY id LIMIT :limit")
        .bind("ws", workspaceId).bind("after", page.cursor().orElse(""))
        .bind("limit", page.limit() + 1).map((rs, ctx) -> map(rs)).list());
    return Page.Result.of(rows, page.limit(), Queue::id);
  }

  private static Queue map(ResultSet rs) throws SQLException {
    return new Queue(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant());
  }
}
