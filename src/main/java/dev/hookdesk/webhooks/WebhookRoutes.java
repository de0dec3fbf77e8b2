package dev.hookdesk.webhooks;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;
import java.util.Optional;

/** {@code /webhooks}: register, read, change, delete and restore, secrets, test sends. */
public final class WebhookRoutes implements Routes {
  private final WebhookManagement webhooks;
  private final WebhookRegistry registry;

  public WebhookRoutes(WebhookManagement webhooks, WebhookRegistry registry) {
    this.webhooks = Objects.requireNonNull(webhooks);
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public void register(Router r) {
    r.post("/webhooks", Access.WEBHOOKS, c -> c.created(webhooks.create(c.principal(), c.body().raw())));
    r.get("/webhooks", Access.WEBHOOKS, c -> c.ok(registry.list(c.principal(), false, c.page())));
    r.get("/webhooks/deleted", Access.WEBHOOKS, c -> c.ok(registry.list(c.principal(), true, c.page())));
    r.get("/webhooks/{id}", Access.WEBHOOKS, c -> c.ok(registry.get(c.principal(), c.path("id"))));
    r.patch("/webhooks/{id}", Access.WEBHOOKS,
        c -> c.ok(webhooks.update(c.principal(), c.actor(), c.path("id"), c.body().raw())));
    r.delete("/webhooks/{id}", Access.WEBHOOKS,
        c -> c.ok(registry.delete(c.principal(), c.actor(), c.path("id"))));
    r.post("/webhooks/{id}/restore", Access.WEBHOOKS,
        c -> c.ok(registry.restore(c.principal(), c.path("id"))));
    r.get("/webhooks/{id}/secret", Access.WEBHOOKS,
        c -> c.ok(registry.secret(c.principal(), c.path("id"))));
    r.post("/webhooks/{id}/secret/rotate", Access.WEBHOOKS, this::rotate);
    r.post("/webhooks/{id}/test", Access.WEBHOOKS, this::test);
  }

  private void rotate(Call c) {
    JsonBody b = c.body().allow("grace_period_seconds", "secret");
    long grace = b.optInt("grace_period_seconds", 0, (int) WebhookManagement.MAX_GRACE_SECONDS)
        .orElse(86_400);
    Optional<String> secret = b.optString("secret", Secrets.MAX_LENGTH);
    secret.flatMap(Secrets::problem).ifPresent(p -> b.error("secret", p));
    b.done();
    c.ok(registry.rotate(c.principal(), c.path("id"), grace, secret));
  }

  private void test(Call c) {
    JsonBody b = c.body().allow("event_type");
    Optional<String> type = b.optString("event_type", 64);
    b.done();
    c.ok(webhooks.test(c.principal(), c.actor(), c.path("id"), type));
  }
}
