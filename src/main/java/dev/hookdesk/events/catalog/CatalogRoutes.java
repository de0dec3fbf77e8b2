package dev.hookdesk.events.catalog;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;

/** {@code GET /event-types} and {@code GET /event-types/{type}}. */
public final class CatalogRoutes implements Routes {
  private final EventCatalog catalog;

  public CatalogRoutes(EventCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog);
  }

  @Override
  public void register(Router r) {
    r.get("/event-types", Access.DESK,
        c -> c.ok(Page.Result.slice(List.copyOf(catalog.all()), c.page(), EventType::type)));
    r.get("/event-types/{type}", Access.DESK, c -> c.ok(catalog.get(c.path("type"))));
  }
}
