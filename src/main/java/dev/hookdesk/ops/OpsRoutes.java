package dev.hookdesk.ops;

import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /health} — 200 {@code {"status":"ok"}} while the database answers, else 503
 * {@code {"status":"unavailable","database":"…"}} — and {@code GET /metrics} (Prometheus text).
 */
public final class OpsRoutes implements Routes {
  private final PrometheusMeterRegistry registry;
  private final DatabaseProbe database;

  public OpsRoutes(PrometheusMeterRegistry registry, Database database) {
    this.registry = Objects.requireNonNull(registry);
    this.database = new DatabaseProbe(database);
  }

  @Override
  public void register(Router r) {
    r.raw().get("/health", ctx -> database.problem().ifPresentOrElse(
        why -> ctx.status(503).json(Map.of("status", "unavailable", "database", why)),
        () -> ctx.json(Map.of("status", "ok"))));
    r.raw().get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(registry.scrape()));
  }
}
