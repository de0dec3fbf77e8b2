package dev.hookdesk.decisions;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/** {@code GET /decision-schemas} and {@code GET /decision-schemas/{name}}: what services answer. */
public final class DecisionSchemaRoutes implements Routes {
  private final ResponseSchemas schemas;

  public DecisionSchemaRoutes(ResponseSchemas schemas) {
    this.schemas = Objects.requireNonNull(schemas);
  }

  @Override
  public void register(Router r) {
    r.get("/decision-schemas", Access.DESK,
        c -> c.ok(Page.Result.slice(schemas.all(), c.page(), ResponseSchemas.Published::name)));
    r.get("/decision-schemas/{name}", Access.DESK, c -> c.ok(schemas.get(c.path("name"))));
  }
}
