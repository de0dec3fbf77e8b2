package dev.hookdesk.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only event log. Services append inside their own transaction, so an event
 * exists if and only if the change that caused it committed. Each append also queues the
 * event for fan-out to webhooks in that same transaction.
 */
public final class EventLog implements AutoCloseable {
  /** PostgreSQL channel told the workspace id of every commit that appended events. */
  public static final String CHANNEL = "hookdesk_events";

  private final Jdbi jdbi;
  private final String nextSequence;
  private final WorkspaceTurns turns = new WorkspaceTurns();
  private final CommitNotices notices;
  private final ObjectMapper mapper;
  private final Ids ids;
  private final Clock clock;
  private final EventCatalog catalog;
  private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> workspaceListeners = new CopyOnWriteArrayList<>();

  public EventLog(Jdbi jdbi, Dialect dialect, ObjectMapper mapper, Ids ids, Clock clock,
      EventCatalog catalog) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.nextSequence = dialect.incrementReturning("workspaces", "event_sequence", "id");
    this.mapper = Objects.requireNonNull(mapper);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.catalog = Objects.requireNonNull(catalog);
    this.notices = new CommitNotices(jdbi, dialect, CHANNEL);
  }

  /** Called after a transaction that appended events commits (wakes the fan-out). */
  public void onCommit(Runnable listener) {
    commitListeners.add(listener);
  }

  /**
   * Called with the workspace id after a transaction that appended its events commits on this
   * node; other nodes hear of it on {@link #CHANNEL}, soon after.
   */
  public void onWorkspaceCommit(Consumer<String> listener) {
    workspaceListeners.add(listener);
  }

  /** The sequence of the workspace's last committed event (0 when none): where a live reader starts. */
  public long lastSequence(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE workspace_id = :ws")
        .bind("ws", workspaceId).mapTo(Long.class).one());
  }

  /** Appends an event in the caller's transaction; the per-workspace sequence orders them. */
  public Event append(Handle h, EventDraft draft) {
    catalog.require(draft.type());
    Instant now = clock.instant();
    String id = ids.next("evt");
    h.createUpdate("INSERT INTO fanout_queue (event_id, workspace_id, created_at) VALUES (:id, :ws, :at)")
        .bind("id", id).bind("ws", draft.workspaceId()).bind("at", now).execute();
    // Taking the sequence locks the workspace row until commit, so sequences follow commit
    // order and a reader paging by sequence never sees a gap fill in later. Every writer of
    // the workspace queues for that lock (first in this node's turns): only one statement
    // for the event row and the commit follow it.
    turns.take(h, draft.workspaceId());
    long sequence = h.createQuery(nextSequence).bind("id", draft.workspaceId())
        .mapTo(Long.class).one();
    Event event = new Event(id, draft.type(), now, draft.workspaceId(), sequence,
        draft.actor(), draft.data(), draft.source());
    h.createUpdate("""
        INSERT INTO events (id, workspace_id, sequence, type, occurred_at, source, body)
        VALUES (:id, :ws, :seq, :type, :at, :source, :body)""")
        .bind("id", event.id()).bind("ws", event.workspaceId()).bind("seq", sequence)
        .bind("type", event.type()).bind("at", now).bind("source", event.source())
        .bind("body", Json.write(mapper, event)).execute();
    h.afterCommit(() -> {
      commitListeners.forEach(Runnable::run);
      workspaceListeners.forEach(l -> l.accept(event.workspaceId()));
      notices.committed(event.workspaceId());
    });
    return event;
  }

  public Optional<Event> find(String workspaceId, String id) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT body, source FROM events WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId)
        .map((rs, ctx) -> parse(rs.getString("body"), rs.getString("source"))).findOne());
  }

  public Event get(String workspaceId, String id) {
    return find(workspaceId, id).orElseThrow(() -> new NotFound("Event", id));
  }

  /** Events of a workspace in sequence order, after a sequence, optionally of one type. */
  public Page.Result<Event> list(String workspaceId, Optional<String> type, long afterSequence, int limit) {
    List<Event> rows = jdbi.withHandle(h -> h.createQuery("SELECT body, source FROM events "
            + "WHERE workspace_id = :ws AND sequence > :after"
            + (type.isPresent() ? " AND type = :type" : "")
            + " ORDER BY sequence LIMIT :limit")
        .bind("ws", workspaceId).bind("after", afterSequence).bind("type", type.orElse(null))
        .bind("limit", limit + 1)
        .map((rs, ctx) -> parse(rs.getString("body"), rs.getString("source"))).list());
    return Page.Result.of(rows, limit, e -> Long.toString(e.sequence()));
  }

  @Override
  public void close() {
    notices.close();
  }

  /** Reads a stored envelope back. */
  public Event parse(String body, String source) {
    ObjectNode n = (ObjectNode) Json.read(mapper, body);
    var a = n.get("actor");
    Actor actor = new Actor(a.get("type").asText(), a.hasNonNull("id") ? a.get("id").asText() : null,
        a.get("via").asText());
    return new Event(n.get("id").asText(), n.get("type").asText(),
        Instant.parse(n.get("timestamp").asText()), n.get("workspace_id").asText(),
        n.get("sequence").asLong(), actor, (ObjectNode) n.get("data"), source);
  }
}
