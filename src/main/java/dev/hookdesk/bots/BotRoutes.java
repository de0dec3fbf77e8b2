package dev.hookdesk.bots;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;

/** {@code GET /agents/{id}/secret} (reveal a bot's signing secret), {@code PUT /agents/{id}/sources}. */
public final class BotRoutes implements Routes {
  private final BotSettings bots;

  public BotRoutes(BotSettings bots) {
    this.bots = Objects.requireNonNull(bots);
  }

  @Override
  public void register(Router r) {
    r.get("/agents/{id}/secret", Access.ADMIN, c -> c.ok(bots.secret(c.workspaceId(), c.path("id"))));
    r.put("/agents/{id}/sources", Access.ADMIN, this::sources);
  }

  private void sources(Call c) {
    JsonBody b = c.body().allow("sources");
    List<String> sources = b.stringList("sources", 50, 64);
    b.done();
    c.ok(bots.setSources(c.workspaceId(), c.path("id"), List.copyOf(new java.util.LinkedHashSet<>(sources))));
  }
}
