package dev.hookdesk.desk.sources;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/** {@code /sources}: the chat sources of a workspace. */
public final class SourceRoutes implements Routes {
  private final SourceService sources;

  public SourceRoutes(SourceService sources) {
    this.sources = Objects.requireNonNull(sources);
  }

  @Override
  public void register(Router r) {
    r.post("/sources", Access.ADMIN, this::create);
    r.get("/sources", Access.DESK,
        c -> c.ok(Page.Result.slice(sources.list(c.workspaceId()), c.page(), Source::key)));
    r.get("/sources/{key}", Access.DESK, c -> c.ok(sources.list(c.workspaceId()).stream()
        .filter(s -> s.key().equals(c.path("key"))).findFirst()
        .orElseThrow(() -> new NotFound("Source", c.path("key")))));
  }

  private void create(Call c) {
    var b = c.body().allow("key", "name");
    String key = b.string("key", 64);
    String name = b.string("name", 200);
    if (key != null && !key.matches("[a-z0-9][a-z0-9_]*")) {
      b.error("key", "use lower-case letters, digits and underscores, like website or mobile_app");
    }
    b.done();
    c.created(sources.create(c.workspaceId(), key, name));
  }
}
