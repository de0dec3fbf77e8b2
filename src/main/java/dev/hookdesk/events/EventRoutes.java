package dev.hookdesk.events;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.events.catalog.EventCatalog;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /events} and {@code GET /events/{id}}: reading the event log. */
public final class EventRoutes implements Routes {
  private final EventLog log;
  private final EventCatalog catalog;

  public EventRoutes(EventLog log, EventCatalog catalog) {
    this.log = Objects.requireNonNull(log);
    this.catalog = Objects.requireNonNull(catalog);
  }

  @Override
  public void register(Router r) {
    r.get("/events", Access.DESK, this::list);
    r.get("/events/{id}", Access.DESK, c -> c.ok(log.get(c.workspaceId(), c.path("id"))));
  }

  private void list(Call c) {
    var page = c.page();
    Optional<String> type = c.query("type");
    if (type.isPresent() && catalog.find(type.get()).isEmpty()) {
      throw new Invalid("type", "'" + type.get() + "' is not an event type; see GET /event-types");
    }
    // ?after= is the documented name; ?cursor= (from next_cursor) means the same.
    String after = c.query("after").or(page::cursor).orElse("0");
    long seq;
    try {
      seq = Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw new Invalid("after", "must be an event sequence number (a whole number)");
    }
    c.ok(log.list(c.workspaceId(), type, seq, page.limit()));
  }
}
