package dev.hookdesk.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import dev.hookdesk.store.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * Events as other features read them in their own transactions, so that only this package
 * names the {@code events} and {@code fanout_queue} tables: by id, joined to another table's
 * rows in that table's query (the delivery claim reads its rows and their events in one
 * statement), or taken from the fan-out queue, which {@link EventLog} fills in each event's
 * transaction.
 */
public final class EventReader {
  /** The columns {@link #read} reads, for a query that {@link #join joins} its rows to their event. */
  public static final String COLUMNS = "ev.body AS event_body, ev.source AS event_source";

  private final EventLog log;
  private final Dialect dialect;

  public EventReader(EventLog log, Dialect dialect) {
    this.log = Objects.requireNonNull(log);
    this.dialect = Objects.requireNonNull(dialect);
  }

  /** {@code JOIN events ...} on the column holding each row's event id. */
  public static String join(String eventIdColumn) {
    return "JOIN events ev ON ev.id = " + eventIdColumn;
  }

  /** The event of a row of a query that selected {@link #COLUMNS}. */
  public Event read(ResultSet rs) throws SQLException {
    return log.parse(rs.getString("event_body"), rs.getString("event_source"));
  }

  /**
   * Up to {@code limit} of the oldest events still to be fanned out, their queue rows locked
   * until this transaction ends (rows another node has locked are skipped). The caller marks
   * them {@link #fannedOut} in the same transaction, so each event is fanned out exactly once.
   */
  public List<Event> toFanOut(Handle h, int limit) {
    // event ids sort by creation time: the primary key gives the oldest first
    List<String> ids = dialect.lockFirst(h, "fanout_queue", "event_id", "TRUE",
        "event_id", limit, q -> { });
    return byIds(h, ids);
  }

  /** Takes these events off the fan-out queue. */
  public void fannedOut(Handle h, Collection<String> ids) {
    if (ids.isEmpty()) return;
    h.createUpdate("DELETE FROM fanout_queue WHERE event_id IN (<ids>)")
        .bindList("ids", List.copyOf(ids)).execute();
  }

  /** The events with these ids, in no particular order. */
  public List<Event> byIds(Handle h, Collection<String> ids) {
    if (ids.isEmpty()) return List.of();
    return h.createQuery("SELECT body, source FROM events WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> log.parse(rs.getString("body"), rs.getString("source"))).list();
  }
}
