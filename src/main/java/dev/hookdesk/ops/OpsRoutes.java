package dev.hookdesk.ops;

import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Objects;

/** {@code GET /health} and {@code GET /metrics} (Prometheus text). */
public final class OpsRoutes implements Routes {
  private final PrometheusMeterRegistry registry;

  public OpsRoutes(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public void register(Router r) {
    r.raw().get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    r.raw().get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(registry.scrape()));
  }
}
