package dev.hookdesk.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.BeforeCommit;
import dev.hookdesk.store.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

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

  /** {@code background}: where the NOTIFYs after commits go, off the writers' connections. */
  public EventLog(Jdbi jdbi, Jdbi background, Dialect dialect, ObjectMapper mapper, Ids ids,
      Clock clock, EventCatalog catalog) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.nextSequence = dialect.incrementReturning("workspaces", "event_sequence", "id");
    this.mapper = Objects.requireNonNull(mapper);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.catalog = Objects.requireNonNull(catalog);
    this.notices = new CommitNotices(background, dialect, CHANNEL);
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
  public long lastSequence(Handle h, String workspaceId) {
    return h.createQuery("SELECT COALESCE(MAX(sequence), 0) FROM events WHERE workspace_id = :ws")
        .bind("ws", workspaceId).mapTo(Long.class).one();
  }

  /**
   * Refuses a client's write to the workspace before any of its work ({@code Busy}) while the
   * line of this node's writers waiting for the workspace's sequence is full.
   */
  public void admit(String workspaceId) {
    turns.admit(workspaceId);
  }

  /** This node's writers waiting for the workspace's sequence. */
  int waiting(String workspaceId) {
    return turns.waiting(workspaceId);
  }

  /**
   * Appends an event in the caller's transaction now, sequence and all: for a caller that needs
   * the event's sequence before its transaction ends. Others use {@link #appendAtCommit}.
   */
  public Event append(Handle h, EventDraft draft) {
    Pending p = pending(h, draft, e -> {});
    write(h, List.of(p));
    return p.event;
  }

  /**
   * Appends an event in the caller's transaction, which writes it (with any others it appends)
   * last, just before it commits; {@code sequenced} is then told the event, sequence and all,
   * still in the transaction. Without a transaction of the node's database it is written now.
   */
  public void appendAtCommit(Handle h, EventDraft draft, Consumer<Event> sequenced) {
    Pending p = pending(h, draft, sequenced);
    BeforeCommit.get(h, this, Batch::new).ifPresentOrElse(b -> b.pending.add(p),
        () -> write(h, List.of(p)));
  }

  public void appendAtCommit(Handle h, EventDraft draft) {
    appendAtCommit(h, draft, e -> {});
  }

  private final class Batch implements Consumer<Handle> {
    final List<Pending> pending = new ArrayList<>();

    @Override
    public void accept(Handle h) {
      write(h, pending);
    }
  }

  private static final class Pending {
    final String id;
    final Instant at;
    final EventDraft draft;
    final Consumer<Event> sequenced;
    Event event;

    Pending(String id, Instant at, EventDraft draft, Consumer<Event> sequenced) {
      this.id = id;
      this.at = at;
      this.draft = draft;
      this.sequenced = sequenced;
    }
  }

  private Pending pending(Handle h, EventDraft draft, Consumer<Event> sequenced) {
    catalog.require(draft.type());
    Pending p = new Pending(ids.next("evt"), clock.instant(), draft, sequenced);
    h.createUpdate("INSERT INTO fanout_queue (event_id, workspace_id, created_at) VALUES (:id, :ws, :at)")
        .bind("id", p.id).bind("ws", draft.workspaceId()).bind("at", p.at).execute();
    return p;
  }

  /**
   * Taking the sequence locks the workspace row until commit, so sequences follow commit order
   * and a reader paging by sequence never sees a gap fill in later. Every writer of the
   * workspace queues for that lock (first in this node's turns), so a transaction takes it
   * once for all its events of the workspace, and as late as it can: one statement for the
   * event rows and the commit follow.
   */
  private void write(Handle h, List<Pending> pending) {
    Map<String, List<Pending>> byWorkspace = new LinkedHashMap<>();
    for (Pending p : pending) byWorkspace.computeIfAbsent(p.draft.workspaceId(), k -> new ArrayList<>()).add(p);
    for (var entry : byWorkspace.entrySet()) {
      String workspaceId = entry.getKey();
      List<Pending> events = entry.getValue();
      turns.take(h, workspaceId);
      long last = h.createQuery(nextSequence).bind("id", workspaceId).bind("n", events.size())
          .mapTo(Long.class).one();
      PreparedBatch insert = h.prepareBatch("""
          INSERT INTO events (id, workspace_id, sequence, type, occurred_at, source, body)
          VALUES (:id, :ws, :seq, :type, :at, :source, :body)""");
      long sequence = last - events.size();
      for (Pending p : events) {
        EventDraft d = p.draft;
        p.event = new Event(p.id, d.type(), p.at, workspaceId, ++sequence, d.actor(), d.data(), d.source());
        insert.bind("id", p.id).bind("ws", workspaceId).bind("seq", sequence)
            .bind("type", d.type()).bind("at", p.at).bind("source", d.source())
            .bind("body", Json.write(mapper, p.event)).add();
      }
      insert.execute();
      h.afterCommit(() -> {
        commitListeners.forEach(Runnable::run);
        workspaceListeners.forEach(l -> l.accept(workspaceId));
        notices.committed(workspaceId);
      });
    }
    for (Pending p : pending) p.sequenced.accept(p.event);
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
    return jdbi.withHandle(h -> list(h, workspaceId, type, afterSequence, limit));
  }

  /** {@link #list(String, Optional, long, int)} on the caller's handle. */
  public Page.Result<Event> list(Handle h, String workspaceId, Optional<String> type,
      long afterSequence, int limit) {
    List<Event> rows = h.createQuery("SELECT body, source FROM events "
            + "WHERE workspace_id = :ws AND sequence > :after"
            + (type.isPresent() ? " AND type = :type" : "")
            + " ORDER BY sequence LIMIT :limit")
        .bind("ws", workspaceId).bind("after", afterSequence).bind("type", type.orElse(null))
        .bind("limit", limit + 1)
        .map((rs, ctx) -> parse(rs.getString("body"), rs.getString("source"))).list();
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
