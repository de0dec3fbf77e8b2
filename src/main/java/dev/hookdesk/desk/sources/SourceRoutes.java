package dev.hookdesk.desk.sources;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code /sources}: the chat sources of a workspace. */
public final class SourceRoutes implements Routes {
  static final int MAX_ORIGINS = 50;

  private final SourceService sources;
  private final SourceIdentity identity;

  public SourceRoutes(SourceService sources, SourceIdentity identity) {
    this.sources = Objects.requireNonNull(sources);
    this.identity = Objects.requireNonNull(identity);
  }

  @Override
  public void register(Router r) {
    r.post("/sources", Access.ADMIN, this::create);
    r.get("/sources", Access.DESK,
        c -> c.ok(Page.Result.slice(sources.list(c.workspaceId()), c.page(), Source::key)));
    r.get("/sources/{key}", Access.DESK, c -> c.ok(sources.list(c.workspaceId()).stream()
        .filter(s -> s.key().equals(c.path("key"))).findFirst()
        .orElseThrow(() -> new NotFound("Source", c.path("key")))));
    r.patch("/sources/{key}", Access.ADMIN, this::update);
    r.get("/sources/{key}/identity-secret", Access.ADMIN,
        c -> c.ok(identity.read(c.workspaceId(), existing(c))));
    r.post("/sources/{key}/identity-secret/rotate", Access.ADMIN,
        c -> c.ok(identity.rotate(c.workspaceId(), existing(c))));
  }

  private String existing(Call c) {
    String key = c.path("key");
    sources.find(c.workspaceId(), key).orElseThrow(() -> new NotFound("Source", key));
    return key;
  }

  private void update(Call c) {
    String key = existing(c);
    var b = c.body().allow("allowed_origins");
    List<String> given = b.stringList("allowed_origins", MAX_ORIGINS, 200);
    if (!b.has("allowed_origins")) b.error("allowed_origins", "is required: the sites that may embed the chat widget");
    List<String> origins = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String raw = given.get(i);
      int at = i;
      Origins.normalize(raw).ifPresentOrElse(origins::add, () -> b.error("allowed_origins[" + at + "]",
          "'" + raw + "' is not an origin; write scheme, host and port only, like https://shop.example"));
    }
    b.done();
    c.ok(sources.allowOrigins(c.workspaceId(), key, origins));
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
