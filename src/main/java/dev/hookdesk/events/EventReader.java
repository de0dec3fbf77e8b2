package dev.hookdesk.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Events as other features read them in their own transactions, so that only this package
 * names the {@code events} table: by id, or joined to another table's rows in that table's
 * query (the delivery claim reads its rows and their events in one statement).
 */
public final class EventReader {
  /** The columns {@link #read} reads, for a query that {@link #join joins} its rows to their event. */
  public static final String COLUMNS = "ev.body AS event_body, ev.source AS event_source";

  private final EventLog log;

  public EventReader(EventLog log) {
    this.log = Objects.requireNonNull(log);
  }

  /** {@code JOIN events ...} on the column holding each row's event id. */
  public static String join(String eventIdColumn) {
    return "JOIN events ev ON ev.id = " + eventIdColumn;
  }

  /** The event of a row of a query that selected {@link #COLUMNS}. */
  public Event read(ResultSet rs) throws SQLException {
    return log.parse(rs.getString("event_body"), rs.getString("event_source"));
  }

  /** The events with these ids, in no particular order. */
  public List<Event> byIds(Handle h, Collection<String> ids) {
    if (ids.isEmpty()) return List.of();
    return h.createQuery("SELECT body, source FROM events WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> log.parse(rs.getString("body"), rs.getString("source"))).list();
  }
}
