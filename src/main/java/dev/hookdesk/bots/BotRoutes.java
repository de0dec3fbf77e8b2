package dev.hookdesk.bots;

import dev.hookdesk.delivery.BotCalls;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /agents/{id}/secret} (reveal a bot's signing secret), {@code PUT /agents/{id}/sources},
 * {@code GET /agents/{id}/deliveries?status=} (the bot's calls, newest first, admins only; each
 * with its attempts at {@code GET /deliveries/{id}}).
 */
public final class BotRoutes implements Routes {
  private final BotSettings bots;
  private final BotCalls calls;

  public BotRoutes(BotSettings bots, BotCalls calls) {
    this.bots = Objects.requireNonNull(bots);
    this.calls = Objects.requireNonNull(calls);
  }

  @Override
  public void register(Router r) {
    r.get("/agents/{id}/secret", Access.ADMIN, c -> c.ok(bots.secret(c.workspaceId(), c.path("id"))));
    r.put("/agents/{id}/sources", Access.ADMIN, this::sources);
    r.get("/agents/{id}/deliveries", Access.ADMIN, this::deliveries);
  }

  private void deliveries(Call c) {
    bots.requireBot(c.workspaceId(), c.path("id"));
    c.ok(calls.list(c.path("id"), c.query("status"), c.page()));
  }

  private void sources(Call c) {
    JsonBody b = c.body().allow("sources");
    List<String> sources = b.stringList("sources", 50, 64);
    b.done();
    c.ok(bots.setSources(c.workspaceId(), c.path("id"), List.copyOf(new java.util.LinkedHashSet<>(sources))));
  }
}
